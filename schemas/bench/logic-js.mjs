/**
 * JSON Logic (Sportello's dialect: json-logic-engine plus sum/count/days_between/...) compiled to
 * a JavaScript expression, for the rules a target cannot express in its own rule language (in
 * Form.io: a var that climbs out of a filter body with "../../", which json-logic-js cannot
 * read). The expression reads `data` (root answers), `row` (the current row) and `rowIndex`,
 * and calls helpers installed on globalThis.__sportelloBench by installJsHelpers().
 */

const H = 'globalThis.__sportelloBench';

export function installJsHelpers(helpers) {
  globalThis.__sportelloBench = helpers;
}

function lit(v) {
  return JSON.stringify(v);
}

/**
 * @param logic the expression
 * @param {{ today: string, rowVar?: string, indexVar?: string, dataVar?: string }} env
 */
export function logicToJs(logic, env) {
  const scopes = []; // iteration item variables, innermost last
  let counter = 0;
  const read = (base, dotted) => (dotted === '' ? base : `${H}.get(${base}, ${lit(dotted)})`);
  const rootVar = (name) => {
    if (name === '$today') return lit(env.today);
    if (name === '$index') return env.indexVar ?? 'undefined';
    if (name === '$row') return env.rowVar ?? 'undefined';
    if (name.startsWith('$row.')) return read(env.rowVar ?? 'undefined', name.slice(5));
    if (name.startsWith('$office')) return 'null';
    return read(env.dataVar ?? 'data', name);
  };
  const varExpr = (name, depth) => {
    let d = depth;
    let n = name;
    while (n.startsWith('../../') && d > 0) { n = n.slice(6); d -= 1; }
    if (d === 0) return rootVar(n);
    const scope = scopes[d - 1];
    if (scope.reduce) {
      if (n === 'accumulator' || n.startsWith('accumulator.')) return read(scope.acc, n.slice(12));
      if (n === 'current' || n.startsWith('current.')) return read(scope.item, n.slice(8));
    }
    return read(scope.item, n);
  };
  const c = (node) => {
    if (node === null || typeof node !== 'object') return lit(node);
    if (Array.isArray(node)) return `[${node.map(c).join(', ')}]`;
    const [op, raw] = Object.entries(node)[0];
    const args = Array.isArray(raw) ? raw : [raw];
    const depth = scopes.length;
    switch (op) {
      case 'var': {
        const name = String(Array.isArray(raw) ? raw[0] : raw ?? '');
        const expr = varExpr(name, depth);
        return Array.isArray(raw) && raw.length > 1 ? `${H}.dflt(${expr}, ${c(raw[1])})` : expr;
      }
      case 'and': return `${H}.and([${args.map((a) => `() => ${c(a)}`).join(', ')}])`;
      case 'or': return `${H}.or([${args.map((a) => `() => ${c(a)}`).join(', ')}])`;
      case 'if': case '?:': {
        let out = args.length % 2 === 1 ? c(args[args.length - 1]) : 'null';
        for (let i = args.length - (args.length % 2 === 1 ? 3 : 2); i >= 0; i -= 2) out = `(${H}.truthy(${c(args[i])}) ? ${c(args[i + 1])} : ${out})`;
        return out;
      }
      case 'sum': case 'count': case 'map': case 'filter': case 'reduce': case 'all': case 'some': case 'none': {
        const list = `${H}.list(${c(args[0])})`;
        const item = `i${counter++}`;
        const acc = `a${counter++}`;
        scopes.push({ item, acc, reduce: op === 'reduce' });
        const body = args[1] === undefined ? (op === 'count' ? 'true' : item) : c(args[1]);
        scopes.pop();
        switch (op) {
          case 'sum': return `${list}.map((${item}) => ${body}).reduce((s, v) => ${H}.add([s, v]), 0)`;
          case 'count': return `${list}.filter((${item}) => ${H}.truthy(${body})).length`;
          case 'map': return `${list}.map((${item}) => ${body})`;
          case 'filter': return `${list}.filter((${item}) => ${H}.truthy(${body}))`;
          case 'reduce': return `${list}.reduce((${acc}, ${item}) => ${body}, ${args[2] === undefined ? 'null' : c(args[2])})`;
          case 'all': return `(${list}.length > 0 && ${list}.every((${item}) => ${H}.truthy(${body})))`;
          case 'some': return `${list}.some((${item}) => ${H}.truthy(${body}))`;
          case 'none': return `!${list}.some((${item}) => ${H}.truthy(${body}))`;
        }
        break;
      }
      default: {
        if (!/^[A-Za-z_!=<>+\-*/%?:]+$/.test(op)) throw new Error(`operator ${op}`);
        return `${H}.op(${lit(op)}, [${args.map(c).join(', ')}])`;
      }
    }
    return 'undefined';
  };
  return c(logic);
}
