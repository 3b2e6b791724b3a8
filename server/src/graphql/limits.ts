import {
  GraphQLError, Kind, getNamedType, isListType, getNullableType,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type GraphQLOutputType, type ValidationContext, type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { DomainError } from '../shared/domain-error.js';

export interface QueryLimits {
  maxDepth: number; maxCost: number; maxAliases: number; maxDirectives: number; maxTokens: number;
  defaultPage: number; maxPage: number;
  /** What one `__schema` or `__type` costs: bounded by the schema's size, not by the data. */
  introspectionCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12, maxCost: 5_000, maxAliases: 30, maxDirectives: 50, maxTokens: 5_000,
  defaultPage: 20, maxPage: 100, introspectionCost: 1_000,
};

export function limitError(key: string, params: Record<string, unknown>): GraphQLError {
  return new GraphQLError(key, { originalError: new DomainError('LIMIT_EXCEEDED', key, params), extensions: { code: 'LIMIT_EXCEEDED', http: { status: 400 } } });
}

/** graphql-armor reports "..., found 40." in English: keep the number, the message is ours. */
const found = (error: GraphQLError) => Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);

function reporter(key: string, max: number, countName: string) {
  return [(context: ValidationContext | null, error: GraphQLError) => {
    const count = found(error);
    const e = limitError(key, { max, ...(Number.isFinite(count) ? { [countName]: count } : {}) });
    context?.reportError(e);
  }];
}

/**
 * graphql-armor's checks, before execution: aliases (every alias counts, `__typename` and
 * `__schema` included), depth and directives. Field suggestions ("Did you mean") are removed in
 * production by Apollo's own hideSchemaDetailsFromClientErrors (http/app.ts): armor's mask left
 * a stray "?" at the end of the message. Armor's own cost limit is off: it ignores `first` given as a variable and
 * connections without `first`, which `queryCostPlugin` counts. Tokens are counted by
 * `checkTokens` before the request reaches Apollo (a refusal thrown from an Apollo hook would
 * be answered as an internal error).
 */
export function armor(limits: QueryLimits): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxAliases: { n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: reporter('error.limit.aliases', limits.maxAliases, 'count') },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: reporter('error.limit.depth', limits.maxDepth, 'depth') },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: reporter('error.limit.directives', limits.maxDirectives, 'count') },
    maxTokens: { enabled: false },
  }).protect();
  // armor is typed against the CommonJS build of @apollo/server, this server loads the ESM one: same shape.
  return { plugins: plugins as unknown as ApolloServerPlugin[], validationRules };
}

/**
 * Refuses a query text of more than `maxTokens` tokens with LIMIT_EXCEEDED, with armor's
 * counting lexer: it stops at the limit instead of parsing a huge document. Syntax errors are
 * left to Apollo, which reports them as usual.
 */
export function checkTokens(query: unknown, limits: QueryLimits = DEFAULT_LIMITS): void {
  if (typeof query !== 'string') return;
  const parser = new MaxTokensParserWLexer(query, { n: limits.maxTokens, propagateOnRejection: true });
  try {
    parser.parseDocument();
  } catch {
    if (parser.tokenCount > limits.maxTokens) throw new DomainError('LIMIT_EXCEEDED', 'error.limit.tokens', { max: limits.maxTokens });
  }
}

const listFieldsBySchema = new WeakMap<GraphQLSchema, Set<string>>();

// Fields returning a list or a connection anywhere in the schema, matched by name (not by
// parent type): this can only over-count, the safe side for a limit. `edges` is not counted:
// its connection already multiplied by the page size.
function listFields(schema: GraphQLSchema): Set<string> {
  let names = listFieldsBySchema.get(schema);
  if (!names) {
    names = new Set();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('__')) continue;
      const fields = (type as unknown as { getFields(): Record<string, { name: string; type: GraphQLOutputType }> }).getFields();
      for (const field of Object.values(fields)) {
        const t = getNullableType(field.type) as GraphQLOutputType;
        if (field.name !== 'edges' && (isListType(t) || getNamedType(t).name.endsWith('Connection'))) names.add(field.name);
      }
    }
    listFieldsBySchema.set(schema, names);
  }
  return names;
}

function pageSize(node: FieldNode, variables: Record<string, unknown>, limits: QueryLimits): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!arg) return undefined;
  const v = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? Number(variables[arg.value.name.value]) : NaN;
  return Number.isFinite(v) ? Math.min(Math.max(0, v), limits.maxPage) : limits.defaultPage;
}

/**
 * The cost of one operation: every field costs 1, multiplied by the page size (first/last,
 * else the default page) of each enclosing list or connection, so
 * `a(first: 100) { edges { node { b(first: 100) { ... } } } }` costs what it could fetch.
 * `__typename` costs 1, `__schema`/`__type` `introspectionCost`. A fragment's cost is computed
 * once (cost is linear in the multiplier), so fragments spread many times cannot make this slow.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: QueryLimits): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const lists = listFields(schema);
  const fragmentCost = new Map<string, number>();
  const cost = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name === '__schema' || name === '__type') { total += limits.introspectionCost; continue; }
        const page = pageSize(sel, variables, limits) ?? (sel.selectionSet && lists.has(name) ? limits.defaultPage : 1);
        total += 1 + page * cost(sel.selectionSet, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        total += cost(sel.selectionSet, seen);
      } else {
        const name = sel.name.value;
        if (seen.has(name)) continue; // fragment cycles are graphql's own validation error
        let c = fragmentCost.get(name);
        if (c === undefined) {
          c = cost(fragments.get(name)?.selectionSet, new Set([...seen, name]));
          fragmentCost.set(name, c);
        }
        total += c;
      }
      if (total > Number.MAX_SAFE_INTEGER) return Infinity;
    }
    return total;
  };
  return cost(operation.selectionSet, new Set());
}

/** Refuses an operation costing more than `maxCost` after validation, before any resolver runs (variables known here). */
export function queryCostPlugin(limits: QueryLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const c = queryCost(schema, document, operation, request.variables ?? {}, limits);
          if (c > limits.maxCost) throw limitError('error.limit.cost', { cost: Number.isFinite(c) ? c : '∞', max: limits.maxCost });
        },
      };
    },
  };
}
