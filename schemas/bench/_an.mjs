import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  const d = JSON.parse(readFileSync(f, 'utf8'));
  const ops = {}, kw = {}, fmts = {}, widgets = {};
  const visitL = (n) => { if (Array.isArray(n)) return n.forEach(visitL); if (n && typeof n === 'object') { const [op, a] = Object.entries(n)[0] ?? []; if (!op) return; ops[op] = (ops[op] ?? 0) + 1; if (op === 'var') { const v = Array.isArray(a) ? a[0] : a; if (typeof v === 'string' && v.startsWith('$')) ops['VAR ' + v.split('.')[0]] = (ops['VAR ' + v.split('.')[0]] ?? 0) + 1; return; } visitL(a); } };
  for (const r of d.rules ?? []) visitL(r.when ?? r.value);
  if (d.fees) visitL(d.fees.amount); if (d.ranking) { visitL(d.ranking.score); (d.ranking.exclusions ?? []).forEach(e => visitL(e.when)); }
  const visitS = (s) => { if (!s || typeof s !== 'object') return; for (const [k, v] of Object.entries(s)) { if (k === 'properties') { Object.values(v).forEach(visitS); continue; } kw[k] = (kw[k] ?? 0) + 1; if (k === 'format') fmts[v] = (fmts[v] ?? 0) + 1; if (k === 'items') visitS(v); } };
  visitS(d.data);
  for (const u of Object.values(d.ui.fields ?? {})) widgets[u.widget] = (widgets[u.widget] ?? 0) + 1;
  const types = {}; (d.rules ?? []).forEach(r => types[r.type] = (types[r.type] ?? 0) + 1);
  console.log(f, JSON.stringify({ ops, kw, fmts, widgets, types }));
}
