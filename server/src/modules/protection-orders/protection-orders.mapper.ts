import {
  isDecisionOverdue,
  isExpired,
  isExpiringSoon,
  missingAnswers,
  type MyProtectionOrder,
  type MyProtectionOrderSummary,
  type PoEvidenceFileDto,
  type StaffPoDetail,
  type StaffPoSummary,
} from '@zjh/shared';
import type { TimelineItem } from '../timeline/timeline.service';
import type { ProtectionOrderEntity, ProtectionOrderFileEntity } from './protection-order.entity';
import { EDITABLE_BY_HER, IN_FORCE, protectionOrderWorkflow } from './protection-order.workflow';

export interface CenterRef {
  id: string;
  name: string;
  phone: string;
}

/** Timeline event types she sees; only messages carry text to her. */
const CLIENT_EVENT_TYPES = new Set(['created', 'status', 'extension_started', 'message_to_client', 'message_from_client']);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** 李春梅 → 李**: enough for staff to tell applications apart on the board, no more. */
export function maskName(name: string | null | undefined): string {
  const n = (name ?? '').trim();
  if (!n) return '（未填姓名）';
  return n.slice(0, 1) + '*'.repeat(Math.max(1, Math.min(n.length - 1, 3)));
}

export function toFileDto(f: ProtectionOrderFileEntity): PoEvidenceFileDto {
  return { id: f.id, kind: f.kind, mimeType: f.mimeType, size: f.size, name: f.originalName, createdAt: f.createdAt.toISOString() };
}

function filing(r: ProtectionOrderEntity, now: Date) {
  if (!r.filedAt || !r.courtName || !r.decisionDueAt) return null;
  return {
    court: r.courtName as NonNullable<MyProtectionOrder['filing']>['court'],
    filedAt: r.filedAt.toISOString(),
    caseNumber: r.caseNumber ?? '',
    urgent: r.urgent,
    decisionDueAt: r.decisionDueAt.toISOString(),
    overdue: isDecisionOverdue(r.status, r.decisionDueAt, now),
  };
}

function decision(r: ProtectionOrderEntity, now: Date) {
  if (!r.decidedAt) return null;
  const granted = r.orderNumber !== null;
  return {
    outcome: granted ? ('granted' as const) : ('rejected' as const),
    decidedAt: r.decidedAt.toISOString(),
    orderNumber: r.orderNumber,
    measures: r.grantedMeasures,
    otherMeasureText: r.otherMeasureText,
    validFrom: r.validFrom,
    validTo: r.validTo,
    expiringSoon: r.validTo ? isExpiringSoon(r.validTo, now) : false,
    expired: r.validTo ? isExpired(r.validTo, now) : false,
    reason: r.rejectionReason,
    reconsiderationUntil: iso(r.reconsiderationUntil),
  };
}

export function toMine(r: ProtectionOrderEntity, center: CenterRef | null, files: ProtectionOrderFileEntity[], events: TimelineItem[], now: Date): MyProtectionOrder {
  return {
    id: r.id,
    status: r.status,
    answers: r.answers,
    missing: missingAnswers(r.answers),
    editable: EDITABLE_BY_HER.includes(r.status),
    editableSections: r.status === 'needs_info' ? r.editableSections : null,
    center,
    files: files.map(toFileDto),
    evidenceBytes: r.evidenceBytes,
    filing: filing(r, now),
    decision: decision(r, now),
    delivery: r.delivery,
    extendsId: r.extendsId,
    messages: events
      .filter((e) => e.type === 'message_to_client' || e.type === 'message_from_client')
      .map((e) => ({ id: e.id, at: e.at, from: e.type === 'message_to_client' ? ('staff' as const) : ('me' as const), body: e.note ?? '' })),
    events: events.filter((e) => CLIENT_EVENT_TYPES.has(e.type)).map((e) => ({ at: e.at, type: e.type, ...(e.type === 'status' && e.to ? { to: e.to } : {}) })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: iso(r.submittedAt),
  };
}

export function toMineSummary(r: ProtectionOrderEntity): MyProtectionOrderSummary {
  return {
    id: r.id,
    status: r.status,
    court: r.courtName ?? r.answers.court?.name ?? null,
    missingCount: missingAnswers(r.answers).length,
    extendsId: r.extendsId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toStaffSummary(r: ProtectionOrderEntity, center: { id: string; name: string } | null, extendedById: string | null, now: Date): StaffPoSummary {
  return {
    id: r.id,
    status: r.status,
    applicant: maskName(r.answers.applicant?.name),
    urgent: r.urgent,
    center,
    court: r.courtName ?? r.answers.court?.name ?? null,
    submittedAt: iso(r.submittedAt),
    filedAt: iso(r.filedAt),
    decisionDueAt: iso(r.decisionDueAt),
    overdue: isDecisionOverdue(r.status, r.decisionDueAt, now),
    validTo: r.validTo,
    expiringSoon: r.validTo !== null && ['granted', 'delivered'].includes(r.status) && isExpiringSoon(r.validTo, now),
    expired: r.validTo !== null && isExpired(r.validTo, now),
    extendsId: r.extendsId,
    extendedById,
    canExtend: IN_FORCE.includes(r.status) && extendedById === null && r.userId !== null && !(r.validTo !== null && isExpired(r.validTo, now)),
    nextStatuses: protectionOrderWorkflow.next(r.status),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toStaffDetail(
  r: ProtectionOrderEntity,
  summary: StaffPoSummary,
  files: ProtectionOrderFileEntity[],
  timeline: TimelineItem[],
  accessLog: StaffPoDetail['accessLog'],
  now: Date,
): StaffPoDetail {
  return {
    ...summary,
    answers: r.answers,
    missing: missingAnswers(r.answers),
    editableSections: r.status === 'needs_info' ? r.editableSections : null,
    files: files.map(toFileDto),
    filing: filing(r, now),
    decision: decision(r, now),
    delivery: r.delivery,
    notify: r.notify,
    hasClientAccount: r.userId !== null,
    timeline,
    accessLog,
  };
}
