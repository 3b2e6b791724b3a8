import { graphql } from '@/gql';

// The designer API's documents used by the builder's client components (typed by codegen).

export const LoadService = graphql(`
  query BuilderLoadService($id: ID!) {
    designerService(id: $id) {
      id slug title revision enabled currentVersion templateId updatedAt workingCopy
      problems { pointer code message params }
      warnings { pointer code message params }
      versions(first: 100) { edges { node { id number semver publishedAt publishedByName hash } } }
    }
  }
`);

export const SaveWorkingCopy = graphql(`
  mutation BuilderSaveWorkingCopy($input: UpdateWorkingCopyInput!) {
    updateWorkingCopy(input: $input) {
      id revision title updatedAt
      problems { pointer code message params }
      warnings { pointer code message params }
    }
  }
`);

export const ValidateDefinition = graphql(`
  query BuilderValidate($definition: JSON!) {
    validateDefinition(definition: $definition) {
      ok publishable
      problems { pointer code message params }
      warnings { pointer code message params }
    }
  }
`);

export const PublishService = graphql(`
  mutation BuilderPublish($id: ID!) {
    publishService(id: $id) { id number semver publishedAt publishedByName hash }
  }
`);

export const SetServiceEnabled = graphql(`
  mutation BuilderSetEnabled($id: ID!, $enabled: Boolean!) {
    setServiceEnabled(id: $id, enabled: $enabled) { id enabled currentVersion }
  }
`);

export const ExportService = graphql(`
  query BuilderExport($id: ID!, $version: Int) {
    exportService(id: $id, version: $version)
  }
`);

export const ImportService = graphql(`
  mutation BuilderImport($input: ImportServiceInput!) {
    importService(input: $input) { id slug }
  }
`);

export const CreateService = graphql(`
  mutation BuilderCreate($input: CreateServiceInput!) {
    createService(input: $input) { id slug }
  }
`);

export const CreateFromTemplate = graphql(`
  mutation BuilderCreateFromTemplate($input: CreateServiceFromTemplateInput!) {
    createServiceFromTemplate(input: $input) { id slug }
  }
`);
