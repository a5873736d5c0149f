import { In } from 'typeorm';
import { bearer, describeEachDb, type TestEnv } from '../../test-support/test-env';
import { QuizQuestionEntity } from './content.entity';

type Q = { id: string; kind: 'single' | 'multiple'; options: string[] };

async function answerKey(env: TestEnv, ids: string[]) {
  const rows = await env.ds.getRepository(QuizQuestionEntity).findBy({ id: In(ids) });
  return new Map(rows.map((r) => [r.id, r]));
}

const start = (env: TestEnv, token: string, body: Record<string, unknown> = {}) => env.api().post('/api/quiz/attempts').set(bearer(token)).send(body);
const submit = (env: TestEnv, token: string, id: string, answers: Array<{ questionId: string; choices: number[] }>) =>
  env.api().post(`/api/quiz/attempts/${id}/answers`).set(bearer(token)).send({ answers });

describeEachDb('普法 quiz', (env) => {
  it('the sample bank has ~15 published questions, each citing the law; a quiz draws 10 at random, without answers', async () => {
    const bank = await env.api().get('/api/staff/quiz/questions').set(bearer(await env.adminToken())).expect(200);
    const items = bank.body.items as Array<{ lawRef: string; published: boolean; sample: boolean; kind: string; correct: number[] }>;
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.every((q) => q.published && q.sample && /^《.+》第.+条$/.test(q.lawRef))).toBe(true);
    expect(items.some((q) => q.lawRef === '《反家庭暴力法》第二十三条')).toBe(true);
    expect(items.some((q) => q.kind === 'multiple')).toBe(true);
    expect(new Set(items.filter((q) => q.kind === 'single').map((q) => q.correct[0])).size).toBeGreaterThan(1);

    const u = await env.userToken('quiz-draw');
    const a = await start(env, u.token).expect(201);
    expect(a.body.total).toBe(10);
    expect(a.body.questions).toHaveLength(10);
    expect(new Set(a.body.questions.map((q: Q) => q.id)).size).toBe(10);
    expect(a.body.results).toBeNull();
    expect(a.body.score).toBeNull();
    const text = JSON.stringify(a.body.questions);
    expect(text).not.toMatch(/correct|explanation|lawRef/);
    const five = await start(env, u.token, { count: 5 }).expect(201);
    expect(five.body.questions).toHaveLength(5);
  });

  it('scores single and multiple choice; a partly right multiple answer is wrong; unanswered is wrong; explanations come back', async () => {
    const u = await env.userToken('quiz-score');
    // More than the bank holds: every published question is drawn, so both kinds are there.
    const a = (await start(env, u.token, { count: 30 }).expect(201)).body as { id: string; total: number; questions: Q[] };
    const key = await answerKey(env, a.questions.map((q) => q.id));
    const multiple = a.questions.filter((q) => q.kind === 'multiple');
    const single = a.questions.filter((q) => q.kind === 'single');
    expect(single.length).toBeGreaterThan(2);
    expect(multiple.length).toBeGreaterThan(1);
    expect(a.total).toBe(a.questions.length);
    const answers: Array<{ questionId: string; choices: number[] }> = [];
    const expectedRight = new Set<string>();
    // Single: first right, second wrong, third left unanswered.
    answers.push({ questionId: single[0].id, choices: key.get(single[0].id)!.correct });
    expectedRight.add(single[0].id);
    const wrongChoice = [0, 1, 2, 3].find((i) => !key.get(single[1].id)!.correct.includes(i))!;
    answers.push({ questionId: single[1].id, choices: [wrongChoice] });
    for (const q of multiple) {
      const correct = key.get(q.id)!.correct;
      // The first multiple-choice question fully right (in another order), the rest partly right.
      if (q === multiple[0]) {
        answers.push({ questionId: q.id, choices: [...correct].reverse() });
        expectedRight.add(q.id);
      } else answers.push({ questionId: q.id, choices: correct.slice(1) });
    }
    const res = await submit(env, u.token, a.id, answers).expect(200);
    expect(res.body.score).toBe(expectedRight.size);
    expect(res.body.total).toBe(a.total);
    expect(res.body.results).toHaveLength(a.total);
    for (const r of res.body.results) {
      expect(r.correct).toBe(expectedRight.has(r.questionId));
      expect(r.correctChoices).toEqual(key.get(r.questionId)!.correct);
      expect(r.explanation.length).toBeGreaterThan(0);
      expect(r.lawRef).toMatch(/^《/);
    }
    expect(res.body.results.find((r: { questionId: string }) => r.questionId === single[2].id)).toMatchObject({ chosen: [], correct: false });
    const again = await submit(env, u.token, a.id, answers).expect(409);
    expect(again.body.error.code).toBe('ALREADY_SUBMITTED');
    const shown = await env.api().get(`/api/quiz/attempts/${a.id}`).set(bearer(u.token)).expect(200);
    expect(shown.body.score).toBe(expectedRight.size);
  });

  it('answers are submitted once even when sent twice at the same moment', async () => {
    const u = await env.userToken('quiz-twice');
    const a = (await start(env, u.token, { count: 3 }).expect(201)).body as { id: string; questions: Q[] };
    const answers = a.questions.map((q) => ({ questionId: q.id, choices: [0] }));
    const both = await Promise.all([submit(env, u.token, a.id, answers), submit(env, u.token, a.id, answers)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('her history lists her attempts only; another person gets 404 for hers', async () => {
    const u = await env.userToken('quiz-history');
    const other = await env.userToken('quiz-nosy');
    const a = (await start(env, u.token, { count: 2 }).expect(201)).body;
    await submit(env, u.token, a.id, []).expect(200);
    await start(env, u.token, { count: 2 }).expect(201);
    const mine = await env.api().get('/api/quiz/attempts/mine').set(bearer(u.token)).expect(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.items.map((x: { score: number | null }) => x.score)).toEqual([null, 0]);
    await env.api().get(`/api/quiz/attempts/${a.id}`).set(bearer(other.token)).expect(404);
    await submit(env, other.token, a.id, []).expect(404);
  });

  it('the leaderboard shows the best score per person under an alias, ties going to whoever got there first', async () => {
    const play = async (code: string, right: number) => {
      const u = await env.userToken(code);
      const a = (await start(env, u.token, { count: 5 }).expect(201)).body as { id: string; questions: Q[] };
      const key = await answerKey(env, a.questions.map((q) => q.id));
      const answers = a.questions.map((q, i) => ({ questionId: q.id, choices: i < right ? key.get(q.id)!.correct : [] }));
      await submit(env, u.token, a.id, answers).expect(200);
      env.clock.advance(1000);
      return u;
    };
    try {
      const first = await play('lb-first', 5);
      const better = await play('lb-later', 5);
      const low = await play('lb-low', 2);
      await play('lb-low', 4); // her best counts, once
      const board = await env.api().get('/api/quiz/leaderboard').query({ limit: 100 }).set(bearer(low.token)).expect(200);
      const items = board.body.items as Array<{ rank: number; name: string; score: number; total: number }>;
      const lines = JSON.stringify(board.body);
      for (const u of [first, better, low]) expect(lines).not.toContain(u.id);
      expect(items.every((i) => /^参与者 #[0-9A-F]{4}$/.test(i.name))).toBe(true);
      expect(items.map((i) => i.rank)).toEqual(items.map((_, i) => i + 1));
      const fives = items.filter((i) => i.score === 5);
      expect(fives.length).toBeGreaterThanOrEqual(2);
      const names = await Promise.all([first, better, low].map(async (u) => (await env.api().get('/api/quiz/leaderboard').set(bearer(u.token)).expect(200)).body.me));
      expect(names[0].rank).toBeLessThan(names[1].rank);
      expect(names[2]).toMatchObject({ score: 4 });
      expect(items.filter((i) => i.name === names[2].name)).toHaveLength(1);
      expect(items.find((i) => i.name === names[2].name)!.score).toBe(4);
      expect(items[names[0].rank - 1].name).toBe(names[0].name);
      expect(items[names[2].rank - 1].name).toBe(names[2].name);
      const anonymous = await env.api().get('/api/quiz/leaderboard').expect(200);
      expect(anonymous.body.me).toBeNull();
    } finally {
      env.clock.reset();
    }
  });

  it('bad input is a 400 naming the fields; staff keep the bank, a woman cannot', async () => {
    const u = await env.userToken('quiz-bad');
    const few = await start(env, u.token, { count: 0 }).expect(400);
    expect(few.body.error.details[0].path).toBe('count');
    const a = (await start(env, u.token, { count: 2 }).expect(201)).body as { id: string; questions: Q[] };
    const outside = await submit(env, u.token, a.id, [{ questionId: 'NotInThisQuiz12345', choices: [0] }]).expect(400);
    expect(outside.body.error.details[0].path).toBe('answers.0.questionId');
    const range = await submit(env, u.token, a.id, [{ questionId: a.questions[0].id, choices: [7] }]).expect(400);
    expect(range.body.error.details[0].path).toBe('answers.0.choices');
    const shape = await env.api().post(`/api/quiz/attempts/${a.id}/answers`).set(bearer(u.token)).send({ answers: [{ questionId: a.questions[0].id, choices: ['A'] }] }).expect(400);
    expect(shape.body.error.details[0].path).toBe('answers.0.choices.0');

    const admin = await env.adminToken();
    const badQ = await env.api().post('/api/staff/quiz/questions').set(bearer(admin)).send({ kind: 'single', stem: '一道题目', options: ['甲', '乙'], correct: [0, 1], explanation: '解析' }).expect(400);
    expect(badQ.body.error.details[0].path).toBe('correct');
    const range2 = await env.api().post('/api/staff/quiz/questions').set(bearer(admin)).send({ kind: 'multiple', stem: '一道题目', options: ['甲', '乙'], correct: [0, 5], explanation: '解析' }).expect(400);
    expect(range2.body.error.details[0].path).toBe('correct');
    const ok = await env.api().post('/api/staff/quiz/questions').set(bearer(admin)).send({ kind: 'multiple', stem: '哪些是对的？', options: ['甲', '乙', '丙'], correct: [2, 0], explanation: '解析', lawRef: '《反家庭暴力法》第二条' }).expect(201);
    expect(ok.body).toMatchObject({ correct: [0, 2], published: false });
    const badEdit = await env.api().patch(`/api/staff/quiz/questions/${ok.body.id}`).set(bearer(admin)).send({ options: ['甲', '乙'] }).expect(400);
    expect(badEdit.body.error.details[0].path).toBe('correct');
    const published = await env.api().patch(`/api/staff/quiz/questions/${ok.body.id}`).set(bearer(admin)).send({ published: true }).expect(200);
    expect(published.body.published).toBe(true);
    const staff = await env.staffToken('center_staff', 'zj-station');
    await env.api().get(`/api/staff/quiz/questions/${ok.body.id}`).set(bearer(staff.token)).expect(200);
    await env.api().post('/api/staff/quiz/questions').set(bearer(u.token)).send({ kind: 'single', stem: '我来出题', options: ['甲', '乙'], correct: [0], explanation: '解析' }).expect(403);
    await env.api().post('/api/quiz/attempts').send({}).expect(401);
  });

  it('statistics count quizzes submitted and people who took part', async () => {
    const period = { from: new Date(env.clock.now().getTime() - 86400_000), to: new Date(env.clock.now().getTime() + 86400_000) };
    const before = await env.services.content.quizStats(period);
    const u = await env.userToken('quiz-stats');
    for (let i = 0; i < 2; i++) {
      const a = (await start(env, u.token, { count: 1 }).expect(201)).body;
      await submit(env, u.token, a.id, []).expect(200);
    }
    const after = await env.services.content.quizStats(period);
    expect(after.attempts - before.attempts).toBe(2);
    expect(after.participants - before.participants).toBe(1);
  });
});
