import pino, { type DestinationStream, type Logger } from 'pino';
import { logContext } from './context';

const logLevels = ['debug', 'info', 'warn', 'error'] as const;

const secretKeys = ['password', 'passwordHash', 'key', 'apiKey', 'token', 'authorization', 'cookie', 'md5', 'secret', 'clientSecret', 'encryptionKey'];

/**
 * Secrets never reach the log, at the top level of an object, one level down (a request's headers,
 * a settings body) or two (a nested input). pino's redaction paths take no deeper wildcard.
 */
const redactPaths = secretKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

// Read straight from the environment: lib/env reports a wrong LOG_LEVEL, and that report must still be logged.
const configuredLevel = () => ((logLevels as readonly string[]).includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL! : 'info');

export function createLogger(destination?: DestinationStream, level = configuredLevel()): Logger {
  return pino(
    {
      level,
      base: { service: 'peerdesk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
      mixin: () => ({ ...logContext() }),
    },
    destination,
  );
}

const holder = globalThis as { __peerdeskLogger?: Logger };

/** The process's logger: JSON lines on stdout, at LOG_LEVEL (default info). */
export function logger(): Logger {
  holder.__peerdeskLogger ??= createLogger();
  return holder.__peerdeskLogger;
}
