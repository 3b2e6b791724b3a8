import * as engine from '../dist/src/index.js';
import { readFileSync } from 'node:fs';
import { generateSuite } from './generate.mjs';
import { toFormio, registerFormioOperations, validateWithFormio, formioDataAdapter } from './to-formio.mjs';
const def = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const today = '2026-11-25';
const s = generateSuite(def, { engine, n: +(process.argv[3] ?? 30), today });
registerFormioOperations(engine.italianFormats);
const form = toFormio(def, { today }); const adapt = formioDataAdapter(def);
if (process.argv[4]) console.log(JSON.stringify(form, null, 1));
let bad = 0;
for (const [label, list] of [['valid', s.valid.map(d => ({ data: d }))], ['invalid', s.invalid]]) {
  for (const item of list) {
    const errs = validateWithFormio(form, adapt(item.data));
    const ok = errs.length === 0;
    if (ok !== (label === 'valid')) { bad++; if (bad < 8) console.log(label, JSON.stringify(item.data), item.broken, errs.map(e => e.ruleName + ' ' + (e.context?.path ?? '') + ' ' + e.errorKeyOrMessage)); }
  }
}
console.log('disagreements', bad, 'of', s.valid.length + s.invalid.length);
