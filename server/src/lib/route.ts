import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { AppError, zodProblems } from './errors';
import { enforce, type AuthRequirement, type Principal } from './access';
import type { Limit } from './rate-limit';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

/** One API operation: its schemas validate the request and document it in /api/openapi.json. */
export interface RouteSpec<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Path below /api, koa style (`/requests/:id`). */
  path: string;
  summary: string;
  tag: string;
  auth: AuthRequirement;
  body?: B;
  query?: Q;
  params?: P;
  /** Status → schema of the answer; `binary` for a file; null for no body. */
  responses: Record<number, Schema | { binary: string } | null>;
  /** Abuse guard: the bucket and limit this call counts against (429 past it), from the request. */
  rateLimit?: (ctx: Context, principal: Principal | undefined) => { bucket: string; limit: Limit } | undefined;
  /** Creating POST: honours the Idempotency-Key header (needs `routes.idempotency`). */
  idempotent?: boolean;
  /** Extra error statuses this operation answers with (documented). */
  errors?: number[];
  handler: (ctx: Context, input: { body: Out<B>; query: Out<Q>; params: Out<P>; principal: Principal | undefined }) => Promise<unknown> | unknown;
}

export type AnyRouteSpec = RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined>;

function parsePart<S extends Schema | undefined>(schema: S, value: unknown, part: 'body' | 'query' | 'params'): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (!result.success) {
    const prefix = part === 'body' ? undefined : part;
    throw AppError.badRequest(zodProblems(result.error, prefix));
  }
  return result.data as Out<S>;
}

/** Mounts a spec on the router and remembers it for the OpenAPI document. */
export class ApiRoutes {
  readonly specs: AnyRouteSpec[] = [];
  constructor(
    readonly router: Router,
    /** Wraps idempotent handlers; supplied by the app (it needs the database). */
    readonly idempotency?: (ctx: Context, principal: Principal | undefined, run: () => Promise<{ status: number; body: unknown }>) => Promise<{ status: number; body: unknown }>,
    /** Counts a call against a limit (database-backed); supplied by the app. */
    readonly limiter?: (bucket: string, limit: Limit) => Promise<void>,
  ) {}

  add<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(spec: RouteSpec<B, Q, P>): void {
    this.specs.push(spec as unknown as AnyRouteSpec);
    const successStatus = Number(Object.keys(spec.responses).find((s) => Number(s) < 300) ?? 200);
    this.router[spec.method](spec.path, async (ctx: Context) => {
      const principal = enforce(ctx, spec.auth);
      const guard = spec.rateLimit?.(ctx, principal);
      if (guard && this.limiter) await this.limiter(guard.bucket, guard.limit);
      const params = parsePart(spec.params, ctx.params, 'params') as Out<P>;
      const query = parsePart(spec.query, ctx.query, 'query') as Out<Q>;
      const body = parsePart(spec.body, ctx.request.body ?? {}, 'body') as Out<B>;
      if (spec.idempotent && this.idempotency) {
        const answer = await this.idempotency(ctx, principal, async () => ({
          status: successStatus,
          body: await spec.handler(ctx, { body, query, params, principal }),
        }));
        ctx.status = answer.status;
        ctx.body = answer.body;
        return;
      }
      const result = await spec.handler(ctx, { body, query, params, principal });
      if (ctx.body === undefined || ctx.body === null) {
        ctx.status = successStatus;
        if (result !== undefined) ctx.body = result;
      }
    });
  }
}

/** A route group: a function that adds its specs. Each domain exports one. */
export type RouteModule = (routes: ApiRoutes) => void;
