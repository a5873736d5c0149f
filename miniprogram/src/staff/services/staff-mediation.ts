import type {
  AddMediationSessionInput,
  CommitteeLevel,
  CreateMediationCaseInput,
  CreatedMediationCase,
  DisputeType,
  JudicialConfirmationInput,
  MediationBoard,
  MediationCaseDetail,
  MediationSessionDto,
  MediationStatus,
  MediationTransitionInput,
  RecordMediationConsentInput,
  TimelineItem,
} from '@zjh/shared';
import { api, ApiError, withQuery } from '../../services/api';
import { downloadWithToken } from '../../services/files';
import { readToken, STAFF_TOKEN_KEY } from '../../services/storage';

export const MEDIATION_BOARD_PATH = '/staff/pages/mediation/index';
export const MEDIATION_DETAIL_PATH = '/staff/pages/mediation/detail';
export const MEDIATION_REGISTER_PATH = '/staff/pages/mediation/register';

const BASE = '/api/staff/mediation/cases';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export interface MediationFilters {
  status?: MediationStatus[];
  level?: CommitteeLevel;
  disputeType?: DisputeType;
  centerId?: string;
  /** A TJ reference (TJ-2026-0001). */
  q?: string;
}

/** GET /api/staff/mediation/cases with the board's filters (status as a comma list). */
export function boardPath(filters: MediationFilters, cursor?: string | null): string {
  return withQuery(BASE, {
    status: filters.status?.length ? filters.status.join(',') : undefined,
    level: filters.level,
    disputeType: filters.disputeType,
    centerId: filters.centerId,
    q: filters.q?.trim().toUpperCase() || undefined,
    cursor: cursor ?? undefined,
  });
}

export function loadBoard(filters: MediationFilters, cursor?: string | null): Promise<MediationBoard> {
  return api<MediationBoard>(boardPath(filters, cursor), { auth: 'staff' });
}

/** Registers a case; the same key on a retry returns the first answer and creates nothing new. */
export function createCase(input: CreateMediationCaseInput, idempotencyKey: string): Promise<CreatedMediationCase> {
  return api<CreatedMediationCase>(BASE, { method: 'POST', data: input, auth: 'staff', header: { 'Idempotency-Key': idempotencyKey } });
}

export function getCase(id: string): Promise<MediationCaseDetail> {
  return api<MediationCaseDetail>(one(id), { auth: 'staff' });
}

export function recordConsent(id: string, input: RecordMediationConsentInput): Promise<MediationCaseDetail> {
  return api<MediationCaseDetail>(`${one(id)}/consents`, { method: 'POST', data: input, auth: 'staff' });
}

export function moveCase(id: string, input: MediationTransitionInput): Promise<MediationCaseDetail> {
  return api<MediationCaseDetail>(`${one(id)}/transitions`, { method: 'POST', data: input, auth: 'staff' });
}

export function recordJudicialConfirmation(id: string, input: JudicialConfirmationInput): Promise<MediationCaseDetail> {
  return api<MediationCaseDetail>(`${one(id)}/judicial-confirmation`, { method: 'PUT', data: input, auth: 'staff' });
}

export async function getCaseTimeline(id: string): Promise<TimelineItem[]> {
  return (await api<{ items: TimelineItem[] }>(`${one(id)}/timeline`, { auth: 'staff' })).items;
}

export async function listSessions(id: string): Promise<MediationSessionDto[]> {
  return (await api<{ items: MediationSessionDto[] }>(`${one(id)}/sessions`, { auth: 'staff' })).items;
}

export function addSession(id: string, input: AddMediationSessionInput): Promise<MediationSessionDto> {
  return api<MediationSessionDto>(`${one(id)}/sessions`, { method: 'POST', data: input, auth: 'staff' });
}

/** The signed-in staff member's token for downloads; 401 when there is none. */
export function staffToken(): string {
  const token = readToken(STAFF_TOKEN_KEY);
  if (!token) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
  return token;
}

/** The 人民调解协议书 (.docx): a download in a browser, WeChat's document viewer in the mini-program. */
export async function downloadAgreement(id: string, ref: string): Promise<void> {
  await downloadWithToken(`${one(id)}/agreement.docx`, staffToken(), { filename: `人民调解协议书-${ref}.docx`, fileType: 'docx' });
}
