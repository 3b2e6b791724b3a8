/**
 * @sportello/schemas: the service-definition format and its engine. Pure: no database, no
 * network, no DOM, no node:* imports; the browser and the server run this same code.
 */
export { compile, type CompileResult, type CompileOptions } from './compile/compile.js';
export type { CompiledService } from './compile/compiled-service.js';
export { evaluate } from './evaluate/evaluate.js';
export { clean } from './clean.js';
export { applyPrefill, type PrefillData, type PrefillResult } from './prefill.js';
export { guardHolds, type GuardInput } from './workflow-guard.js';
export { AWAITED_REPLY_KINDS, awaitedReply, waitsForCitizen } from './workflow-state.js';
export { checkOfficeData, type OfficeDataCheck } from './office-data.js';
export { paymentAmount, type PaymentAmount } from './payment-amount.js';
export { compileCondition, conditionHolds, type Condition } from './condition.js';
export { sortGraduatoria, type RankedEntry } from './graduatoria.js';
export { scoreTerms, rankingReads, rankAnswers, type ScoreTerm, type RankingReads, type AnswersRanking } from './ranking-terms.js';
export { rankSubmissions, compareKey, type Submission, type RankedRow } from './ranking.js';
export { usedKeys } from './compile/check-translations.js';
export { PLACEHOLDERS, knownPlaceholders, placeholdersOf, templateProblems } from './compile/check-messages.js';
export { explainProblem, type ProblemExplanation } from './compile/explain.js';
export { localize } from './messages/localize.js';
export { romeDate } from './rome-date.js';
export { isHiddenPointer } from './evaluate/state.js';
export { validationPath } from './evaluate/fused-validator.js';
export { executionPaths, generatedCode, type ExecutionPaths } from './evaluate/specialize.js';
export { summarizeEvaluation, formatSummary, type EvaluationSummary, type SummaryStep, type SummaryField, type SummaryError } from './summary.js';
export { pointerOf, parsePath } from './paths.js';
export { renameField, renameRefusal, type RenameResult, type RenameRefusal } from './rename-field.js';
export { LIMITS, BYTES_PER_MB } from './limits.js';
export { ALLOWED_OPERATORS } from './logic/operators.js';
export { italianFormats, isCodiceFiscale, isPartitaIva, isIban, isCap, isTelefonoItaliano } from './formats/index.js';
export type * from './types.js';

import metaSchema from '../service-definition.schema.json' with { type: 'json' };
/** The published meta-schema (JSON Schema 2020-12) of a service definition. */
export const serviceDefinitionSchema: object = metaSchema;
