import { toShanghaiIso } from '@zjh/shared';
import { bearer, type TestEnv } from './test-env';

/** Test helpers: a published course with one session, made through the staff API as a real admin would. */
export interface SessionSpec {
  capacity?: number;
  online?: boolean;
  startInMs?: number;
  minutes?: number;
  deadlineInMs?: number;
  liveUrl?: string;
  replayUrl?: string;
  centerCode?: string | null;
  token?: string;
  published?: boolean;
}

export async function createSession(env: TestEnv, spec: SessionSpec = {}): Promise<{ courseId: string; sessionId: string }> {
  const token = spec.token ?? (await env.adminToken());
  const now = env.clock.now().getTime();
  const centerId = spec.centerCode ? await env.centerId(spec.centerCode) : null;
  const course = await env
    .api()
    .post('/api/staff/classes')
    .set(bearer(token))
    .send({ category: 'family_education', title: '测试课程：亲子沟通', description: '测试', audience: '家长', ...(spec.centerCode !== undefined ? { centerId } : {}), published: spec.published ?? true })
    .expect(201);
  const start = now + (spec.startInMs ?? 3 * 86400_000);
  const online = spec.online ?? true;
  const res = await env
    .api()
    .post(`/api/staff/classes/${course.body.id}/sessions`)
    .set(bearer(token))
    .send({
      start: toShanghaiIso(new Date(start)),
      end: toShanghaiIso(new Date(start + (spec.minutes ?? 90) * 60_000)),
      online,
      capacity: spec.capacity ?? 10,
      ...(online ? { liveUrl: spec.liveUrl ?? 'https://live.example.org/room/1', replayUrl: spec.replayUrl ?? 'https://live.example.org/replay/1' } : { venue: '湛江站培训室' }),
      ...(spec.deadlineInMs !== undefined ? { enrolmentDeadline: toShanghaiIso(new Date(now + spec.deadlineInMs)) } : {}),
    })
    .expect(201);
  const sessions = res.body.sessions as Array<{ id: string }>;
  return { courseId: course.body.id, sessionId: sessions[sessions.length - 1].id };
}

export const enrol = (env: TestEnv, token: string, sessionId: string, body: Record<string, unknown> = {}) =>
  env.api().post(`/api/classes/sessions/${sessionId}/enrollments`).set(bearer(token)).send(body);

export const cancel = (env: TestEnv, token: string, sessionId: string) => env.api().delete(`/api/classes/sessions/${sessionId}/enrollments/mine`).set(bearer(token));

/** The public view of one session (as `token`'s owner sees it, or anonymously). */
export async function publicSession(env: TestEnv, sessionId: string, token?: string) {
  const req = env.api().get('/api/classes').query({ includePast: 'true' });
  if (token) req.set(bearer(token));
  const res = await req.expect(200);
  for (const c of res.body.items) for (const s of c.sessions) if (s.id === sessionId) return s;
  return undefined;
}
