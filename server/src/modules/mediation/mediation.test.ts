import { bearer, describeEachDb } from '../../test-support/test-env';
import { consentAll, createCase, move } from '../../test-support/mediation-fixtures';

const agreement = { clauses: ['双方自愿离婚。', '婚生子王小明由女方抚养，男方每月支付抚养费人民币1500元。'], performance: '男方于每月5日前转账支付抚养费。' };

describeEachDb('mediation cases — workflow', (env) => {
  it('the full workflow: registered → in mediation → not reached → reopened → agreement, every move on the timeline with who and why', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token);
    expect(c.ref).toMatch(/^TJ-\d{4}-\d{4}$/);
    expect(c.status).toBe('registered');
    await consentAll(env, staff.token, c.id);
    expect((await move(env, staff.token, c.id, { to: 'in_mediation' }).expect(200)).body.status).toBe('in_mediation');
    const noReason = await move(env, staff.token, c.id, { to: 'not_reached' }).expect(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    await move(env, staff.token, c.id, { to: 'not_reached', reason: '男方坚持不同意抚养安排' }).expect(200);
    await move(env, staff.token, c.id, { to: 'in_mediation' }).expect(400);
    await move(env, staff.token, c.id, { to: 'in_mediation', reason: '男方来电表示愿意再谈' }).expect(200);
    const done = await move(env, staff.token, c.id, { to: 'agreement_reached', agreement }).expect(200);
    expect(done.body).toMatchObject({ status: 'agreement_reached', nextStatuses: [], agreement: { clauses: agreement.clauses, performance: agreement.performance, copies: 4 } });
    expect(done.body.agreement.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(done.body.outcomeAt).not.toBeNull();

    const tl = await env.api().get(`/api/staff/mediation/cases/${c.id}/timeline`).set(bearer(staff.token)).expect(200);
    const moves = tl.body.items.filter((e: { type: string }) => e.type === 'status').map((e: { from: string; to: string }) => `${e.from}>${e.to}`);
    expect(moves).toEqual(['registered>in_mediation', 'in_mediation>not_reached', 'not_reached>in_mediation', 'in_mediation>agreement_reached']);
    const reopen = tl.body.items.find((e: { from?: string; type: string }) => e.type === 'status' && e.from === 'not_reached');
    expect(reopen).toMatchObject({ note: '男方来电表示愿意再谈', actor: { type: 'staff', id: staff.id } });
    expect(tl.body.items.filter((e: { type: string }) => e.type === 'consent')).toHaveLength(2);
    expect(tl.body.items[0]).toMatchObject({ type: 'created', to: 'registered' });
  });

  it('mediation cannot start before both sides have agreed to it: 409 naming who is missing', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token);
    const res = await move(env, staff.token, c.id, { to: 'in_mediation' }).expect(409);
    expect(res.body.error.code).toBe('CONSENT_MISSING');
    expect(res.body.error.details.missing.map((m: { role: string }) => m.role).sort()).toEqual(['applicant', 'respondent']);
  });

  it('forbidden moves are 409: registered → agreement, and anything after an agreement; a closed case takes no edits or sessions', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token);
    const early = await move(env, staff.token, c.id, { to: 'agreement_reached', agreement }).expect(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    expect(early.body.error.details.allowed).toEqual(['in_mediation', 'withdrawn']);
    const detail = await consentAll(env, staff.token, c.id);
    await move(env, staff.token, c.id, { to: 'in_mediation' }).expect(200);
    await move(env, staff.token, c.id, { to: 'agreement_reached', agreement }).expect(200);
    for (const to of ['in_mediation', 'not_reached', 'withdrawn']) {
      expect((await move(env, staff.token, c.id, { to, reason: '试试' }).expect(409)).body.error.code).toBe('INVALID_TRANSITION');
    }
    await move(env, staff.token, c.id, { to: 'transferred_to_court', court: { name: '霞山区人民法院', caseNumber: '（2026）粤0803民诉前调1号' } }).expect(409);
    const edit = await env.api().patch(`/api/staff/mediation/cases/${c.id}`).set(bearer(staff.token)).send({ summary: '改写' }).expect(409);
    expect(edit.body.error.code).toBe('CASE_CLOSED');
    await env.api().post(`/api/staff/mediation/cases/${c.id}/sessions`).set(bearer(staff.token))
      .send({ at: '2026-03-05T09:00:00+08:00', form: 'face_to_face', attendedPartyIds: [detail.parties[0].id] }).expect(409);
  });

  it('when two staff record different outcomes at once, exactly one is kept and the other gets 409', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const other = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token);
    await consentAll(env, staff.token, c.id);
    await move(env, staff.token, c.id, { to: 'in_mediation' }).expect(200);
    const [x, y] = await Promise.all([
      move(env, staff.token, c.id, { to: 'agreement_reached', agreement }),
      move(env, other.token, c.id, { to: 'withdrawn', reason: '申请人撤回' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? 'agreement_reached' : 'withdrawn';
    const detail = await env.api().get(`/api/staff/mediation/cases/${c.id}`).set(bearer(staff.token)).expect(200);
    expect(detail.body.status).toBe(winner);
    const tl = await env.api().get(`/api/staff/mediation/cases/${c.id}/timeline`).set(bearer(staff.token)).expect(200);
    expect(tl.body.items.filter((e: { type: string; from?: string }) => e.type === 'status' && e.from === 'in_mediation').map((e: { to: string }) => e.to)).toEqual([winner]);
  });

  it('a transfer to court records the court and the 诉前联调 case number; a withdrawal needs a reason', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const a = await createCase(env, staff.token);
    await consentAll(env, staff.token, a.id);
    await move(env, staff.token, a.id, { to: 'in_mediation' }).expect(200);
    const court = { name: '湛江市霞山区人民法院', caseNumber: '（2026）粤0803民诉前调88号' };
    const res = await move(env, staff.token, a.id, { to: 'transferred_to_court', court, reason: '双方同意由法院诉前联调' }).expect(200);
    expect(res.body).toMatchObject({ status: 'transferred_to_court', court });
    const b = await createCase(env, staff.token);
    expect((await move(env, staff.token, b.id, { to: 'withdrawn' }).expect(400)).body.error.details[0].path).toBe('reason');
    expect((await move(env, staff.token, b.id, { to: 'withdrawn', reason: '申请人撤回调解申请' }).expect(200)).body.status).toBe('withdrawn');
  });

  it('司法确认 is recorded only after an agreement, and the ruling can be added when it comes', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token);
    const url = `/api/staff/mediation/cases/${c.id}/judicial-confirmation`;
    const early = await env.api().put(url).set(bearer(staff.token)).send({ appliedOn: '2026-03-10', court: '霞山区人民法院' }).expect(409);
    expect(early.body.error.code).toBe('NO_AGREEMENT');
    await consentAll(env, staff.token, c.id);
    await move(env, staff.token, c.id, { to: 'in_mediation' }).expect(200);
    await move(env, staff.token, c.id, { to: 'agreement_reached', agreement: { ...agreement, signedOn: '2026-03-08' } }).expect(200);
    const before = await env.api().put(url).set(bearer(staff.token)).send({ appliedOn: '2026-03-01', court: '霞山区人民法院' }).expect(400);
    expect(before.body.error.details[0].path).toBe('appliedOn');
    const applied = await env.api().put(url).set(bearer(staff.token)).send({ appliedOn: '2026-03-10', court: '霞山区人民法院' }).expect(200);
    expect(applied.body.judicialConfirmation).toMatchObject({ appliedOn: '2026-03-10', court: '霞山区人民法院', result: 'pending', decidedOn: null });
    const ruled = await env.api().put(url).set(bearer(staff.token)).send({ appliedOn: '2026-03-10', court: '霞山区人民法院', result: 'confirmed', decidedOn: '2026-03-20' }).expect(200);
    expect(ruled.body.judicialConfirmation).toMatchObject({ result: 'confirmed', decidedOn: '2026-03-20' });
    const tl = await env.api().get(`/api/staff/mediation/cases/${c.id}/timeline`).set(bearer(staff.token)).expect(200);
    expect(tl.body.items.filter((e: { type: string }) => e.type === 'judicial_confirmation').map((e: { to: string }) => e.to)).toEqual(['pending', 'confirmed']);
  });
});

