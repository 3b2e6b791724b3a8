import {
  GraphQLError, Kind, getNamedType, isListType, getNullableType,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type GraphQLOutputType,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '../shared/domain-error.js';

export interface QueryLimits { maxDepth: number; maxCost: number; maxAliases: number; defaultPage: number; maxPage: number }

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 5_000, maxAliases: 30, defaultPage: 20, maxPage: 100 };

export interface QueryMeasure { depth: number; cost: number; aliases: number }

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
  return Number.isFinite(v) ? Math.max(0, v) : limits.defaultPage;
}

/**
 * Depth, cost and aliases of one operation. Cost: every field costs 1, multiplied by the page
 * size (first/last, else the default page) of each enclosing list or connection, so
 * `a(first: 100) { edges { node { b(first: 100) { ... } } } }` costs what it could fetch.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: QueryLimits): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const lists = listFields(schema);
  let aliases = 0;
  const measure = (set: SelectionSetNode | undefined, depth: number, multiplier: number, seen: ReadonlySet<string>): { depth: number; cost: number } => {
    if (!set) return { depth, cost: 0 };
    let maxDepth = depth;
    let cost = 0;
    for (const sel of set.selections) {
      let inner: { depth: number; cost: number };
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (sel.alias) aliases++;
        const page = pageSize(sel, variables, limits) ?? (sel.selectionSet && lists.has(sel.name.value) ? limits.defaultPage : 1);
        inner = measure(sel.selectionSet, depth + 1, multiplier * page, seen);
        cost += multiplier;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(sel.selectionSet, depth, multiplier, seen);
      } else {
        const name = sel.name.value;
        if (seen.has(name)) continue; // fragment cycles are graphql's own validation error
        inner = measure(fragments.get(name)?.selectionSet, depth, multiplier, new Set([...seen, name]));
      }
      cost += inner.cost;
      maxDepth = Math.max(maxDepth, inner.depth);
    }
    return { depth: maxDepth, cost };
  };
  const { depth, cost } = measure(operation.selectionSet, 0, 1, new Set());
  return { depth, cost, aliases };
}

function limitError(key: string, params: Record<string, unknown>): GraphQLError {
  return new GraphQLError(key, { originalError: new DomainError('LIMIT_EXCEEDED', key, params), extensions: { code: 'LIMIT_EXCEEDED', http: { status: 400 } } });
}

/** Checks every operation after parsing and before any resolver runs (variables known here). */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const m = measureOperation(schema, document, operation, request.variables ?? {}, limits);
          if (m.depth > limits.maxDepth) throw limitError('error.limit.depth', { depth: m.depth, max: limits.maxDepth });
          if (m.cost > limits.maxCost) throw limitError('error.limit.cost', { cost: m.cost, max: limits.maxCost });
          if (m.aliases > limits.maxAliases) throw limitError('error.limit.aliases', { count: m.aliases, max: limits.maxAliases });
        },
      };
    },
  };
}
