import { z } from 'zod';

/** Unguessable identifier as it appears in URLs. */
export const ZId = z.string().min(10).max(40).regex(/^[A-Za-z0-9_-]+$/, '标识格式不正确');

/** An instant, ISO 8601 with offset. */
export const ZInstant = z.iso.datetime({ offset: true });

/** Wraps an item schema in the contract's list shape. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Latitude / longitude as they arrive in a query string or a body. */
export const ZLat = z.coerce.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围');
export const ZLng = z.coerce.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围');
