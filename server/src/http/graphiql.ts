import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// GraphiQL from the server's own node_modules (no CDN): React 18 UMD builds + graphiql 3's bundle.
const require = createRequire(import.meta.url);
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};
const cache = new Map<string, Buffer>();

export function graphiqlAsset(name: string): { body: Buffer; type: string } | undefined {
  const asset = ASSETS[name];
  if (!asset) return undefined;
  let body = cache.get(name);
  if (!body) {
    // The UMD files are not in the packages' exports maps: resolve the package, then the file.
    body = readFileSync(path.join(path.dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

export function graphiqlPage(endpoint: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sportello GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style></head>
<body><div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>
  // A session token or API key typed in the Headers tab is sent as Authorization.
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultHeaders: '{"Authorization": "Bearer <token>"}' }));
</script></body></html>`;
}
