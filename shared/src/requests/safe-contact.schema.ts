import { z } from 'zod';
import { ZTimeOfDay as HHMM } from '../common';

/** A window in which it is safe to call her (Asia/Shanghai). `days` 1 = Monday … 7 = Sunday; absent = every day. */
export const ZSafeWindow = z
  .strictObject({
    from: HHMM,
    to: HHMM,
    days: z.array(z.int().min(1).max(7)).max(7).optional(),
  })
  .refine((w) => w.from < w.to, { message: '结束时间须晚于开始时间', path: ['to'] })
  .meta({ id: 'SafeWindow' });
export type SafeWindow = z.infer<typeof ZSafeWindow>;

export const ZPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s()]{5,20}$/, '请填写有效的电话号码')
  .refine((v) => v.replace(/\D/g, '').length >= 5, '请填写有效的电话号码');

/**
 * How she may be contacted, and how not. Staff see this beside every phone number; outside her safe
 * times the back office warns before anyone calls.
 */
export const ZSafeContact = z
  .strictObject({
    name: z.string().trim().max(40).optional().describe('称呼，可用化名'),
    phone: ZPhone,
    safeToCall: z.boolean({ error: '请说明是否可以给你打电话' }),
    safeTimes: z.union([z.array(ZSafeWindow).max(14), z.string().trim().max(100)]).optional(),
    allowMessage: z.boolean({ error: '请说明是否可以给你留言或发短信' }),
    maySayFederation: z.boolean().optional().describe('联系时可否表明是妇联'),
    note: z.string().trim().max(200).optional().describe('其他联系注意事项'),
  })
  .meta({ id: 'SafeContact' });
export type SafeContact = z.infer<typeof ZSafeContact>;

/** Whether calling her now respects her wishes; `reason` says why not (zh-CN). */
export function contactAdvice(contact: SafeContact, at: Date): { callable: boolean; reason?: string } {
  if (!contact.safeToCall) return { callable: false, reason: '她不希望接到电话' + (contact.allowMessage ? '，可以留言/发短信' : '，也不要留言') };
  if (!contact.safeTimes || (Array.isArray(contact.safeTimes) && contact.safeTimes.length === 0)) return { callable: true };
  if (typeof contact.safeTimes === 'string') return { callable: true, reason: `请按她说明的时间联系：${contact.safeTimes}` };
  const local = new Date(at.getTime() + 8 * 3600_000);
  const day = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const inside = contact.safeTimes.some((w) => (!w.days || w.days.includes(day)) && hhmm >= w.from && hhmm < w.to);
  if (inside) return { callable: true };
  const windows = contact.safeTimes.map((w) => `${w.days ? w.days.map((d) => '一二三四五六日'[d - 1]).join('') + ' ' : ''}${w.from}–${w.to}`).join('、');
  return { callable: false, reason: `现在不在她的安全联系时间内（${windows}）` };
}
