import { z } from 'zod';
import { ZId } from '../common';
import { ZPhone } from '../requests/safe-contact.schema';
import { ZSensitiveConsent } from '../requests/create-request.schema';
import { PoCourtBasis, PoEvidenceKind, PoFiler, PoGender, PoIncidentType, PoMeasure, PoRelationship, PoSection, ZhanjiangCourtNames } from './labels';

/*
 * The interview answers: one nested object, every part optional, because she saves as she goes and
 * a draft is allowed to be incomplete. `null` clears a saved answer. What must be there before the
 * application can be submitted is decided by `missingAnswers` (completeness.ts), not here.
 */

const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();
const text = (max: number, what: string) => z.string({ error: `${what}须为文字` }).trim().max(max, `${what}不能超过 ${max} 字`);

/** A calendar date (YYYY-MM-DD) that is not in the future (a day of tolerance for time zones). */
export const ZPastDate = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v, '日期无效')
  .refine((v) => Date.parse(v) <= Date.now() + 86400_000, '日期不能晚于今天')
  .refine((v) => v >= '1900-01-01', '日期无效');

export const ZPoFilerCode = z.enum(PoFiler.codes, { error: '请选择由谁申请' });
export const ZPoGender = z.enum(PoGender.codes, { error: '性别只能是 female 或 male' });
export const ZPoRelationshipCode = z.enum(PoRelationship.codes, { error: '请选择与对方的关系' });
export const ZPoIncidentType = z.enum(PoIncidentType.codes, { error: '请选择发生了哪类事情' });
export const ZPoMeasure = z.enum(PoMeasure.codes, { error: '请选择希望采取的措施' });
export const ZPoCourt = z.enum(ZhanjiangCourtNames, { error: '请选择湛江市的基层人民法院' });
export const ZPoCourtBasis = z.enum(PoCourtBasis.codes, { error: '请选择向该法院申请的依据' });
export const ZPoSection = z.enum(PoSection.codes, { error: '没有这一部分' });
export const ZPoEvidenceKind = z.enum(PoEvidenceKind.codes, { error: '证据类型只能是清单中的一项' });

export const ZPoAgent = z.strictObject({
  name: opt(text(60, '代为申请人（人或单位）名称')),
  relation: opt(text(20, '与申请人的关系')).describe('近亲属代为申请时填写，如“母亲”'),
  contactPerson: opt(text(40, '经办人')).describe('单位代为申请时的经办人'),
  phone: opt(ZPhone),
  address: opt(text(200, '地址')),
});

export const ZPoFiler = z.strictObject({
  by: opt(ZPoFilerCode),
  reason: opt(text(500, '代为申请的原因')).describe('代为申请时：她为何不能自己申请（如受到强制、威吓）'),
  agent: opt(ZPoAgent),
});

export const ZPoApplicant = z.strictObject({
  name: opt(text(40, '姓名')),
  gender: opt(ZPoGender),
  birthDate: opt(ZPastDate),
  idNumber: opt(z.string().trim().regex(/^(\d{17}[\dXx]|)$/, '身份证号应为 18 位')).describe('可不填'),
  phone: opt(ZPhone),
  address: opt(text(200, '住址')),
  confidentialAddress: opt(z.boolean({ error: '请说明是否需要对住址保密' })).describe('为真时申请书不写住址，住址另行提交法院'),
  confidentialAddressText: opt(text(200, '保密住址')).describe('需要保密的现住址：只给法院，不进申请书'),
});

export const ZPoRespondent = z.strictObject({
  name: opt(text(40, '姓名')),
  gender: opt(ZPoGender),
  approxAge: opt(z.int('年龄须为整数').min(14, '年龄不正确').max(120, '年龄不正确')),
  phone: opt(ZPhone),
  address: opt(text(200, '住址')),
  workplace: opt(text(100, '工作单位')),
});

export const ZPoRelationship = z.strictObject({
  type: opt(ZPoRelationshipCode),
  detail: opt(text(60, '关系说明')).describe('“其他家庭成员”或“其他”时说明具体关系'),
});

/** One thing that happened. Items of a draft may be incomplete too. */
export const ZPoIncident = z.strictObject({
  date: opt(ZPastDate),
  place: opt(text(200, '地点')),
  types: opt(z.array(ZPoIncidentType).max(7).refine((a) => new Set(a).size === a.length, '类型重复了')),
  description: opt(text(3000, '经过')),
});

export const ZPoChildren = z.strictObject({
  involved: opt(z.boolean({ error: '请说明是否涉及子女' })),
  count: opt(z.int('人数须为整数').min(1).max(20)),
  note: opt(text(500, '说明')),
});

export const ZPoEvidenceItem = z.strictObject({
  has: opt(z.boolean({ error: '请说明是否有这项证据' })),
  note: opt(text(500, '说明')),
});

/** The evidence checklist: for each kind, whether she has it and a note. Files are uploaded separately. */
export const ZPoEvidence = z.strictObject({
  police_receipt: opt(ZPoEvidenceItem),
  medical_records: opt(ZPoEvidenceItem),
  chat_records: opt(ZPoEvidenceItem),
  witnesses: opt(ZPoEvidenceItem),
  federation_records: opt(ZPoEvidenceItem),
});

export const ZPoMeasures = z.strictObject({
  items: opt(z.array(ZPoMeasure).max(4).refine((a) => new Set(a).size === a.length, '措施重复了')),
  otherText: opt(text(500, '其他措施')),
});

export const ZPoUrgency = z.strictObject({
  urgent: opt(z.boolean({ error: '请说明是否情况紧急' })),
  reason: opt(text(1000, '紧急的原因')),
});

export const ZPoCourtChoice = z.strictObject({
  name: opt(ZPoCourt),
  basis: opt(ZPoCourtBasis),
});

export const ZPoAnswers = z
  .strictObject({
    filer: opt(ZPoFiler),
    applicant: opt(ZPoApplicant),
    respondent: opt(ZPoRespondent),
    relationship: opt(ZPoRelationship),
    incidents: opt(z.array(ZPoIncident).max(50, '最多记录 50 次')),
    children: opt(ZPoChildren),
    evidence: opt(ZPoEvidence),
    measures: opt(ZPoMeasures),
    urgency: opt(ZPoUrgency),
    court: opt(ZPoCourtChoice),
    centerId: opt(ZId).describe('帮助她的服务中心；不填则按所选法院所在区县分派'),
    notify: opt(z.boolean()).describe('她同意接收进展和到期提醒（订阅消息，措辞中性）'),
    consent: opt(ZSensitiveConsent),
  })
  .meta({ id: 'ProtectionOrderAnswers' });
export type PoAnswers = z.infer<typeof ZPoAnswers>;
