import {
  GraphQLError, Kind, getNamedType, isListType, getNullableType,
  type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type ValidationContext,
  type SelectionSetNode, type GraphQLOutputType,
} from 'graphql';
import { DomainError } from '../shared/domain-error.js';

export interface QueryLimits { maxDepth: number; maxCost: number; maxAliases: number; defaultPage: number; maxPage: number }

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 5_000, maxAliases: 30, defaultPage: 20, maxPage: 100 };

function limitError(key: string, params: Record<string, unknown>): GraphQLError {
  // Thrown as a GraphQL validation error carrying our code, so no resolver ever runs.
  const domain = new DomainError('LIMIT_EXCEEDED', key, params);
  return new GraphQLError(key, { originalError: domain, extensions: { code: 'LIMIT_EXCEEDED' } });
}

function pageSize(node: FieldNode, variables: Record<string, unknown>, limits: QueryLimits): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!arg) return undefined;
  const v = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? Number(variables[arg.value.name.value]) : NaN;
  return Number.isFinite(v) ? v : limits.defaultPage;
}

/**
 * One validation rule for depth, cost and aliases. Cost: every field costs 1, multiplied by
 * the page size of each enclosing connection or list (first/last, else the default page), so
 * `services(first: 100) { edges { node { versions(first: 100) ... } } }` costs what it fetches.
 */
export function queryLimitsRule(limits: QueryLimits, variables: () => Record<string, unknown>) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    let aliases = 0;
    const measure = (set: SelectionSetNode | undefined, depth: number, multiplier: number, seen: Set<string>): { depth: number; cost: number } => {
      if (!set) return { depth, cost: 0 };
      let maxDepth = depth;
      let cost = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          if (sel.alias) aliases++;
          const page = pageSize(sel, variables(), limits);
          const inner = measure(sel.selectionSet, depth + 1, multiplier * (page ?? (sel.selectionSet && isListField(context, sel) ? limits.defaultPage : 1)), seen);
          cost += multiplier + inner.cost;
          maxDepth = Math.max(maxDepth, inner.depth);
        } else {
          const target = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : (() => {
            const name = sel.name.value;
            if (seen.has(name)) return undefined; // cycles are reported by graphql's own rule
            const f = fragments.get(name);
            return f?.selectionSet;
          })();
          const inner = measure(target, depth, multiplier, sel.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, sel.name.value]) : seen);
          cost += inner.cost;
          maxDepth = Math.max(maxDepth, inner.depth);
        }
      }
      return { depth: maxDepth, cost };
    };
    return {
      OperationDefinition(node) {
        aliases = 0;
        const { depth, cost } = measure(node.selectionSet, 0, 1, new Set());
        if (depth > limits.maxDepth) context.reportError(limitError('error.limit.depth', { depth, max: limits.maxDepth }));
        if (cost > limits.maxCost) context.reportError(limitError('error.limit.cost', { cost, max: limits.maxCost }));
        if (aliases > limits.maxAliases) context.reportError(limitError('error.limit.aliases', { count: aliases, max: limits.maxAliases }));
      },
    };
  };
}

const listFieldsBySchema = new WeakMap<object, Set<string>>();

// Names of fields that return a list or a connection anywhere in the schema. Matching by name
// (not by parent type) can only over-count, which is the safe side for a limit.
function isListField(context: ValidationContext, node: FieldNode): boolean {
  const schema = context.getSchema();
  let names = listFieldsBySchema.get(schema);
  if (!names) {
    names = new Set();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('__')) continue;
      for (const field of Object.values((type as { getFields(): Record<string, { type: GraphQLOutputType }> }).getFields())) {
        const t = getNullableType(field.type) as GraphQLOutputType;
        if (isListType(t) || getNamedType(t).name.endsWith('Connection')) names.add((field as unknown as { name: string }).name);
      }
    }
    listFieldsBySchema.set(schema, names);
  }
  return names.has(node.name.value);
}
