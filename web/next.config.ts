import type { NextConfig } from 'next';

// Every script, style, font and icon is served by the app itself (no CDN, no third-party origin).
// 'unsafe-eval': the engine compiles rules and the data schema to functions (Ajv, JSON Logic), the same
// compiled code the server runs.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@sportello/schemas'],
  // For reading what the chunks hold (web/bench/chunk-sources.mjs): SPORTELLO_SOURCE_MAPS=1 npm run build -w web.
  productionBrowserSourceMaps: process.env.SPORTELLO_SOURCE_MAPS === '1',
  async headers() {
    return [{
      source: '/:path*',
      headers: [
        { key: 'Content-Security-Policy', value: csp },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'same-origin' },
      ],
    }];
  },
};

export default config;
