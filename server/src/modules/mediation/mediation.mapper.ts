import {
  type MediationCaseDetail,
  type MediationCaseSummary,
  type MediationParty,
  type MediationSessionDto,
  type MediatorDto,
} from '@zjh/shared';
import type { MediationCaseEntity, MediationMediatorEntity, MediationSessionEntity, StoredParty } from './mediation.entity';
import { mediationWorkflow } from './mediation.workflow';

/** What a summary needs besides the row: looked up in batches by the service. */
export interface SummaryContext {
  center: { id: string; name: string };
  mediators: MediationMediatorEntity[];
  sessions: { count: number; lastAt: Date | null };
  fromRequest: { id: string; ref: string } | null;
}

/** Applicant(s) and respondent(s) have all agreed to mediate. */
export function consentComplete(parties: StoredParty[]): boolean {
  return parties.filter((p) => p.role !== 'other').every((p) => p.consent !== null);
}

export function toMediator(m: MediationMediatorEntity): MediatorDto {
  return { id: m.id, staffId: m.staffId, name: m.name, kind: m.kind };
}

export function toParty(p: StoredParty): MediationParty {
  return { id: p.id, role: p.role, roleNote: p.roleNote, name: p.name, gender: p.gender, phone: p.phone, address: p.address, consent: p.consent };
}

export function toSummary(c: MediationCaseEntity, ctx: SummaryContext): MediationCaseSummary {
  return {
    id: c.id,
    ref: c.ref,
    status: c.status,
    disputeType: c.disputeType,
    committeeLevel: c.committeeLevel,
    center: ctx.center,
    mediators: ctx.mediators.map(toMediator),
    partiesCount: c.partiesCount,
    consentComplete: c.consentComplete,
    sessionsCount: ctx.sessions.count,
    lastSessionAt: ctx.sessions.lastAt?.toISOString() ?? null,
    fromRequest: ctx.fromRequest,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    outcomeAt: c.outcomeAt?.toISOString() ?? null,
  };
}

export function toDetail(c: MediationCaseEntity, summary: MediationCaseSummary, registeredBy: { id: string; name: string } | null): MediationCaseDetail {
  return {
    ...summary,
    committeeName: c.committeeName,
    sourceCategory: c.sourceCategory,
    parties: c.parties.map(toParty),
    summary: c.summary,
    agreement: c.agreement,
    court: c.courtName ? { name: c.courtName, caseNumber: c.courtCaseNumber ?? '' } : null,
    judicialConfirmation: c.judicialAppliedOn
      ? { appliedOn: c.judicialAppliedOn, court: c.judicialCourt ?? '', result: c.judicialResult ?? 'pending', decidedOn: c.judicialDecidedOn, note: c.judicialNote }
      : null,
    nextStatuses: mediationWorkflow.next(c.status),
    registeredBy,
  };
}

export function toSession(s: MediationSessionEntity, recordedBy: { id: string; name: string }): MediationSessionDto {
  return {
    id: s.id,
    at: s.at.toISOString(),
    form: s.form,
    attendedParties: s.attendance.parties,
    attendedMediators: s.attendance.mediators,
    otherAttendees: s.attendance.others,
    location: s.location,
    notes: s.notes,
    recordedBy,
    createdAt: s.createdAt.toISOString(),
  };
}
