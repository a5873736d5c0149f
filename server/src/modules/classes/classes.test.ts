import { bearer, describeEachDb } from '../../test-support/test-env';
import { createSession, enrol, publicSession } from '../../test-support/classes-fixtures';

const ISO_SHANGHAI = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describeEachDb('classes: public list, 我的课程 and links', (env) => {
  it('on first start the sample courses are there: an online 家长学堂 on a Tuesday 19:30 and an offline 湛家馨 session at the 湛江站', async () => {
    const res = await env.api().get('/api/classes').expect(200);
    expect(res.body.nextCursor).toBeNull();
    const all = res.body.items as Array<{ id: string; title: string; category: string; sample: boolean; sessions: Array<Record<string, unknown>> }>;
    const items = all.filter((c) => c.sample);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((c) => c.category))).toEqual(new Set(['family_education', 'mental_health', 'law']));
    for (const c of items) {
      expect(c).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), category: expect.any(String) }));
      for (const s of c.sessions) {
        expect(s).toEqual(expect.objectContaining({ id: expect.any(String), online: expect.any(Boolean), capacity: expect.any(Number), placesLeft: expect.any(Number), waitlistLength: 0 }));
        expect(s.start).toMatch(ISO_SHANGHAI);
        expect(s.end).toMatch(ISO_SHANGHAI);
        expect(s.liveUrl).toBeNull();
        expect(s.replayUrl).toBeNull();
      }
    }
    const parent = items.find((c) => c.title.includes('家长学堂'))!;
    const tuesday = parent.sessions[0];
    expect(tuesday.online).toBe(true);
    expect(String(tuesday.start).slice(11, 16)).toBe('19:30');
    expect(new Date(String(tuesday.start)).getUTCDay()).toBe(2);
    const station = await env.centerId('zj-station');
    const workshop = items.find((c) => c.title.includes('湛家馨'))!;
    expect(workshop.sessions[0]).toMatchObject({ online: false, centerId: station });
    expect(workshop.sessions[0].venue).toEqual(expect.stringContaining('湛江站'));
    const law = await env.api().get('/api/classes').query({ category: 'law' }).expect(200);
    expect(law.body.items.every((c: { category: string }) => c.category === 'law')).toBe(true);
    await env.api().get('/api/classes').query({ category: 'cooking' }).expect(400);
  });

  it('the live link shows only to enrolled people, from 30 minutes before the start to the end; the replay only to them, after the end', async () => {
    const { sessionId, courseId } = await createSession(env, { capacity: 5, startInMs: 3 * 3600_000, minutes: 60, liveUrl: 'https://live.example.org/r/42', replayUrl: 'https://live.example.org/v/42' });
    const her = await env.userToken('links-her');
    const other = await env.userToken('links-other');
    await enrol(env, her.token, sessionId).expect(201);
    try {
      // Hours before: nobody sees the link, not even her.
      expect(await publicSession(env, sessionId, her.token)).toMatchObject({ myStatus: 'enrolled', liveUrl: null, replayUrl: null });
      env.clock.advance(3 * 3600_000 - 29 * 60_000); // 29 minutes before the start
      expect(await publicSession(env, sessionId, her.token)).toMatchObject({ liveUrl: 'https://live.example.org/r/42', replayUrl: null });
      expect(await publicSession(env, sessionId, other.token)).toMatchObject({ myStatus: null, liveUrl: null, replayUrl: null });
      expect(await publicSession(env, sessionId)).toMatchObject({ liveUrl: null, replayUrl: null });
      const detail = await env.api().get(`/api/classes/${courseId}`).set(bearer(her.token)).expect(200);
      expect(detail.body.sessions[0].liveUrl).toBe('https://live.example.org/r/42');
      const mine = await env.api().get('/api/classes/enrollments/mine').set(bearer(her.token)).expect(200);
      expect(mine.body.items[0].session.liveUrl).toBe('https://live.example.org/r/42');
      env.clock.advance(90 * 60_000); // after the end
      expect(await publicSession(env, sessionId, her.token)).toMatchObject({ liveUrl: null, replayUrl: 'https://live.example.org/v/42' });
      expect(await publicSession(env, sessionId, other.token)).toMatchObject({ liveUrl: null, replayUrl: null });
      // Ended sessions leave the default list but stay on the course page.
      const list = await env.api().get('/api/classes').expect(200);
      expect(list.body.items.flatMap((c: { sessions: Array<{ id: string }> }) => c.sessions.map((s) => s.id))).not.toContain(sessionId);
    } finally {
      env.clock.reset();
    }
  });

  it('我的课程 lists her places with the check-in code (not while she waits) and her waiting position', async () => {
    const one = await createSession(env, { capacity: 1, online: false, centerCode: 'zj-station' });
    const her = await env.userToken('mine-her');
    const first = await env.userToken('mine-first');
    await enrol(env, first.token, one.sessionId).expect(201);
    await enrol(env, her.token, one.sessionId).expect(201);
    const two = await createSession(env, { capacity: 3 });
    await enrol(env, her.token, two.sessionId, { notify: true }).expect(201);
    const mine = await env.api().get('/api/classes/enrollments/mine').set(bearer(her.token)).expect(200);
    expect(mine.body.items).toHaveLength(2);
    const waiting = mine.body.items.find((e: { session: { id: string } }) => e.session.id === one.sessionId);
    const placed = mine.body.items.find((e: { session: { id: string } }) => e.session.id === two.sessionId);
    expect(waiting).toMatchObject({ status: 'waitlisted', position: 1, checkInCode: null, canCancel: true });
    expect(placed).toMatchObject({ status: 'enrolled', position: null, notify: true, canCancel: true, course: { title: expect.any(String), category: 'family_education' } });
    expect(placed.checkInCode).toMatch(/^[A-Z2-9]{6}$/);
    const someoneElse = await env.api().get('/api/classes/enrollments/mine').set(bearer(first.token)).expect(200);
    expect(someoneElse.body.items.map((e: { id: string }) => e.id)).not.toContain(placed.id);
    await env.api().get('/api/classes/enrollments/mine').expect(401);
  });

  it('the classes, articles and quiz operations are in the OpenAPI document', async () => {
    const doc = await env.api().get('/api/openapi.json').expect(200);
    for (const [path, method] of [
      ['/api/classes', 'get'],
      ['/api/classes/sessions/{id}/enrollments', 'post'],
      ['/api/classes/sessions/{id}/enrollments/mine', 'delete'],
      ['/api/staff/classes/sessions/{id}/check-ins', 'post'],
      ['/api/articles/{id}', 'get'],
      ['/api/quiz/attempts', 'post'],
      ['/api/quiz/attempts/{id}/answers', 'post'],
      ['/api/quiz/leaderboard', 'get'],
    ]) {
      expect(doc.body.paths[path]).toHaveProperty(method);
    }
    expect(doc.body.components.schemas.ClassSession.required).toEqual(expect.arrayContaining(['id', 'start', 'end', 'online', 'capacity', 'placesLeft', 'waitlistLength']));
  });

  it('an unpublished course and an unknown id are 404 on the course page', async () => {
    const draft = await createSession(env, { published: false });
    await env.api().get(`/api/classes/${draft.courseId}`).expect(404);
    await env.api().get('/api/classes/NoSuchCourse12345678').expect(404);
    const list = await env.api().get('/api/classes').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(draft.courseId);
  });
});
