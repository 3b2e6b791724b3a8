import * as engine from '../dist/src/index.js';
import { readFileSync } from 'node:fs';
import { generateSuite } from './generate.mjs';
import { customOps } from './ops.mjs';
const def = JSON.parse(readFileSync('../templates/iscrizione-mensa-scolastica.json', 'utf8'));
const s = generateSuite(def, { engine, n: 100, today: '2026-11-25' });
let bad = 0;
for (const d of s.valid) for (const f of d.figli ?? []) { const y = customOps.years_between(f.dataNascita, '2026-11-25'); const o = f.ordineScuola; const ok = o === 'infanzia' ? y >= 2 && y <= 6 : o === 'primaria' ? y >= 5 && y <= 12 : y >= 10 && y <= 16; if (!ok) bad++; }
console.log('rows violating etaCompatibileConLaScuola', bad);
