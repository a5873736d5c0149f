import { bearer, describeEachDb } from '../../test-support/test-env';

describeEachDb('center administration', (env) => {
  it('only the city admin may list all centers and edit them', async () => {
    const id = await env.centerId('mazhang');
    const staff = await env.staffToken('center_staff', 'mazhang');
    const user = await env.userToken();
    await env.api().get('/api/admin/centers').set(bearer(staff.token)).expect(403);
    await env.api().get('/api/admin/centers').set(bearer(user.token)).expect(403);
    await env.api().get('/api/admin/centers').expect(401);
    await env.api().patch(`/api/admin/centers/${id}`).set(bearer(staff.token)).send({ phone: '0759-1' }).expect(403);
    await env.api().patch(`/api/admin/centers/${id}`).set(bearer(user.token)).send({ phone: '0759-1' }).expect(403);
    await env.api().patch(`/api/admin/centers/${id}`).send({ phone: '0759-1' }).expect(401);
    const all = await env.api().get('/api/admin/centers').set(bearer(await env.adminToken())).expect(200);
    expect(all.body.items).toHaveLength(12);
    expect(all.body.items.every((c: { active: boolean }) => c.active)).toBe(true);
  });

  it('an edit shows in the public center list and is audited', async () => {
    const id = await env.centerId('xuwen');
    const res = await env
      .api()
      .patch(`/api/admin/centers/${id}`)
      .set(bearer(await env.adminToken()))
      .send({ address: '徐闻县徐城街道（已核实）', phone: '0759-4830000', hours: '周一至周五 09:00–17:00', lat: 20.33, lng: 110.18, services: ['legal', 'classes'], note: null, sampleLocation: false })
      .expect(200);
    expect(res.body.center).toMatchObject({ id, phone: '0759-4830000', services: ['legal', 'classes'], sampleLocation: false, active: true, note: null });
    const pub = await env.api().get('/api/centers').expect(200);
    const xuwen = pub.body.items.find((c: { id: string }) => c.id === id);
    expect(xuwen).toMatchObject({ address: '徐闻县徐城街道（已核实）', hours: '周一至周五 09:00–17:00', lat: 20.33, lng: 110.18, services: ['legal', 'classes'], sampleLocation: false });
    const entries = await env.services.audit.forEntity('center', id);
    expect(entries.map((e) => e.action)).toEqual(['center.update']);
    expect(entries[0].detail).toMatchObject({ fields: expect.arrayContaining(['phone', 'services']) });
  });

  it('an inactive center leaves the public list and nearest-center assignment, but stays in the admin list', async () => {
    const id = await env.centerId('wuchuan');
    const admin = await env.adminToken();
    const point = { lat: 21.441, lng: 110.779 };
    expect((await env.api().get('/api/centers/nearest').query(point).expect(200)).body.center.id).toBe(id);
    await env.api().patch(`/api/admin/centers/${id}`).set(bearer(admin)).send({ active: false }).expect(200);
    const pub = await env.api().get('/api/centers').expect(200);
    expect(pub.body.items).toHaveLength(11);
    expect(pub.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await env.api().get('/api/centers/nearest').query(point).expect(200)).body.center.id).not.toBe(id);
    const assigned = await env.services.requests.assignCenter({ category: 'legal', location: point });
    expect(assigned.id).not.toBe(id);
    await env.api().get(`/api/centers/${id}`).expect(404);
    const all = await env.api().get('/api/admin/centers').set(bearer(admin)).expect(200);
    expect(all.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({ active: false });
    await env.api().patch(`/api/admin/centers/${id}`).set(bearer(admin)).send({ active: true }).expect(200);
    expect((await env.api().get('/api/centers/nearest').query(point).expect(200)).body.center.id).toBe(id);
  });

  it.each([
    [{}, 'name'],
    [{ lat: 91 }, 'lat'],
    [{ lng: -181 }, 'lng'],
    [{ lat: '21.2' }, 'lat'],
    [{ services: ['massage'] }, 'services.0'],
    [{ phone: 'call me' }, 'phone'],
    [{ name: '' }, 'name'],
    [{ active: 'no' }, 'active'],
    [{ note: 'x'.repeat(301) }, 'note'],
    [{ code: 'new-code' }, 'code'],
  ])('PATCH with %j is a 400 naming %s', async (body, field) => {
    const id = await env.centerId('fenyong');
    const res = await env.api().patch(`/api/admin/centers/${id}`).set(bearer(await env.adminToken())).send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('editing an unknown center is a 404', async () => {
    await env.api().patch('/api/admin/centers/AAAAAAAAAAAAAAAAAAAAAA').set(bearer(await env.adminToken())).send({ phone: '0759-1' }).expect(404);
  });
});
