import { ApiError } from './api';

/** Field problems of a 400 answer as path → message (`contact.phone` → 请填写有效的电话号码). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: FieldErrors = {};
  for (const d of error.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof d?.path === 'string' && typeof d.message === 'string' && !(d.path in out)) out[d.path] = d.message;
  }
  return out;
}

/** The first message for a field or anything under it (`contact.safeTimes` matches `contact.safeTimes.0.to`). */
export function errorFor(errors: FieldErrors, ...paths: string[]): string | undefined {
  for (const [path, message] of Object.entries(errors)) {
    if (paths.some((p) => path === p || path.startsWith(`${p}.`))) return message;
  }
  return undefined;
}
