import type { MyProtectionOrder, MyProtectionOrderSummary, PoAnswers, PoEvidenceFileDto, PoEvidenceKind } from '@zjh/shared';
import { api, userToken } from './api';
import { isH5 } from './env';
import { downloadWithToken, uploadMultipart, type PickedFile } from './files';
import { readToken, TOKEN_KEY } from './storage';

/*
 * Her protection-order applications (the pages use the neutral word "申请材料"). Answers are saved
 * to the server as she goes; nothing she writes is kept on the device.
 */

export const APPLICATIONS_PATH = '/pages/applications/index';
export const FORM_PATH = '/pages/applications/form';
/** The page the server's notifications open (pages/applications/detail?id=…). */
export const DETAIL_PATH = '/pages/applications/detail';

const BASE = '/api/protection-orders';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** In a browser her account lives only in the stored token: without one there is nothing to list. */
function mayHaveApplications(): boolean {
  return !isH5() || readToken(TOKEN_KEY) !== null;
}

export async function listMyApplications(): Promise<MyProtectionOrderSummary[]> {
  if (!mayHaveApplications()) return [];
  const { items } = await api<{ items: MyProtectionOrderSummary[] }>(`${BASE}/mine`, { auth: 'user' });
  return items;
}

/** Starts a draft. The same key for a retry of the same tap: a lost answer never makes two drafts. */
export function startApplication(idempotencyKey: string): Promise<{ id: string; status: 'draft' }> {
  return api(BASE, { method: 'POST', data: {}, auth: 'user', header: { 'Idempotency-Key': idempotencyKey } });
}

export function getApplication(id: string): Promise<MyProtectionOrder> {
  return api<MyProtectionOrder>(one(id), { auth: 'user' });
}

/** Saves part of the answers (objects merge, arrays replace, null clears). */
export function saveAnswers(id: string, patch: PoAnswers): Promise<MyProtectionOrder> {
  return api<MyProtectionOrder>(one(id), { method: 'PATCH', data: patch, auth: 'user' });
}

export function submitApplication(id: string): Promise<{ id: string; status: 'submitted'; center: { id: string; name: string; phone: string } }> {
  return api(`${one(id)}/submit`, { method: 'POST', data: { consent: { sensitive: true } }, auth: 'user' });
}

export function withdrawApplication(id: string, reason?: string): Promise<MyProtectionOrder> {
  return api<MyProtectionOrder>(`${one(id)}/withdraw`, { method: 'POST', data: reason ? { reason } : {}, auth: 'user' });
}

export async function deleteDraft(id: string): Promise<void> {
  await api<unknown>(one(id), { method: 'DELETE', auth: 'user' });
}

export function sendMessage(id: string, body: string): Promise<MyProtectionOrder> {
  return api<MyProtectionOrder>(`${one(id)}/messages`, { method: 'POST', data: { body }, auth: 'user' });
}

export async function uploadEvidence(id: string, kind: PoEvidenceKind, file: PickedFile): Promise<PoEvidenceFileDto> {
  return uploadMultipart<PoEvidenceFileDto>(`${one(id)}/evidence`, await userToken(), file, { kind });
}

export async function deleteEvidence(id: string, fileId: string): Promise<void> {
  await api<unknown>(`${one(id)}/evidence/${encodeURIComponent(fileId)}`, { method: 'DELETE', auth: 'user' });
}

export async function openEvidence(id: string, file: PoEvidenceFileDto): Promise<void> {
  await downloadWithToken(`${one(id)}/evidence/${encodeURIComponent(file.id)}`, await userToken(), {
    filename: file.name,
    fileType: file.mimeType === 'application/pdf' ? 'pdf' : 'image',
  });
}

/** The 申请书 (.docx): a browser download, or WeChat's document viewer. */
export async function downloadPetition(id: string): Promise<void> {
  await downloadWithToken(`${one(id)}/petition.docx`, await userToken(), { filename: '申请书.docx', fileType: 'docx' });
}
