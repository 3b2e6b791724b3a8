import { compile, evaluate } from '/work/main/schemas/dist/src/index.js';
import { readFileSync } from 'node:fs';
const def = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const answers = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const r = compile(def);
let t = performance.now(); for (let i = 0; i < 300000; i++) evaluate(r.service, answers, { today: '2026-11-25' }); console.log((performance.now() - t));
