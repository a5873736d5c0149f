import { bearer, type TestEnv } from './test-env';

/** A case as the back office registers it: a wife and husband, one lawyer mediating. */
export function caseInput(overrides: Record<string, unknown> = {}) {
  return {
    disputeType: 'divorce',
    committeeLevel: 'county_or_above',
    parties: [
      { role: 'applicant', name: '李秀兰', gender: 'female', phone: '13800138001', address: '湛江市霞山区人民大道南88号' },
      { role: 'respondent', name: '王建国', gender: 'male', phone: '13800138002', address: '湛江市霞山区海滨大道12号' },
      { role: 'other', roleNote: '子女', name: '王小明' },
    ],
    mediators: [{ name: '陈律师', kind: 'lawyer' }],
    summary: '双方结婚十年，因家庭琐事长期争吵，女方要求离婚并抚养孩子。',
    ...overrides,
  };
}

export async function createCase(env: TestEnv, token: string, overrides: Record<string, unknown> = {}) {
  const res = await env.api().post('/api/staff/mediation/cases').set(bearer(token)).send(caseInput(overrides));
  if (res.status !== 201) throw new Error(`create case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; ref: string; status: string; center: { id: string; name: string } };
}

/** Records both sides' consent so mediation may start. */
export async function consentAll(env: TestEnv, token: string, id: string) {
  const detail = await env.api().get(`/api/staff/mediation/cases/${id}`).set(bearer(token)).expect(200);
  for (const p of detail.body.parties as Array<{ id: string; role: string }>) {
    if (p.role === 'other') continue;
    await env.api().post(`/api/staff/mediation/cases/${id}/consents`).set(bearer(token)).send({ partyId: p.id, date: '2026-03-02', method: 'written' }).expect(200);
  }
  return detail.body as { parties: Array<{ id: string; role: string; name: string }>; mediators: Array<{ id: string }> };
}

export const move = (env: TestEnv, token: string, id: string, body: object) =>
  env.api().post(`/api/staff/mediation/cases/${id}/transitions`).set(bearer(token)).send(body);