describeEachDb('mediation cases — who may see and do what', (env) => {
  it('staff of another center get 404 everywhere; the admin sees every case; a client token gets 403; no token 401', async () => {
    const own = await env.staffToken('center_staff', 'xiashan');
    const other = await env.staffToken('center_staff', 'leizhou');
    const c = await createCase(env, own.token);
    const base = `/api/staff/mediation/cases/${c.id}`;
    await env.api().get(base).set(bearer(own.token)).expect(200);
    for (const [method, path, body] of [
      ['get', base, undefined], ['get', `${base}/timeline`, undefined], ['get', `${base}/sessions`, undefined], ['get', `${base}/agreement.docx`, undefined],
      ['patch', base, { summary: 'x' }], ['post', `${base}/transitions`, { to: 'withdrawn', reason: 'x' }],
      ['post', `${base}/sessions`, { at: '2026-03-05T09:00:00+08:00', form: 'separate', attendedPartyIds: ['abcdefgh'] }],
    ] as const) {
      const req = env.api()[method](path).set(bearer(other.token));
      await (body ? req.send(body) : req).expect(404);
    }
    const board = await env.api().get('/api/staff/mediation/cases').set(bearer(other.token)).expect(200);
    expect(board.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const admin = await env.adminToken();
    await env.api().get(base).set(bearer(admin)).expect(200);
    const all = await env.api().get('/api/staff/mediation/cases').set(bearer(admin)).query({ limit: 200 }).expect(200);
    expect(all.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const woman = await env.userToken();
    await env.api().get(base).set(bearer(woman.token)).expect(403);
    await env.api().get('/api/staff/mediation/cases').set(bearer(woman.token)).expect(403);
    await env.api().post('/api/staff/mediation/cases').set(bearer(woman.token)).send({}).expect(403);
    await env.api().get(base).expect(401);
  });

  it('a mediator sees only the cases assigned to her; once assigned she can record a session, but not reassign', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const mediator = await env.staffToken('mediator', 'xiashan');
    const lawyer = await env.staffToken('lawyer', 'xiashan');
    const c = await createCase(env, staff.token);
    const base = `/api/staff/mediation/cases/${c.id}`;
    await env.api().get(base).set(bearer(mediator.token)).expect(404);
    expect((await env.api().get('/api/staff/mediation/cases').set(bearer(mediator.token)).expect(200)).body.items).toEqual([]);
    await env.api().post('/api/staff/mediation/cases').set(bearer(mediator.token)).send({}).expect(403);

    const outsider = await env.staffToken('mediator', 'potou');
    const wrong = await env.api().patch(base).set(bearer(staff.token)).send({ mediators: [{ staffId: outsider.id, name: '外中心调解员', kind: 'social_worker' }] }).expect(400);
    expect(wrong.body.error.details[0].path).toBe('mediators.0.staffId');
    const assigned = await env.api().patch(base).set(bearer(staff.token))
      .send({ mediators: [{ staffId: mediator.id, name: '周调解员', kind: 'social_worker' }, { name: '陈律师', kind: 'lawyer' }] }).expect(200);
    expect(assigned.body.mediators.map((m: { name: string }) => m.name)).toEqual(['周调解员', '陈律师']);

    const seen = await env.api().get(base).set(bearer(mediator.token)).expect(200);
    const board = await env.api().get('/api/staff/mediation/cases').set(bearer(mediator.token)).expect(200);
    expect(board.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const session = await env.api().post(`${base}/sessions`).set(bearer(mediator.token)).send({
      at: '2026-03-05T09:30:00+08:00', form: 'separate', attendedPartyIds: [seen.body.parties[0].id], attendedMediatorIds: [seen.body.mediators[0].id], notes: '女方情绪稳定，愿意协商。',
    }).expect(201);
    expect(session.body).toMatchObject({ form: 'separate', attendedParties: [{ role: 'applicant', name: '李秀兰' }], attendedMediators: [{ name: '周调解员' }], recordedBy: { id: mediator.id } });
    const list = await env.api().get(`${base}/sessions`).set(bearer(mediator.token)).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([session.body.id]);
    await env.api().patch(base).set(bearer(mediator.token)).send({ mediators: [] }).expect(403);
    await env.api().get(base).set(bearer(lawyer.token)).expect(404);
    await env.api().post(`${base}/sessions`).set(bearer(lawyer.token)).send({ at: '2026-03-05T09:30:00+08:00', form: 'separate', attendedPartyIds: [seen.body.parties[0].id] }).expect(404);
    // A lawyer assigned as a mediator works the case like any mediator.
    await env.api().patch(base).set(bearer(staff.token)).send({ mediators: [{ staffId: lawyer.id, name: '陈律师', kind: 'lawyer' }] }).expect(200);
    await env.api().get(base).set(bearer(lawyer.token)).expect(200);
    await env.api().get(base).set(bearer(mediator.token)).expect(404);
  });
});
