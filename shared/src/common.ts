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

/** A calendar date, YYYY-MM-DD (Asia/Shanghai unless said otherwise). */
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)), '日期无效');

/** A time of day, HH:MM (24 h). */
export const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
