/**
 * TypeScript view of the service definition (service-definition.schema.json is the authority)
 * and of what the engine returns. Plain data only: definitions travel as JSON.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Logic = JsonValue;
export type JsonSchema = { [key: string]: unknown };

export type RuleType = 'show' | 'hide' | 'require' | 'compute' | 'error';
export interface Rule {
  id: string;
  type: RuleType;
  description?: string;
  field?: string;
  /** Several fields one show, hide or require rule acts on (instead of `field`). */
  fields?: string[];
  step?: string;
  when?: Logic;
  value?: Logic;
  message?: string;
}

export type Widget =
  | 'text' | 'textarea' | 'number' | 'currency' | 'date' | 'select' | 'radio' | 'checkbox'
  | 'yesno' | 'file' | 'group' | 'address' | 'static' | 'email' | 'section';

export interface UiField {
  widget?: Widget;
  label?: string;
  help?: string;
  placeholder?: string;
  text?: string;
  options?: Record<string, string>;
  addLabel?: string;
  order?: string[];
  accept?: string[];
  /** Largest file, in megabytes of BYTES_PER_MB (1,000,000) bytes: the unit of the server's own cap. */
  maxSizeMb?: number;
  readOnly?: boolean;
}

export interface Step { id: string; title: string; description?: string; fields: string[] }

export type PrefillSource =
  | 'identity.fiscalCode' | 'identity.givenName' | 'identity.familyName' | 'identity.email'
  | 'anpr.resident.birthDate' | 'anpr.resident.birthPlace' | 'anpr.resident.sex'
  | 'anpr.resident.citizenship' | 'anpr.resident.address' | 'anpr.resident.address.street'
  | 'anpr.resident.address.cap' | 'anpr.resident.address.comune' | 'anpr.resident.address.provincia'
  | 'anpr.family' | 'anpr.family.size' | 'inps.isee.value' | 'inps.isee.dsuProtocol' | 'inps.isee.validUntil';

export interface PrefillItem {
  field: string;
  source: PrefillSource;
  map?: Record<string, 'fiscalCode' | 'givenName' | 'familyName' | 'birthDate' | 'sex' | 'relationship'>;
  iseeKind?: string;
  editable?: boolean;
}

/** `unit`: what `amount` computes, euro or cents (cents when absent, with a warning). */
export interface Fees { amount: Logic; unit?: 'euro' | 'cents'; causale: string; dueDays?: number }
export interface Exclusion { id: string; when: Logic; reason: string }
export interface TieBreaker { field: string; direction: 'asc' | 'desc' }
/** One key of a graduatoria's order, after the score: a JSON Logic expression and its direction. */
export interface RankingKey { id: string; label?: string; value: Logic; direction: 'asc' | 'desc' }
/**
 * `tieBreakers` is the older, fields-only form of `keys`: read as keys after them.
 * `leftOutStates`: workflow states whose pratiche the graduatoria leaves out (refused, not funded).
 */
export interface Ranking { score: Logic; exclusions?: Exclusion[]; keys?: RankingKey[]; tieBreakers?: TieBreaker[]; leftOutStates?: string[] }

export type Action =
  | { type: 'protocol'; direction: 'in' | 'out'; subject?: string }
  | { type: 'email'; to: 'citizen' | 'office' | 'assignee'; subject: string; body: string }
  | { type: 'appio'; subject: string; body: string }
  /** A Web Push notification to the citizen's installed app (title and text). */
  | { type: 'push'; subject: string; body: string }
  /**
   * A payment request: `amount` (JSON Logic over answers, computed values, $office, $today, in
   * `unit`) or else the pratica's fee; due `dueDays` after the transition (else the fees', else
   * 30); `causale` a message text (else the fees').
   */
  | { type: 'payment'; amount?: Logic; unit?: 'euro' | 'cents'; dueDays?: number; causale?: string }
  /** A letter (e.g. the outcome) generated as PDF, stored with the pratica and shown to the citizen; `protocol`: registered outgoing with its hash. */
  | { type: 'document'; subject: string; body: string; protocol?: boolean };

/**
 * A state of the pratica. `slaDays`: the deadline to leave it; `waitsForCitizen`: the office
 * waits for the citizen (an integration, a reply to a notice of denial), so the deadline to
 * conclude is suspended meanwhile (L. 241/1990 art. 2 c. 7, art. 10-bis) and `slaDays` is the
 * citizen's time to answer; `outcome`: the procedure has its outcome (esito), so the deadline to
 * conclude no longer runs (final states imply it). `awaits`: which reply of the citizen the state
 * awaits, answered through a citizen transition out of it: `integration` (the documents or text an
 * integration request asks for; art. 2 c. 7) or `observations` (on a notice of denial, art.
 * 10-bis); the state then waits for the citizen (as `waitsForCitizen`) and `slaDays` is the reply
 * window. The citizen's page and personal area say what is awaited and by when.
 */
