/**
 * Caps that keep compile() and evaluate() bounded on hostile or accidental input: the engine runs
 * in the browser on every keystroke and on the server for anonymous callers, so it must never
 * hang or blow the stack. Each cap is reported as a problem naming the limit.
 */
export const LIMITS = {
  /** Serialized size of one definition. The largest template is ~150 KB. */
  definitionBytes: 5_000_000,
  /** Nesting depth of any JSON value in a definition (schemas, logic, translations). */
  definitionDepth: 64,
  /** Fields (properties at any level) in data plus officeData. */
  fields: 3_000,
  /** Nodes in one JSON Logic expression. */
  logicNodes: 5_000,
  /** Length of a regular expression in a pattern. */
  patternLength: 1_000,
  /**
   * The largest fee the engine computes, in euro cents (one billion euro): an amount beyond it
   * is `fee.outOfRange`, never stored. Well inside a safe integer and a BIGINT column.
   */
  maxAmountCents: 100_000_000_000,
  /**
   * The most rows a repeating group may allow (its `maxItems`): a group of 1,000 rows takes ~30 ms
   * per evaluation on a busy machine, evaluated on every change in the wizard.
   */
  rows: 1_000,
  /** The rows a group without `maxItems` allows. */
  defaultRows: 100,
} as const;

/**
 * A file field's `maxSizeMb` counts megabytes of one million bytes (SI), the unit the server's
 * upload cap is written in (10 MB = 10,000,000 bytes): "10" means the same to a designer, the
 * citizen's screen and the server.
 */
export const BYTES_PER_MB = 1_000_000;
