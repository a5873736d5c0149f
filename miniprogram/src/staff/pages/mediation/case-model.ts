import {
  JudicialConfirmationResult,
  MediationPartyRole,
  MediationStatus,
  type AddMediationSessionInput,
  type MediationAgreementInput,
  type MediationCaseDetail,
  type MediationSessionForm,
  type MediationStatus as Status,
  type TimelineItem,
} from '@zjh/shared';
import type { FieldErrors } from '../../../services/field-errors';

/** What each move is called on its button (reopening is a move back to in_mediation). */
export function actionLabel(from: Status, to: Status): string {
  switch (to) {
    case 'in_mediation':
      return from === 'not_reached' ? '重新调解' : '开始调解';
    case 'agreement_reached':
      return '达成协议';
    case 'not_reached':
      return '未达成协议';
    case 'transferred_to_court':
      return '转法院诉前联调';
    case 'withdrawn':
      return '撤回';
    default:
      return MediationStatus[to];
  }
}

/** Moves that must say why (the workflow asks for a reason). */
export function needsReason(from: Status, to: Status): boolean {
  return to === 'not_reached' || to === 'withdrawn' || (to === 'in_mediation' && from === 'not_reached');
}

/** Applicants and respondents whose consent to mediate is not recorded yet (others need none). */
export function missingConsent(c: Pick<MediationCaseDetail, 'parties'>) {
  return c.parties.filter((p) => p.role !== 'other' && !p.consent);
}

export function missingConsentText(c: Pick<MediationCaseDetail, 'parties'>): string {
  const missing = missingConsent(c);
  if (!missing.length) return '';
  return `开始调解前须记录${missing.map((p) => `${MediationPartyRole[p.role]} ${p.name}`).join('、')}同意调解`;
}

/** 一、二、三 … for the clauses of the 协议 (as printed in the 调解协议书). */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

export interface AgreementDraft {
  clauses: string[];
  performance: string;
  copies: string;
  signedOn: string;
}

export function emptyAgreement(today: string): AgreementDraft {
  return { clauses: [''], performance: '', copies: '', signedOn: today };
}

export function checkAgreement(a: AgreementDraft): FieldErrors {
  const e: FieldErrors = {};
  if (!a.clauses.some((c) => c.trim())) e['agreement.clauses'] = '请至少填写一条协议条款';
  if (!a.performance.trim()) e['agreement.performance'] = '请填写履行方式、时限';
  if (a.copies.trim() && !(Number.isInteger(Number(a.copies)) && Number(a.copies) >= 2)) e['agreement.copies'] = '份数须为不少于 2 的整数';
  return e;
}

/** The agreement's terms as the API takes them: blank clauses dropped, the rest in order. */
export function agreementPayload(a: AgreementDraft): MediationAgreementInput {
  return {
    clauses: a.clauses.map((c) => c.trim()).filter(Boolean),
    performance: a.performance.trim(),
    ...(a.copies.trim() ? { copies: Number(a.copies) } : {}),
    ...(a.signedOn ? { signedOn: a.signedOn } : {}),
  };
}

export interface SessionDraft {
  date: string;
  time: string;
  form: MediationSessionForm | '';
  partyIds: string[];
  mediatorIds: string[];
  others: string;
  location: string;
  notes: string;
}

export function emptySession(today: string, time: string): SessionDraft {
  return { date: today, time, form: '', partyIds: [], mediatorIds: [], others: '', location: '', notes: '' };
}

/** An instant from a Shanghai date and time of day, with its offset. */
export function shanghaiAt(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export function checkSession(s: SessionDraft): FieldErrors {
  const e: FieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date) || !/^\d{2}:\d{2}$/.test(s.time)) e.at = '请填写调解的日期和时间';
  if (!s.form) e.form = '请选择调解形式';
  if (!s.partyIds.length) e.attendedPartyIds = '请至少选择一名到场的当事人';
  return e;
}

export function sessionPayload(s: SessionDraft): AddMediationSessionInput {
  const opt = (key: 'otherAttendees' | 'location' | 'notes', v: string) => (v.trim() ? { [key]: v.trim() } : {});
  return {
    at: shanghaiAt(s.date, s.time),
    form: s.form as MediationSessionForm,
    attendedPartyIds: s.partyIds,
    ...(s.mediatorIds.length ? { attendedMediatorIds: s.mediatorIds } : {}),
    ...opt('otherAttendees', s.others),
    ...opt('location', s.location),
    ...opt('notes', s.notes),
  };
}

const statusLabel = (s?: string) => (s && s in MediationStatus ? MediationStatus[s as Status] : (s ?? '—'));

/** One line of the case's history, in the back office's words. */
export function caseTimelineWhat(e: TimelineItem): string {
  switch (e.type) {
    case 'created':
      return '登记调解案件';
    case 'status':
      return `状态：${statusLabel(e.from)} → ${statusLabel(e.to)}`;
    case 'consent':
      return `记录${e.to ?? '当事人'}同意调解`;
    case 'session':
      return `调解（${e.to ?? ''}）`;
    case 'updated':
      return `修改了${e.to ?? '案件信息'}`;
    case 'mediators':
      return `调解员：${e.to ?? ''}`;
    case 'judicial_confirmation':
      return `司法确认：${JudicialConfirmationResult[e.to as keyof typeof JudicialConfirmationResult] ?? e.to ?? ''}`;
    default:
      return e.type;
  }
}
