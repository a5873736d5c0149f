import type { PoAnswers, PoEvidenceFileDto, PoStatus, PoTransitionInput, StaffPoDetail, StaffPoSummary } from '@zjh/shared';
import { api, ApiError, withQuery } from '../../services/api';
import { downloadWithToken } from '../../services/files';
import { readToken, STAFF_TOKEN_KEY } from '../../services/storage';

export const PO_BOARD_PATH = '/staff/pages/protection-orders/index';
export const PO_DETAIL_PATH = '/staff/pages/protection-orders/detail';

const BASE = '/api/staff/protection-orders';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export interface PoBoardCounts {
  total: number;
  waiting: number;
  overdue: number;
  expiring: number;
}

export interface PoBoardFilters {
  status?: PoStatus[];
  overdue?: boolean;
  expiring?: boolean;
  centerId?: string;
}

export function loadBoard(filters: PoBoardFilters = {}): Promise<{ items: StaffPoSummary[]; counts: PoBoardCounts }> {
  return api(
    withQuery(BASE, {
      status: filters.status?.length ? filters.status.join(',') : undefined,
      overdue: filters.overdue === undefined ? undefined : String(filters.overdue),
      expiring: filters.expiring === undefined ? undefined : String(filters.expiring),
      centerId: filters.centerId,
    }),
    { auth: 'staff' },
  );
}

export function getOrder(id: string): Promise<StaffPoDetail> {
  return api<StaffPoDetail>(one(id), { auth: 'staff' });
}

export function transition(id: string, input: PoTransitionInput): Promise<StaffPoDetail> {
  return api<StaffPoDetail>(`${one(id)}/transitions`, { method: 'POST', data: input, auth: 'staff' });
}

export function editAnswers(id: string, patch: PoAnswers): Promise<StaffPoDetail> {
  return api<StaffPoDetail>(`${one(id)}/answers`, { method: 'PATCH', data: patch, auth: 'staff' });
}

export function addNote(id: string, note: string): Promise<StaffPoDetail> {
  return api<StaffPoDetail>(`${one(id)}/notes`, { method: 'POST', data: { note }, auth: 'staff' });
}

export function messageHer(id: string, body: string): Promise<StaffPoDetail> {
  return api<StaffPoDetail>(`${one(id)}/messages`, { method: 'POST', data: { body }, auth: 'staff' });
}

export function startExtension(id: string): Promise<{ id: string; status: 'draft'; extendsId: string }> {
  return api(`${one(id)}/extension`, { method: 'POST', auth: 'staff' });
}

function staffToken(): string {
  const token = readToken(STAFF_TOKEN_KEY);
  if (!token) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
  return token;
}

/** The 申请书, as staff print it (the download is written to the audit log). */
export function downloadPetition(id: string): Promise<void> {
  return downloadWithToken(`/api/protection-orders/${encodeURIComponent(id)}/petition.docx`, staffToken(), { filename: '申请书.docx', fileType: 'docx' });
}

export function downloadEvidence(id: string, file: PoEvidenceFileDto): Promise<void> {
  return downloadWithToken(`/api/protection-orders/${encodeURIComponent(id)}/evidence/${encodeURIComponent(file.id)}`, staffToken(), {
    filename: file.name,
    fileType: file.mimeType === 'application/pdf' ? 'pdf' : 'image',
  });
}
