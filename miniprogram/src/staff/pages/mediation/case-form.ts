import type { CommitteeLevel, CreateMediationCaseInput, DisputeType, MediationPartyRole, MediatorKind, PartyGender } from '@zjh/shared';
import type { FieldErrors } from '../../../services/field-errors';

/** One party as typed on the form. */
export interface PartyDraft {
  key: string;
  role: MediationPartyRole;
  roleNote: string;
  name: string;
  gender: PartyGender | '';
  phone: string;
  address: string;
}

/** One mediator as typed: an outside person by name, or a staff account (staffId) who then sees the case. */
export interface MediatorDraft {
  key: string;
  name: string;
  kind: MediatorKind | '';
  staffId: string;
}

export interface CaseDraft {
  fromRequestId: string;
  centerId: string;
  disputeType: DisputeType | '';
  committeeLevel: CommitteeLevel | '';
  committeeName: string;
  parties: PartyDraft[];
  mediators: MediatorDraft[];
  summary: string;
}

let seq = 0;
const nextKey = (prefix: string) => `${prefix}${++seq}`;

export function newParty(role: MediationPartyRole, patch: Partial<PartyDraft> = {}): PartyDraft {
  return { key: nextKey('p'), role, roleNote: '', name: '', gender: '', phone: '', address: '', ...patch };
}

export function newMediator(patch: Partial<MediatorDraft> = {}): MediatorDraft {
  return { key: nextKey('m'), name: '', kind: '', staffId: '', ...patch };
}

/** A fresh form: an applicant and a respondent, no mediator yet. */
export function emptyCaseDraft(fromRequestId = ''): CaseDraft {
  return {
    fromRequestId,
    centerId: '',
    disputeType: '',
    committeeLevel: '',
    committeeName: '',
    parties: [newParty('applicant'), newParty('respondent')],
    mediators: [],
    summary: '',
  };
}

/**
 * What the form can tell before sending (the server checks everything again). Paths are the API's,
 * so the server's own 400 details land on the same fields.
 */
export function checkCaseDraft(d: CaseDraft, opts: { isAdmin: boolean }): FieldErrors {
  const e: FieldErrors = {};
  if (!d.fromRequestId && !d.disputeType) e.disputeType = '请选择纠纷类型';
  if (!d.committeeLevel) e.committeeLevel = '请选择调解组织';
  if (opts.isAdmin && !d.fromRequestId && !d.centerId) e.centerId = '请选择登记到哪个中心';
  if (!d.parties.some((p) => p.role === 'applicant')) e.parties = '至少需要一名申请人';
  else if (!d.parties.some((p) => p.role === 'respondent')) e.parties = '至少需要一名被申请人';
  d.parties.forEach((p, i) => {
    if (!p.name.trim()) e[`parties.${i}.name`] = '请填写当事人姓名';
    if (p.role === 'other' && !p.roleNote.trim()) e[`parties.${i}.roleNote`] = '请说明其他当事人的身份（如 子女、父母）';
  });
  d.mediators.forEach((m, i) => {
    if (!m.name.trim()) e[`mediators.${i}.name`] = '请填写调解员姓名';
    if (!m.kind) e[`mediators.${i}.kind`] = '请选择调解员类型';
  });
  if (!d.summary.trim()) e.summary = '请填写纠纷主要事实和争议事项';
  return e;
}

const opt = <K extends string>(key: K, value: string) => (value.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {});

/** The POST /api/staff/mediation/cases body: trimmed, empty optional fields left out. */
export function casePayload(d: CaseDraft): CreateMediationCaseInput {
  return {
    ...(d.fromRequestId ? { fromRequestId: d.fromRequestId } : { ...opt('centerId', d.centerId) }),
    ...(d.disputeType ? { disputeType: d.disputeType } : {}),
    committeeLevel: d.committeeLevel as CommitteeLevel,
    ...opt('committeeName', d.committeeName),
    parties: d.parties.map((p) => ({
      role: p.role,
      ...(p.role === 'other' ? opt('roleNote', p.roleNote) : {}),
      name: p.name.trim(),
      ...(p.gender ? { gender: p.gender } : {}),
      ...opt('phone', p.phone),
      ...opt('address', p.address),
    })),
    ...(d.mediators.length
      ? { mediators: d.mediators.map((m) => ({ name: m.name.trim(), kind: m.kind as MediatorKind, ...opt('staffId', m.staffId) })) }
      : {}),
    summary: d.summary.trim(),
  };
}
