// Copies Bootstrap Italia's fonts and icon sprite into public/bi (served by the app itself, no CDN).
import { cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dist = path.join(path.dirname(require.resolve('bootstrap-italia/package.json')), 'dist');
const out = new URL('../public/bi/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
cpSync(path.join(dist, 'fonts'), path.join(out, 'fonts'), { recursive: true, filter: (f) => !/\.(eot|svg|ttf|woff)$/.test(f) });
cpSync(path.join(dist, 'svg', 'sprites.svg'), path.join(out, 'sprites.svg'));
