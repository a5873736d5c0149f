import type { Context, Next } from 'koa';
import { z } from 'zod';
import { ErrorCodes, type ErrorCode, type FieldProblem } from '@zjh/shared';
import type { Logger } from 'pino';

/** The one error type the API throws on purpose. `expose`d to the client as the contract's shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? (ErrorCodes as Record<string, string>)[code] ?? code);
  }

  static badRequest(details: FieldProblem[], message?: string) {
    return new AppError(400, 'VALIDATION_FAILED', message, details);
  }
  static field(path: string, message: string) {
    return new AppError(400, 'VALIDATION_FAILED', undefined, [{ path, message }]);
  }
  static unauthenticated() {
    return new AppError(401, 'UNAUTHENTICATED');
  }
  static forbidden(message?: string) {
    return new AppError(403, 'FORBIDDEN', message);
  }
  static notFound(message?: string) {
    return new AppError(404, 'NOT_FOUND', message);
  }
  static conflict(code: ErrorCode = 'CONFLICT', message?: string, details?: unknown) {
    return new AppError(409, code, message, details);
  }
}

/** Turns zod issues into field problems with dotted paths. */
export function zodProblems(error: z.ZodError, prefix?: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: '不支持的字段' }));
    }
    return [{ path: base || '(body)', message: issue.message }];
  });
}

const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'ER_DUP_ENTRY']);
const DB_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'PROTOCOL_CONNECTION_LOST',
  'ETIMEDOUT',
  'ER_CON_COUNT_ERROR',
  'EPIPE',
  'ECONNRESET',
  'ENOTFOUND',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

function driverCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(err: unknown): boolean {
  const code = driverCode(err);
  return code !== undefined && UNIQUE_VIOLATIONS.has(code);
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const code = driverCode(err);
  if (code && DB_UNAVAILABLE.has(code)) return true;
  const name = (err as { name?: string })?.name;
  if (name === 'CannotExecuteNotConnectedError' || name === 'ConnectionIsNotSetError') return true;
  const message = String((err as { message?: unknown })?.message ?? '');
  return /database connection is not open|Connection is not established|Pool is closed/i.test(message);
}

/** Maps any thrown value to {status, body}. Unknown errors stay in the log, never in the body. */
export function toErrorResponse(err: unknown): { status: number; code: string; message: string; details?: unknown } {
  if (err instanceof AppError) {
    return { status: err.status, code: String(err.code), message: err.message, details: err.details };
  }
  if (err instanceof z.ZodError) {
    return { status: 400, code: 'VALIDATION_FAILED', message: ErrorCodes.VALIDATION_FAILED, details: zodProblems(err) };
  }
  if (isUniqueViolation(err)) return { status: 409, code: 'CONFLICT', message: ErrorCodes.CONFLICT };
  if (isDatabaseUnavailable(err)) {
    return { status: 503, code: 'DATABASE_UNAVAILABLE', message: ErrorCodes.DATABASE_UNAVAILABLE };
  }
  const http = err as { status?: number; statusCode?: number; type?: string; expose?: boolean };
  const status = http?.status ?? http?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return { status, code: 'PAYLOAD_TOO_LARGE', message: ErrorCodes.PAYLOAD_TOO_LARGE };
    if (status === 415) return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: ErrorCodes.UNSUPPORTED_MEDIA_TYPE };
    if (status === 400 && (http.type === 'entity.parse.failed' || err instanceof SyntaxError)) {
      return { status, code: 'MALFORMED_JSON', message: ErrorCodes.MALFORMED_JSON, details: [{ path: '(body)', message: '不是有效的 JSON' }] };
    }
    if (status === 400) return { status, code: 'BAD_REQUEST', message: ErrorCodes.VALIDATION_FAILED };
    if (status === 404) return { status, code: 'NOT_FOUND', message: ErrorCodes.NOT_FOUND };
    if (status === 405) return { status, code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' };
    return { status, code: 'BAD_REQUEST', message: ErrorCodes.VALIDATION_FAILED };
  }
  return { status: 500, code: 'INTERNAL', message: ErrorCodes.INTERNAL };
}

/** Mounted first: every error leaves as {"error":{code,message,details}}. */
export function errorMiddleware(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api')) {
        throw new AppError(404, 'NOT_FOUND', '接口不存在');
      }
    } catch (err) {
      const res = toErrorResponse(err);
      if (res.status >= 500) {
        logger.error({ err, reqId: ctx.state.reqId }, 'request failed');
      }
      ctx.status = res.status;
      const retry = (res.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (res.status === 429 && retry) ctx.set('Retry-After', String(retry));
      ctx.type = 'application/json';
      ctx.body = { error: { code: res.code, message: res.message, ...(res.details !== undefined ? { details: res.details } : {}) } };
    }
  };
}
