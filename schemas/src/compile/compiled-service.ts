import type { ValidateFunction } from 'ajv';
import type { ServiceDefinition, TieBreaker } from '../types.js';
import type { CompiledLogic, LogicPaths } from '../logic/engine.js';
import type { FieldInfo } from './field-index.js';
import type { CompiledDateBounds } from './date-bounds.js';
import type { PatternEngine } from '../formats/linear-regexp.js';

/** A rule ready to run: `group` set when it runs once per row of that repeating group. */
export interface CompiledRule {
  id: string;
  index: number;
  type: 'show' | 'hide' | 'require' | 'compute' | 'error';
  field?: FieldInfo;
  step?: string;
  group?: FieldInfo;
  fn: CompiledLogic;
  message?: string;
}

export interface CompiledStep {
  id: string;
  index: number;
  /** Pointer prefixes of the fields laid out in this step (rows included under a group's). */
  pointers: string[];
  /** The fields at those pointers, in the same order. */
  fields: FieldInfo[];
  show: CompiledRule[];
  hide: CompiledRule[];
}

export interface CompiledVisibility { show: CompiledRule[]; hide: CompiledRule[] }

/** The result of compile(): everything evaluate() needs, built once per published version. */
export interface CompiledService {
  definition: ServiceDefinition;
  /** Compiled with `{ generic: true }`: evaluate runs the generic steps, Ajv and json-logic-engine (see executionPaths). */
  generic: boolean;
  /** Which code runs each expression (the direct compiler or json-logic-engine). */
  logicPaths: LogicPaths;
  /** How the schema's patterns run (linear-regexp.ts): re2js, or the native RegExp for the simplest. */
  patterns: PatternEngine;
  fields: Map<string, FieldInfo>;
  officeFields: Map<string, FieldInfo>;
  groups: FieldInfo[];
  validate: ValidateFunction;
  validateOffice?: ValidateFunction;
  computes: CompiledRule[];
  fieldVisibility: Map<string, CompiledVisibility>;
  steps: CompiledStep[];
  /** Step index of each top-level pointer prefix laid out in a step. */
  stepOfPointer: Map<string, number>;
  /** Tokens in the longest of those pointers: a longer prefix of an error's pointer names no step. */
  stepPointerDepth: number;
  requireRules: Map<string, CompiledRule[]>;
  requiredCandidates: FieldInfo[];
  errorRules: CompiledRule[];
  /** Date fields' `dateBounds` (date-bounds.ts), checked after schema validation. */
  dateBounds: CompiledDateBounds[];
  /** Each guarded transition's condition, by transition id (see workflow-guard.ts). */
  guards: Map<string, CompiledLogic>;
  /** Payment actions' own amounts, by `<transition id>/<action index>` (see payment-amount.ts). */
  paymentAmounts: Map<string, { fn: CompiledLogic; unit: 'euro' | 'cents' }>;
  fee?: { amount: CompiledLogic; unit: 'euro' | 'cents'; causale: string; dueDays?: number };
  ranking?: {
    score: CompiledLogic;
    exclusions: Array<{ id: string; fn: CompiledLogic; reason: string }>;
    tieBreakers: TieBreaker[];
    /** The order's keys after the score: `keys`, then the tie-breakers as keys reading their field. */
    keys: Array<{ id: string; label?: string; direction: 'asc' | 'desc'; fn: CompiledLogic }>;
    /** Where each tie-breaker's value is read, split once: the office's data or the answers (null: the submission time). */
    tieReads: Array<{ office: boolean; parts: string[] } | null>;
  };
}
