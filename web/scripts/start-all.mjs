// `npm start` at the repository root: the API (GraphQL on 4000, embedded database, demo Ente) and the
// web app (http://127.0.0.1:3000) together, both built beforehand. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const webPort = process.env.WEB_PORT ?? '3000';
const apiPort = process.env.PORT ?? '4000';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const children = [];

function run(name, args, cwd, extraEnv = {}) {
  const child = spawn(process.execPath, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => { for (const line of chunk.split('\n')) if (line.trim()) console.log(`[${name}] ${line}`); });
  }
  child.on('exit', (code) => {
    console.log(`[${name}] stopped (${code})`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(url)).status < 500) return true; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

run('api', ['dist/main.js'], `${root}server`, { PORT: apiPort });
run('web', [`${root}node_modules/next/dist/bin/next`, 'start', '-H', '127.0.0.1', '-p', webPort], `${root}web`,
  { SPORTELLO_API_URL: `http://127.0.0.1:${apiPort}` });
if ((await waitFor(`http://127.0.0.1:${apiPort}/health`)) && (await waitFor(`http://127.0.0.1:${webPort}/`))) {
  console.log(`\nSportello is up:\n  citizens' site  http://127.0.0.1:${webPort}/  (demo Ente: /comune-di-esempio; "Accedi" offers the demo people)\n  service builder http://127.0.0.1:${webPort}/builder  (demo designer: Marco Esposito, Comune di Esempio)\n  GraphQL API     http://127.0.0.1:${apiPort}/graphql  (GraphiQL at /graphiql)\nCtrl+C stops both.`);
}
