import { z } from 'zod';
import { ZId, ZInstant } from '../common';
import { ZSensitiveConsent } from '../requests/create-request.schema';
import { PoStatus } from './labels';
import { ZPoAnswers, ZPoCourt, ZPoMeasure, ZPoSection } from './answers.schema';

export const ZPoStatus = z.enum(PoStatus.codes, { error: '状态不正确' });

const ZDay = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v, '日期无效');
const ZBoolQuery = z.enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' }).transform((v) => v === 'true' || v === '1');
const line = (max: number, message: string) => z.string({ error: message }).trim().min(1, message).max(max, `不能超过 ${max} 字`);

/** Submitting: consent may come here, or be saved earlier with the answers. */
export const ZPoSubmitInput = z
  .strictObject({ consent: ZSensitiveConsent.optional() })
  .meta({ id: 'ProtectionOrderSubmitInput' });
export type PoSubmitInput = z.infer<typeof ZPoSubmitInput>;

/** What staff may correct in her answers while they help her complete them (not her settings). */
export const ZPoStaffAnswersInput = ZPoAnswers.omit({ centerId: true, notify: true, consent: true }).meta({ id: 'ProtectionOrderStaffAnswersInput' });

export const ZPoMessageInput = z.strictObject({ body: line(2000, '请填写消息内容') }).meta({ id: 'ProtectionOrderMessageInput' });
export const ZPoNoteInput = z.strictObject({ note: line(2000, '请填写备注') }).meta({ id: 'ProtectionOrderNoteInput' });
export const ZPoWithdrawInput = z.strictObject({ reason: z.string().trim().max(500).optional() }).meta({ id: 'ProtectionOrderWithdrawInput' });

/**
 * A step on the staff board, one shape per target status (POST /staff/protection-orders/:id/transitions).
 * The workflow table decides whether the step is allowed from the current status (409 otherwise).
 */
export const ZPoTransitionInput = z
  .discriminatedUnion(
    'status',
    [
      z.strictObject({ status: z.literal('under_review'), note: z.string().trim().max(2000).optional() }),
      z.strictObject({
        status: z.literal('needs_info'),
        message: line(2000, '请写下需要她补充的内容（她会看到）'),
        sections: z.array(ZPoSection).min(1).max(10).optional().describe('她可以修改的部分；不填则全部可改'),
      }),
      z.strictObject({
        status: z.literal('filed'),
        court: ZPoCourt,
        filedAt: ZInstant.describe('法院受理（立案）时间'),
        caseNumber: line(60, '请填写案号'),
        urgent: z.boolean().optional().describe('法院按紧急情形处理（24 小时内裁定）；不填则按她的申请'),
      }),
      z.strictObject({
        status: z.literal('granted'),
        orderNumber: line(60, '请填写保护令文号'),
        measures: z.array(ZPoMeasure).min(1, '请至少选择一项法院作出的措施').max(4),
        otherMeasureText: z.string().trim().max(500).optional(),
        validFrom: ZDay,
        validTo: ZDay,
        decidedAt: ZInstant.optional().describe('裁定时间；不填为现在'),
      }),
      z.strictObject({ status: z.literal('rejected'), reason: line(1000, '请填写驳回理由'), decidedAt: ZInstant.optional() }),
      z.strictObject({
        status: z.literal('delivered'),
        policeStation: line(100, '请填写送达的公安派出所'),
        policeDeliveredOn: ZDay,
        committee: line(100, '请填写送达的居民委员会或村民委员会'),
        committeeDeliveredOn: ZDay,
      }),
      z.strictObject({ status: z.literal('withdrawn'), reason: line(500, '请填写撤回原因') }),
    ],
    { error: '请选择要变更到的状态' },
  )
  .meta({ id: 'ProtectionOrderTransitionInput' });
export type PoTransitionInput = z.infer<typeof ZPoTransitionInput>;

export const ZStaffPoQuery = z
  .strictObject({
    status: z
      .string()
      .transform((v) => v.split(',').filter(Boolean))
      .pipe(z.array(ZPoStatus))
      .optional(),
    overdue: ZBoolQuery.optional().describe('法院裁定已超过 24/72 小时'),
    expiring: ZBoolQuery.optional().describe('保护令 14 天内到期'),
    centerId: ZId.optional().describe('仅市妇联管理员'),
  })
  .meta({ id: 'StaffProtectionOrdersQuery' });
export type StaffPoQuery = z.infer<typeof ZStaffPoQuery>;
