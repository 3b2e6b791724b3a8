import {
  BREAK, GraphQLError, Kind, visit,
  type ASTNode, type DocumentNode, type OperationDefinitionNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '../shared/domain-error.js';

/** How deep a JSON value (answers, working copies, branding...) may nest. */
export const MAX_JSON_DEPTH = 64;

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface BadInput { key: string; path: string }

/** The problem of one string (a value or an object key), or null. PostgreSQL stores neither in text or jsonb. */
export function badString(s: string): string | null {
  if (NUL.test(s)) return 'error.input.nul';
  if (LONE_SURROGATE.test(s)) return 'error.input.surrogate';
  return null;
}

const step = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/**
 * The first problem in a JSON value: a NUL or a lone surrogate in a string or key, or nesting
 * deeper than MAX_JSON_DEPTH. Walks with its own stack (no recursion), so 100,000 levels cannot
 * overflow the call stack.
 */
export function findBadInput(value: unknown, path: string, maxDepth = MAX_JSON_DEPTH): BadInput | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 0 }];
  while (stack.length) {
    const { value: v, path: p, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const key = badString(v);
      if (key) return { key, path: p };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { key: 'error.input.tooDeep', path: p };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: step(p, i), depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      const keyProblem = badString(k);
      if (keyProblem) return { key: keyProblem, path: step(p, k) };
      stack.push({ value: child, path: step(p, k), depth: depth + 1 });
    }
  }
  return null;
}

/** The same checks on the literal arguments written in the query text itself. */
function findBadLiteral(document: DocumentNode, operation: OperationDefinitionNode): BadInput | null {
  let found: BadInput | null = null;
  let argument = '';
  let depth = 0;
  const nested = () => {
    depth++;
    if (depth <= MAX_JSON_DEPTH) return undefined;
    found = { key: 'error.input.tooDeep', path: argument };
    return BREAK;
  };
  const checked = (text: string) => {
    const key = badString(text);
    if (!key) return undefined;
    found = { key, path: argument };
    return BREAK;
  };
  const roots: ASTNode[] = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const root of roots) {
    // graphql's visit walks with its own stack, as findBadInput does.
    visit(root, {
      Argument: { enter: (node) => { argument = node.name.value; depth = 0; } },
      ObjectValue: { enter: nested, leave: () => { depth--; } },
      ListValue: { enter: nested, leave: () => { depth--; } },
      StringValue: (node) => checked(node.value),
      ObjectField: (node) => checked(node.name.value),
    });
    if (found) return found;
  }
  return null;
}

export function inputError(problem: BadInput): GraphQLError {
  return new GraphQLError(problem.key, {
    originalError: new DomainError('BAD_USER_INPUT', problem.key, { path: problem.path, max: MAX_JSON_DEPTH }),
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/**
 * Refuses, before any resolver runs, input no resolver should have to think about: NUL
 * characters and lone surrogates in any string (argument, variable, JSON value or key) and JSON
 * nested deeper than MAX_JSON_DEPTH. The error says where (`$answers.persona.nome`).
 */
export function inputChecksPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const problem = findBadInput(value, `$${name}`);
            if (problem) throw inputError(problem);
          }
          const literal = findBadLiteral(document, operation);
          if (literal) throw inputError(literal);
        },
      };
    },
  };
}
