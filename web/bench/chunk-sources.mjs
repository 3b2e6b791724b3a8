// What a built chunk holds, by package: each byte of the chunk is given to the source its source map
// names (the mapping segment it falls in), grouped by npm package (or by our workspace folder), then
// each group's bytes are gzipped on their own (an estimate: gzip of the whole chunk is a little smaller).
// Needs a build with source maps: `SPORTELLO_SOURCE_MAPS=1 npm run build -w web`.
// Used by run-bench.mjs (BENCH_SOURCES=1); alone: `node web/bench/chunk-sources.mjs CHUNK.js...`.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const chunksDir = fileURLToPath(new URL('../.next/static/chunks/', import.meta.url));

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Source map v3 "mappings": per generated line, the [column, sourceIndex] of each segment. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0, shift = 0;
      for (const ch of segment) {
        const digit = B64[ch];
        value += (digit & 31) << shift;
        if (digit & 32) { shift += 5; continue; }
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0; shift = 0;
      }
      column += values[0];
      if (values.length > 1) { source += values[1]; segments.push([column, source]); } else segments.push([column, -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** "re2js", "@rjsf/core", "schemas/src/compile", "web/components/wizard", "next (framework)"... */
export function groupOf(source) {
  const s = decodeURIComponent(source).replace(/^turbopack:\/\/\/(\[project\]\/)?/, '');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = s.slice(nm + 13).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    if (name === 'next') return `next/${parts[2] === 'compiled' ? parts[3] : parts[2]}`;
    return name;
  }
  const m = s.match(/(schemas|web|server)\/(.*)$/);
  if (m) {
    const dirs = m[2].replace(/^dist\//, '').split('/');
    return `${m[1]}/${dirs.slice(0, Math.min(dirs.length - 1, 2)).join('/')}`;
  }
  return s.startsWith('[turbopack]') ? 'turbopack runtime' : s;
}

/** Bytes of one chunk by group: { group: { raw, gz } }, plus unmapped bytes under "(unmapped)". */
export function chunkSources(file) {
  const js = readFileSync(file, 'utf8');
  // Turbopack names a chunk's map by its own hash: the chunk's last line says which.
  const named = js.match(/\/\/# sourceMappingURL=(\S+)\s*$/);
  const mapFile = named ? path.join(path.dirname(file), named[1]) : `${file}.map`;
  if (!existsSync(mapFile)) return null;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const groups = new Map();
  const add = (group, text) => { if (!groups.has(group)) groups.set(group, []); groups.get(group).push(text); };
  const decoded = decodeMappings(map.mappings);
  js.split('\n').forEach((line, i) => {
    const segments = decoded[i] ?? [];
    if (segments.length === 0 || segments[0][0] > 0) add('(unmapped)', line.slice(0, segments[0]?.[0] ?? line.length));
    segments.forEach(([col, src], j) => {
      const end = j + 1 < segments.length ? segments[j + 1][0] : line.length;
      add(src < 0 ? '(unmapped)' : groupOf(map.sources[src]), line.slice(col, end));
    });
  });
  const out = {};
  for (const [g, parts] of groups) {
    const text = parts.join('');
    out[g] = { raw: Buffer.byteLength(text), gz: gzipSync(text, { level: 9 }).length };
  }
  return out;
}

/** The groups over several chunks, largest first: [{ group, rawKb, gzKb }]. */
export function sourcesOf(files) {
  const total = new Map();
  for (const f of files) {
    const s = chunkSources(f);
    if (!s) return null;
    for (const [g, v] of Object.entries(s)) {
      const t = total.get(g) ?? { raw: 0, gz: 0 };
      total.set(g, { raw: t.raw + v.raw, gz: t.gz + v.gz });
    }
  }
  return [...total].map(([group, v]) => ({ group, rawKb: +(v.raw / 1024).toFixed(1), gzKb: +(v.gz / 1024).toFixed(1) }))
    .sort((a, b) => b.gzKb - a.gzKb);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of process.argv.slice(2)) {
    const file = existsSync(name) ? name : path.join(chunksDir, name);
    console.log(`${path.basename(file)}:`);
    for (const g of sourcesOf([file]) ?? []) console.log(`  ${g.gzKb.toFixed(1).padStart(6)} KB gz ${g.rawKb.toFixed(1).padStart(7)} KB raw  ${g.group}`);
  }
}
