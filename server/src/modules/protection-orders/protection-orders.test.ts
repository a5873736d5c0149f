import { bearer, describeEachDb } from '../../test-support/test-env';
import { completeAnswers, tempStorageDir } from '../../test-support/protection-order-fixtures';
import { ProtectionOrderEntity } from './protection-order.entity';

describeEachDb(
  'protection orders — her interview',
  (env) => {
    const create = async (token: string, body: object = {}) => (await env.api().post('/api/protection-orders').set(bearer(token)).send(body).expect(201)).body as { id: string; status: string };

    it('starting an application answers 201 {id, status:"draft"} with an unguessable id', async () => {
      const { token } = await env.userToken();
      const res = await env.api().post('/api/protection-orders').set(bearer(token)).expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/), status: 'draft' });
    });

    it('answers saved in one session resume in another session of the same WeChat user', async () => {
      const phone = await env.userToken('wx-same-woman');
      const laptop = await env.userToken('wx-same-woman');
      expect(laptop.id).toBe(phone.id);
      expect(laptop.token).not.toBe(phone.token);
      const { id } = await create(phone.token);
      await env.api().patch(`/api/protection-orders/${id}`).set(bearer(phone.token)).send({ applicant: { name: '李春梅', phone: '13800138000' } }).expect(200);
      const mine = await env.api().get('/api/protection-orders/mine').set(bearer(laptop.token)).expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(id);
      await env.api().patch(`/api/protection-orders/${id}`).set(bearer(laptop.token)).send({ respondent: { name: '王大力' } }).expect(200);
      const resumed = await env.api().get(`/api/protection-orders/${id}`).set(bearer(phone.token)).expect(200);
      expect(resumed.body.answers).toEqual({ applicant: { name: '李春梅', phone: '13800138000' }, respondent: { name: '王大力' } });
      expect(resumed.body.editable).toBe(true);
    });

    it('a partial PATCH merges deeply, replaces arrays and clears with null', async () => {
      const { token } = await env.userToken();
      const { id } = await create(token, {
        applicant: { name: '李春梅', gender: 'female' },
        incidents: [{ date: '2026-01-05', place: '家中' }, { date: '2026-02-01' }],
        evidence: { chat_records: { has: true, note: '微信' } },
      });
      const res = await env
        .api()
        .patch(`/api/protection-orders/${id}`)
        .set(bearer(token))
        .send({ applicant: { birthDate: '1990-04-12', gender: null }, incidents: [{ place: '路上', types: ['stalking'] }], evidence: { chat_records: { note: '微信截图' } } })
        .expect(200);
      expect(res.body.answers).toEqual({
        applicant: { name: '李春梅', birthDate: '1990-04-12' },
        incidents: [{ place: '路上', types: ['stalking'] }],
        evidence: { chat_records: { has: true, note: '微信截图' } },
      });
    });

    it('saves arriving at the same moment from several devices all land: none overwrites another', async () => {
      const a = await env.userToken('wx-parallel-saves');
      const b = await env.userToken('wx-parallel-saves');
      const { id } = await create(a.token);
      const patches = [{ applicant: { name: '李春梅' } }, { applicant: { phone: '13800138000' } }, { respondent: { name: '王大力' } }, { children: { involved: false } }];
      const results = await Promise.all(patches.map((p, i) => env.api().patch(`/api/protection-orders/${id}`).set(bearer((i % 2 ? b : a).token)).send(p)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const saved = await env.api().get(`/api/protection-orders/${id}`).set(bearer(a.token)).expect(200);
      expect(saved.body.answers).toEqual({ applicant: { name: '李春梅', phone: '13800138000' }, respondent: { name: '王大力' }, children: { involved: false } });
    });

    it.each([
      [{ applicant: { gender: 'unknown' } }, 'applicant.gender'],
      [{ applicant: { birthDate: '1990-02-30' } }, 'applicant.birthDate'],
      [{ incidents: [{ date: '2999-01-01' }] }, 'incidents.0.date'],
      [{ incidents: [{ types: ['hitting'] }] }, 'incidents.0.types.0'],
      [{ court: { name: '广州市天河区人民法院' } }, 'court.name'],
      [{ measures: { items: ['no_violence', 'no_violence'] } }, 'measures.items'],
      [{ respondent: { approxAge: 'forty' } }, 'respondent.approxAge'],
      [{ filer: { by: 'neighbour' } }, 'filer.by'],
      [{ consent: { sensitive: false } }, 'consent.sensitive'],
      [{ applicant: { nickname: 'x' } }, 'applicant.nickname'],
      [{ centerId: 'no-such-center-000' }, 'centerId'],
    ])('bad answer %j is a 400 naming %s, and the saved draft is unchanged', async (patch, field) => {
      const { token } = await env.userToken();
      const { id } = await create(token, { applicant: { name: '李春梅' } });
      const res = await env.api().patch(`/api/protection-orders/${id}`).set(bearer(token)).send(patch).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
      const after = await env.api().get(`/api/protection-orders/${id}`).set(bearer(token)).expect(200);
      expect(after.body.answers).toEqual({ applicant: { name: '李春梅' } });
    });

    it('submitting an incomplete application is a 400 listing exactly what is missing, each in Chinese', async () => {
      const { token } = await env.userToken();
      const answers = completeAnswers();
      delete answers.respondent!.address;
      answers.incidents = [...answers.incidents!, { date: '2026-02-01', types: ['insults'] }];
      answers.urgency = { urgent: true };
      delete answers.consent;
      const { id } = await create(token, answers);
      const res = await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(token)).send({}).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['respondent.address', 'incidents.1.place', 'incidents.1.description', 'urgency.reason', 'consent.sensitive']);
      for (const d of res.body.error.details) expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
      const still = await env.api().get(`/api/protection-orders/${id}`).set(bearer(token)).expect(200);
      expect(still.body.status).toBe('draft');
      expect(still.body.missing).toHaveLength(5);
    });

    it('a complete application is submitted (consent given at submit) and goes to the center of the court district', async () => {
      const { token } = await env.userToken();
      const answers = completeAnswers();
      delete answers.consent;
      const { id } = await create(token, answers);
      const res = await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(token)).send({ consent: { sensitive: true } }).expect(200);
      expect(res.body).toMatchObject({ id, status: 'submitted', center: { id: await env.centerId('wuchuan') } });
      const mine = await env.api().get(`/api/protection-orders/${id}`).set(bearer(token)).expect(200);
      expect(mine.body).toMatchObject({ status: 'submitted', editable: false, missing: [], center: { id: await env.centerId('wuchuan') } });
      expect(mine.body.events.map((e: { type: string; to?: string }) => `${e.type}:${e.to ?? ''}`)).toEqual(['created:', 'status:submitted']);
    });

    it('a center she chose is kept', async () => {
      const { token } = await env.userToken();
      const { id } = await create(token, { ...completeAnswers(), centerId: await env.centerId('zj-station') });
      const res = await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(token)).send({}).expect(200);
      expect(res.body.center.id).toBe(await env.centerId('zj-station'));
    });

    it('once submitted the answers are no longer hers to change: PATCH and a second submit are 409', async () => {
      const { token } = await env.userToken();
      const { id } = await create(token, completeAnswers());
      await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(token)).send({}).expect(200);
      const patch = await env.api().patch(`/api/protection-orders/${id}`).set(bearer(token)).send({ applicant: { name: '别人' } }).expect(409);
      expect(patch.body.error.code).toBe('NOT_EDITABLE');
      await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(token)).send({}).expect(409);
      await env.api().delete(`/api/protection-orders/${id}`).set(bearer(token)).expect(409);
    });

    it('her answers are encrypted at rest: the raw row holds neither her name nor her address', async () => {
      const { token } = await env.userToken();
      const { id } = await create(token, completeAnswers());
      const raw = await env.ds.query('SELECT * FROM protection_orders WHERE id = ?', [id]);
      const text = JSON.stringify(raw);
      for (const secret of ['李春梅', '王大力', '13800138000', '幸福路', '喝酒']) expect(text).not.toContain(secret);
      expect(raw[0].answers).toMatch(/^v1\./);
    });

    it('another woman gets 404 on every route; staff cannot use her routes (403)', async () => {
      const owner = await env.userToken('wx-owner-iso');
      const other = await env.userToken('wx-other-iso');
      const { id } = await create(owner.token, completeAnswers());
      await env.api().get(`/api/protection-orders/${id}`).set(bearer(other.token)).expect(404);
      await env.api().patch(`/api/protection-orders/${id}`).set(bearer(other.token)).send({ applicant: { name: 'x' } }).expect(404);
      await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(other.token)).send({}).expect(404);
      await env.api().get(`/api/protection-orders/${id}/petition.docx`).set(bearer(other.token)).expect(404);
      await env.api().delete(`/api/protection-orders/${id}`).set(bearer(other.token)).expect(404);
      const list = await env.api().get('/api/protection-orders/mine').set(bearer(other.token)).expect(200);
      expect(list.body.items).toEqual([]);
      const staff = await env.staffToken('center_staff', 'wuchuan');
      await env.api().post('/api/protection-orders').set(bearer(staff.token)).send({}).expect(403);
      await env.api().get(`/api/protection-orders/${id}`).set(bearer(staff.token)).expect(403);
      await env.api().get(`/api/protection-orders/${id}`).expect(401);
      const mine = await env.api().get(`/api/protection-orders/${id}`).set(bearer(owner.token)).expect(200);
      expect(mine.body.answers.applicant.name).toBe('李春梅');
    });

    it('she can delete a draft; it is gone', async () => {
      const { token } = await env.userToken();
      const { id } = await create(token, { applicant: { name: '李春梅' } });
      await env.api().delete(`/api/protection-orders/${id}`).set(bearer(token)).expect(204);
      await env.api().get(`/api/protection-orders/${id}`).set(bearer(token)).expect(404);
      expect(await env.ds.getRepository(ProtectionOrderEntity).countBy({ id })).toBe(0);
    });

    it('the OpenAPI document describes the protection-order operations', async () => {
      const res = await env.api().get('/api/openapi.json').expect(200);
      for (const p of ['/api/protection-orders', '/api/protection-orders/mine', '/api/protection-orders/{id}', '/api/protection-orders/{id}/submit', '/api/protection-orders/{id}/petition.docx', '/api/protection-orders/{id}/evidence', '/api/staff/protection-orders', '/api/staff/protection-orders/{id}/transitions']) {
        expect(res.body.paths).toHaveProperty([p]);
      }
      expect(Object.keys(res.body.paths['/api/protection-orders/{id}/petition.docx'].get.responses['200'].content)).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
      expect(res.body.components.schemas).toHaveProperty('ProtectionOrderTransitionInput');
      expect(JSON.stringify(res.body)).not.toContain('$defs');
    });

    it('at most five open drafts per account', async () => {
      const { token } = await env.userToken();
      for (let i = 0; i < 5; i++) await create(token);
      const res = await env.api().post('/api/protection-orders').set(bearer(token)).send({}).expect(409);
      expect(res.body.error.code).toBe('TOO_MANY_DRAFTS');
    });

    it('she may withdraw a submitted application and leave a message once it is submitted', async () => {
      const { token } = await env.userToken();
      const { id } = await create(token, completeAnswers());
      await env.api().post(`/api/protection-orders/${id}/messages`).set(bearer(token)).send({ body: '你好' }).expect(409);
      await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(token)).send({}).expect(200);
      const msg = await env.api().post(`/api/protection-orders/${id}/messages`).set(bearer(token)).send({ body: '请白天联系我' }).expect(201);
      expect(msg.body.messages).toEqual([expect.objectContaining({ from: 'me', body: '请白天联系我' })]);
      const res = await env.api().post(`/api/protection-orders/${id}/withdraw`).set(bearer(token)).send({ reason: '已和解' }).expect(200);
      expect(res.body.status).toBe('withdrawn');
      await env.api().post(`/api/protection-orders/${id}/withdraw`).set(bearer(token)).send({}).expect(409);
    });
  },
  { fileStorageDir: tempStorageDir() },
);
