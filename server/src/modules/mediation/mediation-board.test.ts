import { bearer, describeEachDb, type TestEnv } from '../../test-support/test-env';
import { caseInput, consentAll, createCase, move } from '../../test-support/mediation-fixtures';
import { AuditEntryEntity } from '../audit/audit.entity';

async function submitRequest(env: TestEnv, category = 'marriage_family') {
  const woman = await env.userToken('wx-med-' + Math.random());
  const res = await env
    .api()
    .post('/api/requests')
    .set(bearer(woman.token))
    .send({ category, description: '丈夫要离婚，想先调解。', location: { lat: 21.192, lng: 110.398 }, consent: { sensitive: true } })
    .expect(201);
  return { woman, id: res.body.id as string, ref: res.body.ref as string, centerId: res.body.center.id as string };
}

describeEachDb('mediation cases — from a help request', (env) => {
  it('opening a case from a request copies its center and category and links both timelines', async () => {
    const request = await submitRequest(env, 'domestic_violence');
    const staff = await env.staffToken('center_staff', 'xiashan');
    const { disputeType: _omit, ...input } = caseInput();
    const created = await env.api().post('/api/staff/mediation/cases').set(bearer(staff.token)).send({ ...input, fromRequestId: request.id }).expect(201);
    expect(created.body.center.id).toBe(request.centerId);
    const detail = await env.api().get(`/api/staff/mediation/cases/${created.body.id}`).set(bearer(staff.token)).expect(200);
    expect(detail.body).toMatchObject({ fromRequest: { id: request.id, ref: request.ref }, sourceCategory: 'domestic_violence', disputeType: 'domestic_violence', center: { id: request.centerId } });
    const requestTimeline = await env.api().get(`/api/staff/requests/${request.id}/timeline`).set(bearer(staff.token)).expect(200);
    expect(requestTimeline.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'mediation_opened', to: created.body.ref, actor: expect.objectContaining({ id: staff.id }) })]));
    const caseTimeline = await env.api().get(`/api/staff/mediation/cases/${created.body.id}/timeline`).set(bearer(staff.token)).expect(200);
    expect(caseTimeline.body.items[0]).toMatchObject({ type: 'created', to: 'registered', note: `由求助 ${request.ref} 转入` });
    // She does not see the internal link in 我的求助.
    const hers = await env.api().get(`/api/requests/${request.id}`).set(bearer(request.woman.token)).expect(200);
    expect(JSON.stringify(hers.body)).not.toContain(created.body.ref);
  });

  it('a request the staff member cannot see is 404; a second case for the same request is 409', async () => {
    const request = await submitRequest(env);
    const other = await env.staffToken('center_staff', 'leizhou');
    await env.api().post('/api/staff/mediation/cases').set(bearer(other.token)).send(caseInput({ fromRequestId: request.id })).expect(404);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const moved = await env.api().post('/api/staff/mediation/cases').set(bearer(staff.token)).send(caseInput({ fromRequestId: request.id, centerId: await env.centerId('potou') })).expect(400);
    expect(moved.body.error.details[0].path).toBe('centerId');
    const first = await createCase(env, staff.token, { fromRequestId: request.id });
    const again = await env.api().post('/api/staff/mediation/cases').set(bearer(staff.token)).send(caseInput({ fromRequestId: request.id })).expect(409);
    expect(again.body.error).toMatchObject({ code: 'MEDIATION_EXISTS', details: { id: first.id, ref: first.ref } });
  });

  it('her data export shows the progress of a case opened from her request, never the other side', async () => {
    const request = await submitRequest(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token, { fromRequestId: request.id });
    const mine = await env.api().get('/api/me/data').set(bearer(request.woman.token)).expect(200);
    expect(mine.body.mediation).toEqual([expect.objectContaining({ ref: c.ref, request: request.ref, status: 'registered', sessions: [] })]);
    expect(JSON.stringify(mine.body.mediation)).not.toMatch(/王建国|13800138002/);
    await env.api().delete('/api/me').set(bearer(request.woman.token)).expect(204);
    // The center keeps its mediation record; nothing in it points at her account any more.
    const detail = await env.api().get(`/api/staff/mediation/cases/${c.id}`).set(bearer(staff.token)).expect(200);
    expect(detail.body.status).toBe('registered');
  });

  it('when two staff open a case from the same request at once, one gets 201 and the other 409', async () => {
    const request = await submitRequest(env);
    const a = await env.staffToken('center_staff', 'xiashan');
    const b = await env.staffToken('center_staff', 'xiashan');
    const results = await Promise.all([a, b, a].map((s) => env.api().post('/api/staff/mediation/cases').set(bearer(s.token)).send(caseInput({ fromRequestId: request.id }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const timeline = await env.api().get(`/api/staff/requests/${request.id}/timeline`).set(bearer(a.token)).expect(200);
    expect(timeline.body.items.filter((e: { type: string }) => e.type === 'mediation_opened')).toHaveLength(1);
  });

  it('a retried registration with the same Idempotency-Key creates one case', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const send = () => env.api().post('/api/staff/mediation/cases').set(bearer(staff.token)).set('Idempotency-Key', 'med-retry-1').send(caseInput());
    const a = await send().expect(201);
    const b = await send().expect(201);
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });
});

describeEachDb('mediation cases — board and audit', (env) => {
  it('the board filters by status, level and dispute type, counts per status, and shows no party names', async () => {
    const staff = await env.staffToken('center_staff', 'potou');
    const a = await createCase(env, staff.token, { committeeLevel: 'judge_studio', disputeType: 'custody' });
    const b = await createCase(env, staff.token, { committeeLevel: 'community', disputeType: 'support' });
    await consentAll(env, staff.token, b.id);
    await move(env, staff.token, b.id, { to: 'in_mediation' }).expect(200);
    const board = await env.api().get('/api/staff/mediation/cases').set(bearer(staff.token)).expect(200);
    expect(board.body.counts.total).toBe(2);
    expect(board.body.counts.byStatus).toMatchObject({ registered: 1, in_mediation: 1, agreement_reached: 0 });
    expect(board.body.items.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    expect(board.body.items[0]).toMatchObject({ consentComplete: true, partiesCount: 3, mediators: [{ name: '陈律师', kind: 'lawyer' }], center: { name: expect.stringContaining('坡头') } });
    expect(JSON.stringify(board.body)).not.toMatch(/李秀兰|王建国|13800138001|家庭琐事/);
    const q = (query: Record<string, string>) => env.api().get('/api/staff/mediation/cases').set(bearer(staff.token)).query(query).expect(200);
    expect((await q({ status: 'registered' })).body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await q({ level: 'community' })).body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await q({ disputeType: 'custody' })).body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await q({ q: a.ref.toLowerCase() })).body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    // A center's staff cannot widen the board to another center; the admin can narrow it to one.
    expect((await q({ centerId: await env.centerId('xiashan') })).body.counts.total).toBe(2);
    const admin = await env.adminToken();
    const adminBoard = await env.api().get('/api/staff/mediation/cases').set(bearer(admin)).query({ centerId: await env.centerId('potou') }).expect(200);
    expect(adminBoard.body.items.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('the mediation API is published in the OpenAPI document from the same schemas', async () => {
    const doc = (await env.api().get('/api/openapi.json').expect(200)).body;
    for (const p of ['/api/staff/mediation/cases', '/api/staff/mediation/cases/{id}', '/api/staff/mediation/cases/{id}/transitions', '/api/staff/mediation/cases/{id}/sessions']) {
      expect(doc.paths).toHaveProperty([p]);
    }
    expect(Object.keys(doc.paths['/api/staff/mediation/cases/{id}/agreement.docx'].get.responses['200'].content)).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(doc.components.schemas.CreateMediationCaseInput.properties.committeeLevel.enum).toEqual(['county_or_above', 'community', 'judge_studio']);
  });

  it('every staff read of a case is written to the audit log, without any party details', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token);
    const base = `/api/staff/mediation/cases/${c.id}`;
    await env.api().get(base).set(bearer(staff.token)).expect(200);
    await env.api().get(`${base}/timeline`).set(bearer(staff.token)).expect(200);
    await env.api().get(`${base}/sessions`).set(bearer(staff.token)).expect(200);
    const entries = await env.ds.getRepository(AuditEntryEntity).findBy({ entityId: c.id });
    expect(entries.map((e) => e.action).sort()).toEqual(['mediation.read', 'mediation.sessions.read', 'mediation.timeline.read']);
    expect(entries.every((e) => e.actorId === staff.id && e.centerId === c.center.id)).toBe(true);
    await env.api().get('/api/staff/mediation/cases').set(bearer(staff.token)).expect(200);
    const listed = await env.ds.getRepository(AuditEntryEntity).findBy({ action: 'mediation.list', actorId: staff.id });
    expect(listed).toHaveLength(1);
    expect(listed[0].detail).toEqual({ shown: [c.id] });
    const all = await env.ds.getRepository(AuditEntryEntity).find();
    expect(JSON.stringify(all)).not.toMatch(/李秀兰|13800138001/);
  });
});
