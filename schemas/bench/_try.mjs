import * as engine from '../dist/src/index.js';
import { readFileSync } from 'node:fs';
import { generateSuite } from './generate.mjs';
const def = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const t = performance.now();
const s = generateSuite(def, { engine, n: +(process.argv[3] ?? 20) });
console.log((performance.now() - t).toFixed(0), 'ms', s.stats);
console.log(JSON.stringify(s.valid.slice(0, 3)));
console.log(JSON.stringify(s.invalid.slice(0, 3)));
