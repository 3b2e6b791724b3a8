#!/usr/bin/env node
// The `sportello` command: one entry, a subcommand per job. Commands load only what they use.
import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: sportello <command> [options]

Commands:
  check FILE... [--locale it|en] [--paths]
                                        validate service definitions: every problem says where (the field,
                                        rule or step by name, and the JSON pointer), what and how to fix it;
                                        says which part of evaluate leaves the generated code and why
                                        (--paths: every part's path, always)
  evaluate DEFINITION ANSWERS [--locale L] [--today YYYY-MM-DD] [--format json|summary] [--generic]
                                        evaluate answers against a definition, print the result as JSON, or
                                        (--format summary) readable by step: visible fields with answers,
                                        required ones missing, errors with messages, computed values, fee,
                                        ranking keys by name, exclusions with reasons. --generic runs the
                                        generic path (generic steps, Ajv, json-logic-engine) instead of the
                                        code generated per service: same results, for debugging
  rank DEFINITION SUBMISSIONS... [--format json|csv] [--locale L] [--today YYYY-MM-DD]
                                        rank submissions by the definition's ranking: each row's keys and
                                        explanation, exclusions with their reasons (invalid answers: their
                                        errors by field). CSV in the run's language (--locale, else the
                                        definition's default), a column each: position, submission,
                                        outcome (admitted/excluded), each key by its label and direction,
                                        exclusion reasons, explanation, errors in the answers; in Italian
                                        Posizione, Domanda, Esito, ... JSON keeps English property names.
                                        A SUBMISSIONS file holds one submission or a list; a submission is
                                        {id, answers, submittedAt, office} or plain answers ($submittedAt
                                        then unknown)
  seed                                  create the demo data (Enti, users, services, registry fixtures)
                                        where missing, in the database DATABASE_URL or SPORTELLO_DATA_DIR names
                                        (NODE_ENV=production: the catalogue templates only, no people)
  migrate status                        every migration of the database: applied, pending or unfinished
  migrate apply                         apply pending migrations (the server does it at start); recovers one a
                                        kill interrupted when the database shows whether its SQL committed
  migrate resolve --applied NAME        record NAME as applied (its changes are in place)
  migrate resolve --rolled-back NAME    set NAME's unfinished record aside: the next start applies it again
  audit verify                          recompute the audit log's hash chains; exit 1 on a broken one
  admin create --fiscal-code CF [--given-name N] [--family-name C] [--email E]
                                        make the person with this fiscal code a platform administrator
                                        (creates them if needed; they log in through SPID/CIE). Idempotent
  worker                                deliver the outbox (e-mail, App IO, protocol, ...) until stopped;
                                        run any number beside servers started with OUTBOX_WORKER=off
  help                                  show this text
`;

async function engine() {
  try {
    return await import('@sportello/schemas');
  } catch (e) {
    console.error('The engine is not built: run `npm run build -w schemas` first.');
    throw e;
  }
}

function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read (${e.code ?? e.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${e.message})`);
  }
}

