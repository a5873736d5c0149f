import { z } from 'zod';
import { ZDate } from '../common';
import { ZJudicialConfirmationResult } from './mediation.enums';

const ZReason = z.string().trim().max(500, '原因不能超过 500 字').optional();

/** The recorded terms of a 人民调解协议: numbered clauses, how and by when they are carried out. */
export const ZMediationAgreementInput = z
  .strictObject({
    clauses: z
      .array(z.string().trim().min(1, '协议条款不能为空').max(1000, '每条不能超过 1000 字'), { error: '请填写协议条款' })
      .min(1, '请至少填写一条协议条款')
      .max(50, '协议条款不能超过 50 条'),
    performance: z.string({ error: '请填写履行方式、时限' }).trim().min(1, '请填写履行方式、时限').max(1000, '不能超过 1000 字'),
    copies: z.int('份数须为整数').min(2, '至少一式两份').max(20, '份数过多').optional().describe('本协议一式几份；不填为当事人人数加一'),
    signedOn: ZDate.optional().describe('签订日期；不填为达成协议当天'),
  })
  .meta({ id: 'MediationAgreementInput' });
export type MediationAgreementInput = z.infer<typeof ZMediationAgreementInput>;

/** A move of the case through its workflow; each target carries what that outcome records. */
export const ZMediationTransitionInput = z
  .discriminatedUnion(
    'to',
    [
      z.strictObject({ to: z.literal('in_mediation'), reason: ZReason }),
      z.strictObject({ to: z.literal('agreement_reached'), agreement: ZMediationAgreementInput, reason: ZReason }),
      z.strictObject({ to: z.literal('not_reached'), reason: ZReason }),
      z.strictObject({
        to: z.literal('transferred_to_court'),
        court: z.strictObject(
          {
            name: z.string({ error: '请填写法院' }).trim().min(1, '请填写法院').max(60, '法院名称不能超过 60 字'),
            caseNumber: z.string({ error: '请填写诉前联调案号' }).trim().min(1, '请填写诉前联调案号').max(60, '案号不能超过 60 字'),
          },
          { error: '请填写转入的法院和诉前联调案号' },
        ),
        reason: ZReason,
      }),
      z.strictObject({ to: z.literal('withdrawn'), reason: ZReason }),
    ],
    { error: '目标状态只能是 in_mediation、agreement_reached、not_reached、transferred_to_court、withdrawn' },
  )
  .meta({ id: 'MediationTransitionInput' });
export type MediationTransitionInput = z.infer<typeof ZMediationTransitionInput>;

/** 司法确认 (人民调解法 art. 33): recorded after the agreement, updated when the court rules. */
export const ZJudicialConfirmationInput = z
  .strictObject({
    appliedOn: ZDate.describe('申请司法确认的日期'),
    court: z.string({ error: '请填写法院' }).trim().min(1, '请填写法院').max(60, '法院名称不能超过 60 字'),
    result: ZJudicialConfirmationResult.optional().describe('不填为 pending（审查中）'),
    decidedOn: ZDate.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.result && v.result !== 'pending' && !v.decidedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '请填写法院裁定日期' });
    if (v.decidedOn && v.decidedOn < v.appliedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '裁定日期不能早于申请日期' });
  })
  .meta({ id: 'JudicialConfirmationInput' });
export type JudicialConfirmationInput = z.infer<typeof ZJudicialConfirmationInput>;
