import { z } from 'zod';
import { ZFieldProblem } from '../errors';
import { ZPoAnswers, ZPoCourt, ZPoEvidenceKind, ZPoMeasure, ZPoSection } from './answers.schema';
import { ZPoStatus } from './protection-order.schema';

export const ZPoCreated = z.object({ id: z.string(), status: z.literal('draft') }).meta({ id: 'ProtectionOrderCreated' });
export const ZPoSubmitted = z.object({ id: z.string(), status: z.literal('submitted'), center: z.object({ id: z.string(), name: z.string(), phone: z.string() }) }).meta({ id: 'ProtectionOrderSubmitted' });

export const ZPoEvidenceFile = z
  .object({ id: z.string(), kind: ZPoEvidenceKind, mimeType: z.string(), size: z.number(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'ProtectionOrderEvidenceFile' });
export type PoEvidenceFileDto = z.infer<typeof ZPoEvidenceFile>;

/** Filing with the court and the decision clock (art. 28). */
export const ZPoFiling = z
  .object({ court: ZPoCourt, filedAt: z.string(), caseNumber: z.string(), urgent: z.boolean(), decisionDueAt: z.string(), overdue: z.boolean() })
  .meta({ id: 'ProtectionOrderFiling' });

export const ZPoDecision = z
  .object({
    outcome: z.enum(['granted', 'rejected']),
    decidedAt: z.string(),
    orderNumber: z.string().nullable(),
    measures: z.array(ZPoMeasure).nullable(),
    otherMeasureText: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    expiringSoon: z.boolean(),
    expired: z.boolean(),
    reason: z.string().nullable(),
    reconsiderationUntil: z.string().nullable().describe('驳回后申请复议的截止时间（裁定后 5 日，第三十一条）'),
  })
  .meta({ id: 'ProtectionOrderDecision' });

export const ZPoDelivery = z
  .object({ policeStation: z.string(), policeDeliveredOn: z.string(), committee: z.string(), committeeDeliveredOn: z.string() })
  .meta({ id: 'ProtectionOrderDelivery' });
export type PoDeliveryDto = z.infer<typeof ZPoDelivery>;

const ZCenterRef = z.object({ id: z.string(), name: z.string(), phone: z.string() });

/** Her own view of one application. */
export const ZMyProtectionOrder = z
  .object({
    id: z.string(),
    status: ZPoStatus,
    answers: ZPoAnswers,
    missing: z.array(ZFieldProblem).describe('提交前还缺的内容'),
    editable: z.boolean(),
    editableSections: z.array(ZPoSection).nullable().describe('待补充时她可以修改的部分；null 表示全部'),
    center: ZCenterRef.nullable(),
    files: z.array(ZPoEvidenceFile),
    evidenceBytes: z.number(),
    filing: ZPoFiling.nullable(),
    decision: ZPoDecision.nullable(),
    delivery: ZPoDelivery.nullable(),
    extendsId: z.string().nullable().describe('这是哪一份保护令的延长申请'),
    messages: z.array(z.object({ id: z.string(), at: z.string(), from: z.enum(['staff', 'me']), body: z.string() })),
    events: z.array(z.object({ at: z.string(), type: z.string(), to: z.string().optional() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .meta({ id: 'MyProtectionOrder' });
export type MyProtectionOrder = z.infer<typeof ZMyProtectionOrder>;

export const ZMyProtectionOrderSummary = z
  .object({
    id: z.string(),
    status: ZPoStatus,
    court: z.string().nullable(),
    missingCount: z.number(),
    extendsId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MyProtectionOrderSummary' });
export type MyProtectionOrderSummary = z.infer<typeof ZMyProtectionOrderSummary>;

export const ZStaffPoSummary = z
  .object({
    id: z.string(),
    status: ZPoStatus,
    applicant: z.string().describe('只显示姓氏，如“李**”'),
    urgent: z.boolean(),
    center: z.object({ id: z.string(), name: z.string() }).nullable(),
    court: z.string().nullable(),
    submittedAt: z.string().nullable(),
    filedAt: z.string().nullable(),
    decisionDueAt: z.string().nullable(),
    overdue: z.boolean(),
    validTo: z.string().nullable(),
    expiringSoon: z.boolean(),
    expired: z.boolean(),
    extendsId: z.string().nullable(),
    extendedById: z.string().nullable(),
    canExtend: z.boolean().describe('保护令有效、尚未申请延长、申请人账号仍在：可以为她发起延长申请'),
    nextStatuses: z.array(ZPoStatus),
    updatedAt: z.string(),
  })
  .meta({ id: 'StaffProtectionOrderSummary' });
export type StaffPoSummary = z.infer<typeof ZStaffPoSummary>;

export const ZStaffPoDetail = ZStaffPoSummary.extend({
  answers: ZPoAnswers,
  missing: z.array(ZFieldProblem),
  editableSections: z.array(ZPoSection).nullable(),
  files: z.array(ZPoEvidenceFile),
  filing: ZPoFiling.nullable(),
  decision: ZPoDecision.nullable(),
  delivery: ZPoDelivery.nullable(),
  notify: z.boolean(),
  hasClientAccount: z.boolean(),
  timeline: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.object({ type: z.enum(['staff', 'user', 'system']), id: z.string().nullable(), name: z.string() }),
      type: z.string(),
      from: z.string().optional(),
      to: z.string().optional(),
      note: z.string().optional(),
      visibility: z.enum(['client', 'internal']),
    }),
  ),
  accessLog: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string() })).describe('谁在何时查看或下载过这份申请'),
}).meta({ id: 'StaffProtectionOrderDetail' });
export type StaffPoDetail = z.infer<typeof ZStaffPoDetail>;
