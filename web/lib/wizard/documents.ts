import { graphql } from '@/gql';

export const SaveDraft = graphql(`
  mutation SaveDraft($input: SaveDraftInput!) {
    saveDraft(input: $input) { id rowVersion updatedAt versionNumber }
  }
`);

export const LoadDraft = graphql(`
  query LoadDraft($serviceId: ID!) {
    draft(serviceId: $serviceId) { id answers rowVersion currentStep updatedAt versionNumber }
  }
`);

export const DeleteDraft = graphql(`
  mutation DeleteDraft($serviceId: ID!) { deleteDraft(serviceId: $serviceId) }
`);

export const SubmitPratica = graphql(`
  mutation SubmitPratica($input: SubmitPraticaInput!) {
    submitPratica(input: $input) { id code }
  }
`);