function option(args, name) {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

const CHECK_WORDS = {
  it: { problem: 'problema', warning: 'avviso', fix: 'come correggere', ok: 'ok', problems: 'problemi', warnings: 'avvisi', ajv: 'validazione con Ajv (più lenta, stessi risultati)',
    rules: 'regole', validation: 'validazione', logic: 'espressioni', generated: 'codice generato', generic: 'percorso generico', engine: 'json-logic-engine (più lento, stessi risultati)', of: 'su',
    // why a part leaves the generated code (executionPaths gives the English reason, a keyword or a code)
    keyword: (k) => `lo schema dei dati usa "${k}", che il validatore generato non copre`,
    uncoveredShape: "l'espressione ha una forma che il compilatore diretto (src/logic/fast.ts) non copre" },
  en: { problem: 'problem', warning: 'warning', fix: 'how to fix', ok: 'ok', problems: 'problems', warnings: 'warnings', ajv: 'validated by Ajv (slower, same results)',
    rules: 'rules', validation: 'validation', logic: 'expressions', generated: 'generated code', generic: 'generic path', engine: 'json-logic-engine (slower, same results)', of: 'of' },
};

/** One problem or warning as a designer reads it: where (by name, then the decoded pointer), what, how to fix. */
function printExplained(file, definition, problem, kind, locale, explainProblem) {
  const words = CHECK_WORDS[locale === 'en' ? 'en' : 'it'];
  const e = explainProblem(definition, problem, locale);
  console.log(`${file}: ${words[kind]} ${e.code} in ${e.where}${e.path ? ` [${e.path}]` : ''}`);
  console.log(`  ${e.what}`);
  if (e.fix) console.log(`  ${words.fix}: ${e.fix}`);
}

function flag(args, name) {
  const i = args.indexOf(name);
  if (i === -1) return false;
  args.splice(i, 1);
  return true;
}

/** executionPaths in words: each part that leaves the generated code, with its reason; every part when `all`. */
function pathLines(p, words, all) {
  const lines = [];
  if (all || p.rules.path !== 'generated') lines.push(`${words.rules}: ${words[p.rules.path]}${p.rules.reason ? ` (${p.rules.reason})` : ''}`);
  if (p.validation.path === 'ajv') lines.push(`${words.ajv}: ${p.validation.keyword !== undefined && words.keyword ? words.keyword(p.validation.keyword) : p.validation.reason}`);
  else if (all) lines.push(`${words.validation}: ${words.generated}`);
  if (p.logic.path === 'generic') lines.push(`${words.logic}: ${words.generic} (${p.logic.reason})`);
  else if (all || p.logic.engine.length > 0) {
    const total = p.logic.generated + p.logic.engine.length;
    lines.push(`${words.logic}: ${words.generated} ${p.logic.generated} ${words.of} ${total}`);
    for (const e of p.logic.engine) lines.push(`  ${e.pointer}: ${words.engine}: ${words[e.code] ?? e.reason}`);
  }
  return lines;
}

async function check(args) {
  const locale = option(args, '--locale') ?? 'it';
  if (locale !== 'it' && locale !== 'en') console.error(`check speaks it and en, not "${locale}": the messages are in Italian`);
  const paths = flag(args, '--paths');
  const files = args;
  if (files.length === 0) throw new Error('check: name at least one definition file');
  const { compile, explainProblem, executionPaths } = await engine();
  const words = CHECK_WORDS[locale === 'en' ? 'en' : 'it'];
  let failed = 0;
  for (const file of files) {
    let result;
    let definition;
    try {
      definition = readJson(file);
      result = compile(definition);
    } catch (e) {
      console.log(e.message);
      failed++;
      continue;
    }
    for (const w of result.warnings) printExplained(file, definition, w, 'warning', locale, explainProblem);
    if (result.ok) {
      // which code each part of evaluate runs: said when it is not the generated code (always with --paths)
      for (const line of pathLines(executionPaths(result.service), words, paths)) console.log(line.startsWith(' ') ? line : `${file}: ${line}`);
      const warnings = result.warnings.length;
      console.log(`${file}: ${words.ok}${warnings ? ` (${warnings} ${warnings === 1 ? words.warning : words.warnings})` : ''}`);
    } else {
      failed++;
      for (const p of result.problems) printExplained(file, definition, p, 'problem', locale, explainProblem);
      console.log(`${file}: ${result.problems.length} ${result.problems.length === 1 ? words.problem : words.problems}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

async function evaluateCommand(args) {
  const locale = option(args, '--locale');
  const today = option(args, '--today');
  const format = option(args, '--format') ?? 'json';
  const generic = flag(args, '--generic');
  if (format !== 'json' && format !== 'summary') throw new Error('evaluate: --format is json or summary');
  if (args.length !== 2) throw new Error('evaluate: give DEFINITION and ANSWERS files');
  const { compile, evaluate, summarizeEvaluation, formatSummary } = await engine();
  const result = compile(readJson(args[0]), { generic });
  if (!result.ok) {
    for (const p of result.problems) console.error(`${args[0]}#${p.pointer}: ${p.code}: ${p.message}`);
    return 1;
  }
  const answers = readJson(args[1]);
  const evaluation = evaluate(result.service, answers, { ...(locale ? { locale } : {}), ...(today ? { today } : {}) });
  if (format === 'summary') console.log(formatSummary(summarizeEvaluation(result.service, answers, evaluation)));
  else console.log(JSON.stringify(evaluation, null, 2));
  return 0;
}

/** The submissions in one file: a list or one; {answers, ...} or plain answers. */
function submissionsOf(file) {
  const json = readJson(file);
  const list = Array.isArray(json) ? json : [json];
  const name = file.split('/').pop();
  return list.map((s, i) => {
    const id = list.length === 1 ? name : `${name}#${i + 1}`;
    if (s && typeof s === 'object' && !Array.isArray(s) && 'answers' in s) {
      return { id: typeof s.id === 'string' ? s.id : id, answers: s.answers, submittedAt: typeof s.submittedAt === 'string' ? s.submittedAt : null, office: s.office ?? undefined };
    }
    return { id, answers: s, submittedAt: null };
  });
}

// A text starting like a formula is quoted with ' so that a spreadsheet shows it, never runs it.
const csvCell = (v) => {
  let text = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A submission's errors, each by its field's label and pointer: why invalid answers are excluded. */
function errorsInWords(service, answers, evaluation, summarizeEvaluation) {
  if (evaluation.errors.length === 0) return '';
  const summary = summarizeEvaluation(service, answers ?? {}, evaluation);
  const labels = new Map();
  for (const s of summary.steps) for (const e of [...s.missing, ...s.errors]) labels.set(e.pointer, e.label);
  for (const e of summary.otherErrors) labels.set(e.pointer, e.label);
  return evaluation.errors.map((e) => `${labels.get(e.pointer) ?? e.pointer} (${e.pointer || '/'}): ${e.message}`).join('; ');
}

async function rankCommand(args) {
  const format = option(args, '--format') ?? 'json';
  const locale = option(args, '--locale');
  const today = option(args, '--today');
  if (format !== 'json' && format !== 'csv') throw new Error('rank: --format is json or csv');
  if (args.length < 2) throw new Error('rank: give DEFINITION and at least one SUBMISSIONS file');
  const { compile, rankSubmissions, explainProblem, summarizeEvaluation, localize } = await engine();
  const definition = readJson(args[0]);
  const result = compile(definition);
  if (!result.ok) {
    // told as check tells it: where by name, what, how to fix, in the asked language
    const words = CHECK_WORDS[locale === 'en' ? 'en' : 'it'];
    for (const p of result.problems) {
      const e = explainProblem(definition, p, locale ?? 'it');
      console.error(`${args[0]}: ${words.problem} ${e.code} in ${e.where}${e.path ? ` [${e.path}]` : ''}\n  ${e.what}${e.fix ? `\n  ${words.fix}: ${e.fix}` : ''}`);
    }
    return 1;
  }
  if (!result.service.ranking) {
    console.error(`${args[0]}: the service has no ranking`);
    return 1;
  }
  const submissions = args.slice(1).flatMap(submissionsOf);
  const rows = rankSubmissions(result.service, submissions, { ...(locale ? { locale } : {}), ...(today ? { today } : {}) });
  for (const n of rows[0]?.evaluation.notices ?? []) console.error(`notice ${n.code}: ${n.message}`);
  if (format === 'json') {
    const out = rows.map(({ evaluation, ...row }) => ({ ...row, errors: evaluation.errors.map((e) => ({ pointer: e.pointer, key: e.key, message: e.message })) }));
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  const word = csvWords(definition, locale ?? definition.defaultLanguage, localize);
  const answersOf = new Map(submissions.map((s) => [s.id, s.answers]));
  const cell = (v) => (typeof v === 'boolean' ? (v ? word('yes') : word('no')) : v);
  console.log([word('position'), word('id'), word('outcome'), ...(rows[0]?.keys ?? []).map((k) => `${k.label} (${word(k.direction)})`), word('reasons'), word('explanation'), word('errors')].map(csvCell).join(','));
  for (const r of rows) {
    const outcome = word(r.excluded ? 'excluded' : 'admitted');
    console.log([r.position, r.id, outcome, ...r.keys.map((k) => cell(k.value)), r.reasons.join('; '), r.explanation, errorsInWords(result.service, answersOf.get(r.id), r.evaluation, summarizeEvaluation)].map(csvCell).join(','));
  }
  return 0;
}

/**
 * The CSV's fixed words in the run's language, from the engine's catalogue as rankSubmissions
 * takes its explanations (a service's own text first; a language neither has falls back to the
 * default language's): an office opens the file in a spreadsheet and reads its own language.
 */
function csvWords(definition, locale, localize) {
  const catalogue = { translations: definition.translations, defaultLanguage: definition.defaultLanguage };
  return (word) => localize(catalogue, word === 'asc' || word === 'desc' ? `ranking.direction.${word}` : `ranking.csv.${word}`, locale);
}

async function seedCommand(args) {
  if (args.length > 0) throw new Error('seed: takes no arguments (the database comes from DATABASE_URL or SPORTELLO_DATA_DIR)');
  return runServerCli('seed/seed-cli.js', []);
}

async function adminCommand(args) {
  if (args[0] !== 'create') throw new Error('admin: usage `sportello admin create --fiscal-code CF [--given-name N] [--family-name C] [--email E]`');
  return runServerCli('identity/admin-cli.js', args);
}

async function migrateCommand(args) {
  const ok = (args.length === 1 && (args[0] === 'status' || args[0] === 'apply'))
    || (args.length === 3 && args[0] === 'resolve' && (args[1] === '--applied' || args[1] === '--rolled-back'));
  if (!ok) throw new Error('migrate: usage `sportello migrate status | apply | resolve (--applied NAME | --rolled-back NAME)`');
  return runServerCli('db/migrate-cli.js', args);
}

async function auditCommand(args) {
  if (args[0] !== 'verify' || args.length !== 1) throw new Error('audit: usage `sportello audit verify`');
  return runServerCli('audit/audit-cli.js', ['verify']);
}

/** Runs one of the built server's command scripts with this environment (DATABASE_URL, ...). */
async function runServerCli(script, cliArgs) {
  const cli = fileURLToPath(new URL(`../server/dist/${script}`, import.meta.url));
  if (!existsSync(cli)) {
    console.error('The server is not built: run `npm run build` first.');
    return 1;
  }
  // A child process keeps the server's dependencies out of this command's other paths.
  const child = spawn(process.execPath, [cli, ...cliArgs], { stdio: 'inherit', env: process.env });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

async function workerCommand(args) {
  if (args.length > 0) throw new Error('worker: takes no arguments (settings come from the environment: DATABASE_URL, SMTP_URL, OUTBOX_*)');
  return runServerCli('outbox/worker-cli.js', []);
}

async function main(argv) {
  const [command, ...args] = argv;
  switch (command) {
    case 'check': return check(args);
    case 'evaluate': return evaluateCommand(args);
    case 'rank': return rankCommand(args);
    case 'seed': return seedCommand(args);
    case 'audit': return auditCommand(args);
    case 'migrate': return migrateCommand(args);
    case 'admin': return adminCommand(args);
    case 'worker': return workerCommand(args);
    case undefined: case 'help': case '--help': case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      console.error(`Unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(e.message); process.exitCode = 1; },
);
