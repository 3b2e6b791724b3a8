import { defineConfig } from '@playwright/test';

// Debian's Chromium (Playwright cannot download browsers on our machines). The suite starts its own
// API (fresh embedded database in a temporary folder) and web app on ports of its own.
const API_PORT = Number(process.env.E2E_API_PORT ?? 4310);
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3310);
const dataDir = process.env.E2E_DATA_DIR ?? `/tmp/sportello-e2e-${process.pid}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/artifacts/results',
  timeout: 420_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node ../server/dist/main.js`,
      cwd: '.',
      url: `http://127.0.0.1:${API_PORT}/health`,
      env: { PORT: String(API_PORT), SPORTELLO_DATA_DIR: dataDir, SPORTELLO_STORAGE_DIR: `${dataDir}-files` },
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node ../node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${WEB_PORT}`,
      url: `http://127.0.0.1:${WEB_PORT}/manifest.webmanifest`,
      env: { SPORTELLO_API_URL: `http://127.0.0.1:${API_PORT}`, NEXT_TELEMETRY_DISABLED: '1' },
      timeout: 60_000,
      reuseExistingServer: false,
    },
  ],
});
