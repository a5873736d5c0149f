import { z } from 'zod';
import { Priority, ReferralAgency } from '../enums';
import { ZId } from '../common';
import { ZRequestCategory, ZPriorityFlags } from './create-request.schema';
import { ZRequestStatus } from './request.dto';
import { ReferralOutcome } from './labels';

const ZBoolQuery = z.enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' }).transform((v) => v === 'true' || v === '1');

export const ZStaffRequestsQuery = z
  .strictObject({
    status: z
      .string()
      .transform((v) => v.split(',').filter(Boolean))
      .pipe(z.array(ZRequestStatus))
      .optional(),
    priority: z.enum(Priority.codes, { error: '优先级只能是 urgent、serious、difficult' }).optional(),
    category: ZRequestCategory.optional(),
    overdue: ZBoolQuery.optional(),
    centerId: ZId.optional(),
    q: z.string().trim().max(40).optional().describe('编号（如 ZJ-2026-000123）或电话号码'),
    cursor: z.string().max(20).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .meta({ id: 'StaffRequestsQuery' });
export type StaffRequestsQuery = z.infer<typeof ZStaffRequestsQuery>;

export const ZUpdateRequestInput = z
  .strictObject({
    status: ZRequestStatus.optional(),
    priority: ZPriorityFlags.optional(),
    assigneeId: ZId.nullable().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.status !== undefined || v.priority !== undefined || v.assigneeId !== undefined, { message: '没有要修改的内容', path: ['status'] })
  .meta({ id: 'UpdateRequestInput' });
export type UpdateRequestInput = z.infer<typeof ZUpdateRequestInput>;

export const ZTransferInput = z
  .strictObject({ centerId: ZId, reason: z.string().trim().min(1, '请填写转交原因').max(500) })
  .meta({ id: 'TransferRequestInput' });
export type TransferInput = z.infer<typeof ZTransferInput>;

export { ReferralOutcome } from './labels';

export const ZReferralInput = z
  .strictObject({
    agency: z.enum(ReferralAgency.codes, { error: '请选择转介单位' }),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'ReferralInput' });
export type ReferralInput = z.infer<typeof ZReferralInput>;

export const ZReferralOutcomeInput = z
  .strictObject({
    outcome: z.enum(Object.keys(ReferralOutcome) as [ReferralOutcome, ...ReferralOutcome[]], { error: '结果不正确' }),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'ReferralOutcomeInput' });
export type ReferralOutcomeInput = z.infer<typeof ZReferralOutcomeInput>;

export const ZNoteInput = z.strictObject({ note: z.string().trim().min(1, '请填写内容').max(2000) }).meta({ id: 'NoteInput' });
export const ZMessageInput = z.strictObject({ body: z.string().trim().min(1, '请填写内容').max(2000) }).meta({ id: 'MessageInput' });
export const ZRatingInput = z
  .strictObject({ score: z.int('评分须为 1–5 的整数').min(1, '评分须为 1–5').max(5, '评分须为 1–5'), comment: z.string().trim().max(500).optional() })
  .meta({ id: 'RatingInput' });
export type RatingInput = z.infer<typeof ZRatingInput>;
