import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { AppError } from './errors';

/**
 * Request id + one log line per request. Only method, path (never the query string: it can hold
 * her location), status and timing are logged; bodies and headers never are.
 */
export function requestLogger(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('x-request-id');
    const reqId = /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.state.reqId = reqId;
    ctx.set('X-Request-Id', reqId);
    try {
      await next();
    } finally {
      if (ctx.path.startsWith('/api')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.info({ reqId, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
      }
    }
  };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:", // article covers and pictures from https hosts (the sanitiser allows only those)
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Security headers on every answer; API answers are never cached (they hold personal data). */
export function securityHeaders() {
  return async (ctx: Context, next: Next) => {
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
    ctx.set('Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=()');
    ctx.set('Content-Security-Policy', CSP);
    if (ctx.path.startsWith('/api')) ctx.set('Cache-Control', 'no-store');
  };
}

/** Bodies to the API are JSON: anything else is 415 before it is parsed. */
export function requireJsonBodies(exempt: (ctx: Context) => boolean = () => false) {
  return async (ctx: Context, next: Next) => {
    const hasBody = Number(ctx.get('content-length') || 0) > 0 || Boolean(ctx.get('transfer-encoding'));
    if (ctx.path.startsWith('/api') && hasBody && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(ctx.method) && !exempt(ctx)) {
      if (!ctx.is('application/json', 'application/*+json')) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    await next();
  };
}
