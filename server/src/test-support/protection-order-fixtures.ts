import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PoAnswers } from '@zjh/shared';
import { bearer, type TestEnv } from './test-env';

/** A complete application: nothing missing, ready to submit. */
export const completeAnswers = (): PoAnswers => ({
  filer: { by: 'self' },
  applicant: { name: '李春梅', gender: 'female', birthDate: '1990-04-12', phone: '13800138000', address: '湛江市吴川市梅菉街道幸福路 8 号', confidentialAddress: false },
  respondent: { name: '王大力', gender: 'male', approxAge: 38, address: '湛江市吴川市梅菉街道幸福路 8 号', workplace: '某物流公司' },
  relationship: { type: 'spouse' },
  incidents: [{ date: '2026-01-05', place: '家中客厅', types: ['physical', 'threats'], description: '他喝酒后打了我的头，并说要杀了我。' }],
  children: { involved: true, count: 1, note: '女儿 6 岁，目睹了经过' },
  evidence: { police_receipt: { has: true, note: '派出所出具的报警回执' }, medical_records: { has: true } },
  measures: { items: ['no_violence', 'no_harassment_contact', 'move_out'] },
  urgency: { urgent: false },
  court: { name: '吴川市人民法院', basis: 'applicant_residence' },
  notify: true,
  consent: { sensitive: true },
});

/** A fresh directory for uploaded files, so tests never write into the repository's data/. */
export function tempStorageDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'zjh-uploads-'));
}

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

/** A woman with a submitted application; returns her token and the application id. */
export async function submittedApplication(env: TestEnv, answers: PoAnswers = completeAnswers(), code?: string) {
  const woman = await env.userToken(code);
  const created = await env.api().post('/api/protection-orders').set(bearer(woman.token)).send(answers).expect(201);
  await env.api().post(`/api/protection-orders/${created.body.id}/submit`).set(bearer(woman.token)).send({}).expect(200);
  return { woman, id: created.body.id as string };
}

/** Moves an application through the board up to `filed`. */
export async function fileWithCourt(env: TestEnv, staffToken: string, id: string, filedAt: Date, urgent?: boolean) {
  await env.api().post(`/api/staff/protection-orders/${id}/transitions`).set(bearer(staffToken)).send({ status: 'under_review' }).expect(200);
  const res = await env
    .api()
    .post(`/api/staff/protection-orders/${id}/transitions`)
    .set(bearer(staffToken))
    .send({ status: 'filed', court: '吴川市人民法院', filedAt: filedAt.toISOString(), caseNumber: '（2026）粤0883民保令1号', ...(urgent === undefined ? {} : { urgent }) })
    .expect(200);
  return res.body;
}

/** The text of word/document.xml of a .docx, tags removed. */
export async function docxText(data: Buffer): Promise<string> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => p.replace(/<[^>]+>/g, '') + '\n').replace(/<[^>]+>/g, '');
}

/** supertest: collect a binary body as a Buffer. */
export function binary(res: unknown, cb: (err: Error | null, body: Buffer) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}
