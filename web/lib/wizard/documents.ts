// The wizard's operations are written in documents.graphql (beside this file): the typed documents
// codegen made of them, imported one by one (see there why not `graphql()`).
export {
  SaveDraftDocument as SaveDraft, LoadDraftDocument as LoadDraft, DeleteDraftDocument as DeleteDraft, SubmitPraticaDocument as SubmitPratica,
} from '@/lib/wizard/gql/graphql';
