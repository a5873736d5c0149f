import pino, { type Logger } from 'pino';

/**
 * Paths that may carry a woman's words, phone or whereabouts. The HTTP logger never logs bodies or
 * query strings; this list is a second net for anything logged by hand.
 */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'phone',
  '*.phone',
  'description',
  '*.description',
  'contact',
  '*.contact',
  'address',
  '*.address',
  'lat',
  'lng',
  '*.lat',
  '*.lng',
  'code',
  'sessionKey',
  '*.sessionKey',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }, destination);
}