export interface WorkflowState { id: string; label: string; slaDays?: number; final?: boolean; waitsForCitizen?: boolean; outcome?: boolean; awaits?: AwaitedReplyKind }
/** The replies a state may await from the citizen (`WorkflowState.awaits`; AWAITED_REPLY_KINDS lists them). */
export type AwaitedReplyKind = 'integration' | 'observations';
export type WorkflowRole = 'operator' | 'supervisor' | 'citizen' | 'system';
export interface Transition {
  id: string; from: string; to: string; label: string;
  roles?: WorkflowRole[];
  actions?: Action[];
  /** JSON Logic over the answers, computed values, $office and $today: the transition is allowed only while it holds. */
  guard?: Logic;
  /** Translation key of the refusal shown when the guard does not hold. */
  guardMessage?: string;
}
/** `concludeDays`: the deadline to conclude the procedure from submission (default 30, L. 241/1990 art. 2). */
export interface Workflow { initial: string; states: WorkflowState[]; transitions: Transition[]; concludeDays?: number }

export interface ServiceDefinition {
  $schema?: string;
  id: string;
  version: string;
  defaultLanguage: string;
  title: string;
  description?: string;
  category?: string;
  tags?: string[];
  data: JsonSchema;
  officeData?: JsonSchema;
  ui: { steps: Step[]; fields?: Record<string, UiField> };
  rules?: Rule[];
  /** Named conditions, used in any expression as {"condition": "name"}. */
  conditions?: Record<string, Logic>;
  translations: Record<string, Record<string, string>>;
  prefill?: PrefillItem[];
  fees?: Fees;
  ranking?: Ranking;
  workflow?: Workflow;
}

/** A problem found by compile(): where (JSON pointer into the definition) and what (stable code). */
export interface Problem {
  pointer: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

/** An error in the citizen's answers: i18n key, JSON pointer into the answers, localized message. */
export interface AnswerError {
  pointer: string;
  key: string;
  params?: Record<string, unknown>;
  message: string;
  rule?: string;
}

export interface StepState {
  id: string;
  visible: boolean;
  complete: boolean;
  errorCount: number;
}

/** `causale` in the asked language; `causaleKey` its translation key. */
export interface FeeResult { amountCents: number | null; causale: string; causaleKey: string; dueDays: number | null; error?: string }

/** Something the caller should know that is not an error in the answers (e.g. a language the service lacks). */
export interface Notice { code: string; message: string; params?: Record<string, unknown> }
/** A key's value for one submission, with what explains it (its label in the asked language). */
export interface RankingKeyValue {
  id: string;
  label: string;
  direction: 'asc' | 'desc';
  value: string | number | boolean | null;
}

export interface RankingResult {
  score: number | null;
  excluded: boolean;
  /** The exclusions that hold, in the asked language (their keys in reasonKeys, same order). */
  reasons: string[];
  reasonKeys: string[];
  /** The order's keys: the score first, then `keys`, then the older `tieBreakers`. */
  keys: RankingKeyValue[];
  /** The tie-breakers' values (the older form, for sortGraduatoria). */
  tieBreak: Array<string | number | boolean | null>;
  error?: string;
}

export interface Evaluation {
  valid: boolean;
  steps: StepState[];
  /** JSON pointers of fields that exist in data but are hidden now (rows included: /nucleo/1/x). */
  hidden: string[];
  /** JSON pointers of visible fields that must be answered. */
  required: string[];
  /** JSON pointer -> value set by compute rules. */
  computed: Record<string, JsonValue>;
  errors: AnswerError[];
  fee: FeeResult | null;
  ranking: RankingResult | null;
  /** The language asked for, when the service has it; else its default language (and a notice says so). */
  language: string;
  notices: Notice[];
}

export interface EvaluateOptions {
  locale?: string;
  /** Office fields' answers (operators' istruttoria), visible to logic as $office. */
  office?: Record<string, unknown>;
  /** Reference date (YYYY-MM-DD) for date logic; defaults to today in Italy (Europe/Rome). Pass it for reproducible results. */
  today?: string;
  /** When the submission was made (ISO date-time), readable as $submittedAt (ranking keys); null before. */
  submittedAt?: string | null;
}
