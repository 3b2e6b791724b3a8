import { pino, type Logger } from 'pino';

/**
 * The server's structured log (JSON lines on stdout). Each request logs through a child carrying
 * its request id (`logger.child({ reqId })`). Never log personal data (names, fiscal codes,
 * answers, tokens): security events name the kind of event, the Ente and opaque ids only.
 *
 * LOG_LEVEL overrides the level (default: info; silent under vitest unless LOG_LEVEL is set).
 */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'sportello' },
  redact: { paths: ['token', 'authorization', 'cookie', '*.token', '*.authorization', '*.cookie'], censor: '[redacted]' },
});

export type { Logger };
