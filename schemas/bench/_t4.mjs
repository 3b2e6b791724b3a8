import * as engine from '../dist/src/index.js';
import { readFileSync } from 'node:fs';
import { generateSuite } from './generate.mjs';
import { toFormio, registerFormioOperations, validateWithFormio } from './to-formio.mjs';
const def = JSON.parse(readFileSync('../templates/contributo-affitto.json', 'utf8'));
const today = '2026-11-25';
const s = generateSuite(def, { engine, n: 20, today });
registerFormioOperations(engine.italianFormats);
const form = toFormio(def, { today });
for (const d of s.valid) {
  const errs = validateWithFormio(form, structuredClone(d));
  if (errs.length) { console.log(JSON.stringify(d.sfratto), JSON.stringify(d.situazioni), errs.map(e => [e.context.value, e.context.component.key, JSON.stringify(e.context.component.data ?? e.context.component.values)])); }
}
