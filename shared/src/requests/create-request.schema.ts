import { z } from 'zod';
import { Channel, Districts, Priority, RequestCategory } from '../enums';
import { ZId, ZLat, ZLng } from '../common';
import { ZSafeContact } from './safe-contact.schema';

export const ZRequestCategory = z.enum(RequestCategory.codes, { error: '请选择求助类别' });
export const ZPriorityFlags = z.array(z.enum(Priority.codes, { error: '优先级只能是 urgent、serious、difficult' })).max(3);

/** Who else the request concerns: a count, or a short list (relation and age only). */
export const ZPersons = z.union([
  z.int('人数须为整数').min(1, '人数至少为 1').max(100, '人数过多'),
  z
    .array(z.strictObject({ relation: z.string().trim().min(1).max(20), age: z.int().min(0).max(120).optional() }))
    .min(1)
    .max(20),
]);

/** PIPL art. 29: separate, explicit consent to process sensitive personal information. */
export const ZSensitiveConsent = z.strictObject(
  { sensitive: z.literal(true, { error: '提交前须同意处理敏感个人信息' }) },
  { error: '提交前须同意处理敏感个人信息' },
);

export const ZCreateRequestInput = z
  .strictObject({
    category: ZRequestCategory,
    description: z.string({ error: '请简单描述发生了什么' }).trim().min(1, '请简单描述发生了什么').max(5000, '描述不能超过 5000 字'),
    location: z.strictObject({ lat: ZLat, lng: ZLng }).optional(),
    district: z.enum(Districts, { error: '请选择湛江市的区县' }).optional(),
    persons: ZPersons.optional(),
    contact: ZSafeContact.optional().describe('不填则为匿名求助，工作人员无法主动联系'),
    consent: ZSensitiveConsent,
    notify: z.boolean().optional().describe('她已同意接收订阅消息（措辞中性）'),
  })
  .meta({ id: 'CreateRequestInput' });
export type CreateRequestInput = z.infer<typeof ZCreateRequestInput>;

export const ZCreatedRequest = z
  .object({
    id: z.string(),
    ref: z.string(),
    status: z.literal('new'),
    center: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  })
  .meta({ id: 'CreatedRequest' });
export type CreatedRequest = z.infer<typeof ZCreatedRequest>;

/** Staff register a request that came by the 12338 hotline, a visit or a referral. */
export const ZRegisterRequestInput = z
  .strictObject({
    channel: z.enum(['hotline', 'walk_in', 'referral'] as const satisfies ReadonlyArray<Channel>, { error: '来源只能是 hotline、walk_in 或 referral' }),
    category: ZRequestCategory,
    description: z.string().trim().min(1, '请填写情况记录').max(5000),
    district: z.enum(Districts).optional(),
    persons: ZPersons.optional(),
    contact: ZSafeContact.optional(),
    priority: ZPriorityFlags.optional(),
    centerId: ZId.optional().describe('仅市妇联管理员：登记到哪个中心'),
    consent: ZSensitiveConsent.describe('当事人已口头或书面同意处理敏感个人信息'),
  })
  .meta({ id: 'RegisterRequestInput' });
export type RegisterRequestInput = z.infer<typeof ZRegisterRequestInput>;
