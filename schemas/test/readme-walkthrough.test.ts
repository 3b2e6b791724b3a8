/**
 * The README's walk-through, run as written: its files are written out, `sportello check` must
 * print what the README shows, and `sportello evaluate` must give what it shows (a subset of the
 * JSON). Runs the built engine (dist/): root `npm test` builds it before the tests.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, evaluate, generatedCode } from '../src/index.js';

const cli = fileURLToPath(new URL('../../bin/sportello.mjs', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Walk-through'), readme.indexOf('## The format, part by part'));

/** The fenced blocks whose info string holds `key=value`. */
function block(key: string, value: string): string {
  const re = new RegExp('```[a-z]+ ' + key + '=' + value.replace('.', '\\.') + '\\n([\\s\\S]*?)```');
  const m = re.exec(section);
  if (!m) throw new Error(`README walk-through: no block ${key}=${value}`);
  return m[1]!;
}

describe('README walk-through', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-readme-'));
  const definition = JSON.parse(block('file', 'centro-estivo.json'));
  const answers = JSON.parse(block('file', 'risposte.json'));
  writeFileSync(join(dir, 'centro-estivo.json'), JSON.stringify(definition));
  writeFileSync(join(dir, 'risposte.json'), JSON.stringify(answers));
  const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });

  it('`sportello check` prints what the README shows', () => {
    const shown = block('cmd', 'check').split('\n').filter((l) => l && !l.startsWith('$'));
    expect(run('check', 'centro-estivo.json').trim().split('\n')).toEqual(shown);
  });

  it('`sportello evaluate` gives what the README shows', () => {
    const out = JSON.parse(run('evaluate', 'centro-estivo.json', 'risposte.json', '--today', '2026-06-01'));
    expect(out).toMatchObject(JSON.parse(block('cmd', 'evaluate')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the code compile generates, as compile generates it', () => {
    const r = compile(definition);
    if (!r.ok) throw new Error('does not compile');
    const code = generatedCode(r.service);
    expect(block('generated', 'expressions').trimEnd()).toBe(code.expressions.map((e) => `// ${e.rule}\n${e.code}`).join('\n'));
    expect(block('generated', 'rules').trimEnd()).toBe(code.rules.trimEnd());
    // An excerpt of the validator: one field's checks, as they stand in it.
    const excerpt = block('generated', 'validation').trimEnd();
    expect(excerpt).toContain('"/settimane"');
    expect(code.validation).toContain(excerpt);
  });

  it('the variations the text tells: not resident, weeks left empty, a bad field name in a step', () => {
    const r = compile(definition);
    if (!r.ok) throw new Error('does not compile');
    const notResident = evaluate(r.service, { ...answers, residente: false }, { today: '2026-06-01' });
    expect([notResident.hidden, notResident.fee?.amountCents]).toEqual([['/isee'], 18000]);
    const noWeeks = evaluate(r.service, { ...answers, settimane: undefined }, { today: '2026-06-01' });
    expect([noWeeks.valid, noWeeks.errors.map((e) => [e.pointer, e.key])]).toEqual([false, [['/settimane', 'error.required']]]);
    const bad = structuredClone(definition);
    bad.ui.steps[0].fields.push('figli/eta');
    const shown = section.slice(section.indexOf('Had the step listed')).split('```text\n')[1]!.split('\n').slice(0, 2);
    const dir2 = mkdtempSync(join(tmpdir(), 'sportello-readme-'));
    writeFileSync(join(dir2, 'centro-estivo.json'), JSON.stringify(bad));
    let printed = '';
    try {
      execFileSync(process.execPath, [cli, 'check', 'centro-estivo.json'], { cwd: dir2, encoding: 'utf8' });
    } catch (e) {
      printed = (e as { stdout: string }).stdout;
    }
    rmSync(dir2, { recursive: true, force: true });
    expect(printed.split('\n').slice(0, 2)).toEqual(shown);
  });
});
