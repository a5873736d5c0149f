import { z } from 'zod';
import { ZDate, ZId } from '../common';
import { ZPhone } from '../requests/safe-contact.schema';
import { ZCommitteeLevel, ZMediationConsentMethod, ZDisputeType, ZPartyGender, ZMediatorKind, ZMediationPartyRole } from './mediation.enums';

/** A party's consent to mediate: when, and how it was given. */
export const ZMediationConsent = z
  .strictObject({
    date: ZDate,
    method: ZMediationConsentMethod,
    note: z.string().trim().max(200, '说明不能超过 200 字').optional(),
  })
  .meta({ id: 'MediationConsent' });
export type MediationConsent = z.infer<typeof ZMediationConsent>;

/** A party to the dispute. Name, phone and address are sealed at rest. */
export const ZMediationPartyInput = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, '当事人标识格式不正确').optional().describe('修改时带上已有当事人的 id，保留其同意记录'),
    role: ZMediationPartyRole,
    roleNote: z.string().trim().min(1).max(20, '身份说明不能超过 20 字').optional().describe('其他当事人的身份，如 子女、父母、委托代理人'),
    name: z.string({ error: '请填写当事人姓名' }).trim().min(1, '请填写当事人姓名').max(40, '姓名不能超过 40 字'),
    gender: ZPartyGender.optional(),
    phone: ZPhone.optional(),
    address: z.string().trim().max(200, '住址不能超过 200 字').optional(),
    consent: ZMediationConsent.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.role === 'other' && !p.roleNote) ctx.addIssue({ code: 'custom', path: ['roleNote'], message: '请说明其他当事人的身份（如 子女、父母）' });
  })
  .meta({ id: 'MediationPartyInput' });
export type MediationPartyInput = z.infer<typeof ZMediationPartyInput>;

/** At least one applicant and one respondent; ids (when given) unique. */
export const ZMediationParties = z
  .array(ZMediationPartyInput, { error: '请填写当事人' })
  .min(2, '至少需要申请人和被申请人')
  .max(20, '当事人不能超过 20 人')
  .superRefine((parties, ctx) => {
    if (!parties.some((p) => p.role === 'applicant')) ctx.addIssue({ code: 'custom', message: '至少需要一名申请人' });
    if (!parties.some((p) => p.role === 'respondent')) ctx.addIssue({ code: 'custom', message: '至少需要一名被申请人' });
    const seen = new Set<string>();
    parties.forEach((p, i) => {
      if (!p.id) return;
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: '当事人重复' });
      seen.add(p.id);
    });
  });

/** A mediator on the case: a staff account (who then sees the case) or an outside person by name. */
export const ZMediatorInput = z
  .strictObject({
    staffId: ZId.optional().describe('本系统的工作人员账号；填写后该账号可查看并办理此案'),
    name: z.string({ error: '请填写调解员姓名' }).trim().min(1, '请填写调解员姓名').max(40, '姓名不能超过 40 字'),
    kind: ZMediatorKind,
  })
  .meta({ id: 'MediatorInput' });
export type MediatorInput = z.infer<typeof ZMediatorInput>;

export const ZMediators = z
  .array(ZMediatorInput)
  .max(10, '调解员不能超过 10 人')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((m, i) => {
      if (!m.staffId) return;
      if (seen.has(m.staffId)) ctx.addIssue({ code: 'custom', path: [i, 'staffId'], message: '调解员重复' });
      seen.add(m.staffId);
    });
  });

const ZSummary = z.string({ error: '请填写纠纷主要事实和争议事项' }).trim().min(1, '请填写纠纷主要事实和争议事项').max(5000, '不能超过 5000 字');
const ZCommitteeName = z.string().trim().min(1).max(60, '调解组织名称不能超过 60 字');

/** Registers a case directly, or opens one from a help request (`fromRequestId`). */
export const ZCreateMediationCaseInput = z
  .strictObject({
    fromRequestId: ZId.optional().describe('由哪条求助转入；中心与类别随求助'),
    centerId: ZId.optional().describe('仅市妇联管理员直接登记时：登记到哪个中心'),
    disputeType: ZDisputeType.optional().describe('由求助转入时可不填，按求助类别推定'),
    committeeLevel: ZCommitteeLevel,
    committeeName: ZCommitteeName.optional().describe('调解组织名称，印在调解协议书上'),
    parties: ZMediationParties,
    mediators: ZMediators.optional(),
    summary: ZSummary.describe('纠纷主要事实、争议事项'),
  })
  .superRefine((v, ctx) => {
    if (!v.fromRequestId && !v.disputeType) ctx.addIssue({ code: 'custom', path: ['disputeType'], message: '请选择纠纷类型' });
  })
  .meta({ id: 'CreateMediationCaseInput' });
export type CreateMediationCaseInput = z.infer<typeof ZCreateMediationCaseInput>;

export const ZUpdateMediationCaseInput = z
  .strictObject({
    disputeType: ZDisputeType.optional(),
    committeeLevel: ZCommitteeLevel.optional(),
    committeeName: ZCommitteeName.nullable().optional(),
    parties: ZMediationParties.optional(),
    mediators: ZMediators.optional(),
    summary: ZSummary.optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { message: '没有要修改的内容', path: ['summary'] })
  .meta({ id: 'UpdateMediationCaseInput' });
export type UpdateMediationCaseInput = z.infer<typeof ZUpdateMediationCaseInput>;

/** Records one party's consent to mediate. */
export const ZRecordMediationConsentInput = z
  .strictObject({
    partyId: z.string({ error: '请选择当事人' }).regex(/^[A-Za-z0-9_-]{6,40}$/, '当事人标识格式不正确'),
    date: ZDate,
    method: ZMediationConsentMethod,
    note: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'RecordMediationConsentInput' });
export type RecordMediationConsentInput = z.infer<typeof ZRecordMediationConsentInput>;
