// `npm run test:e2e`: builds the API and the web app, then runs the Playwright suite (e2e/) in
// Debian's Chromium. With --if-chromium (root `npm test`), says plainly and succeeds when Chromium
// is not installed, instead of failing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('../', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const msg = `Browser tests NOT RUN: no Chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH, then run \`npm run test:e2e\`.`;
  console.log(`\n${msg}\n`);
  process.exit(process.argv.includes('--if-chromium') ? 0 : 1);
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build', '-w', 'server'], `${web}..`);
run('npm', ['run', 'build'], web);
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--if-chromium')], web);
