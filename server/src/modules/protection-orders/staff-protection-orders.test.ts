import { shanghaiDate, addDays, addMonths } from '@zjh/shared';
import { bearer, describeEachDb } from '../../test-support/test-env';
import { completeAnswers, fileWithCourt, submittedApplication, tempStorageDir } from '../../test-support/protection-order-fixtures';
import { AuditEntryEntity } from '../audit/audit.entity';
import { OutboxEntity } from '../notifications/outbox.entity';

describeEachDb(
  'protection orders — staff board and workflow',
  (env) => {
    const step = (token: string, id: string, body: object) => env.api().post(`/api/staff/protection-orders/${id}/transitions`).set(bearer(token)).send(body);
    const today = () => shanghaiDate(env.clock.now());

    it('every step from submitted to delivered is recorded and shown on her timeline', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { woman, id } = await submittedApplication(env);
      const board = await env.api().get('/api/staff/protection-orders').set(bearer(staff.token)).expect(200);
      expect(board.body.items.find((x: { id: string }) => x.id === id)).toMatchObject({ status: 'submitted', applicant: '李**', nextStatuses: expect.arrayContaining(['under_review', 'needs_info']) });

      const filedAt = new Date(env.clock.now().getTime() - 3600_000);
      const filed = await fileWithCourt(env, staff.token, id, filedAt);
      expect(filed.filing).toMatchObject({ court: '吴川市人民法院', caseNumber: '（2026）粤0883民保令1号', urgent: false, decisionDueAt: new Date(filedAt.getTime() + 72 * 3600_000).toISOString(), overdue: false });

      const validFrom = today();
      const granted = await step(staff.token, id, { status: 'granted', orderNumber: '（2026）粤0883民保令1号', measures: ['no_violence', 'move_out'], validFrom, validTo: addDays(addMonths(validFrom, 6), -1) }).expect(200);
      expect(granted.body.decision).toMatchObject({ outcome: 'granted', orderNumber: '（2026）粤0883民保令1号', measures: ['no_violence', 'move_out'], validFrom, expiringSoon: false });

      const delivered = await step(staff.token, id, { status: 'delivered', policeStation: '梅菉派出所', policeDeliveredOn: validFrom, committee: '幸福社区居民委员会', committeeDeliveredOn: validFrom }).expect(200);
      expect(delivered.body.delivery).toEqual({ policeStation: '梅菉派出所', policeDeliveredOn: validFrom, committee: '幸福社区居民委员会', committeeDeliveredOn: validFrom });
      expect(delivered.body.nextStatuses).toEqual([]);

      const hers = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(hers.body.events.filter((e: { type: string }) => e.type === 'status').map((e: { to: string }) => e.to)).toEqual(['submitted', 'under_review', 'filed', 'granted', 'delivered']);
      expect(hers.body).toMatchObject({ status: 'delivered', filing: { caseNumber: '（2026）粤0883民保令1号' }, decision: { outcome: 'granted' }, delivery: { policeStation: '梅菉派出所' } });
      const notices = await env.ds.getRepository(OutboxEntity).findBy({ userId: woman.id, template: 'application_update' });
      expect(notices.length).toBe(4);
      expect(notices.every((n) => !/protection|保护令/.test(n.page))).toBe(true);
    });

    it('a step the workflow does not allow is a 409 and changes nothing', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { id } = await submittedApplication(env);
      const jump = await step(staff.token, id, { status: 'granted', orderNumber: 'x', measures: ['no_violence'], validFrom: today(), validTo: today() }).expect(409);
      expect(jump.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'submitted', allowed: expect.arrayContaining(['under_review']) } });
      await step(staff.token, id, { status: 'delivered', policeStation: 'a', policeDeliveredOn: today(), committee: 'b', committeeDeliveredOn: today() }).expect(409);
      await step(staff.token, id, { status: 'filed', court: '吴川市人民法院', filedAt: env.clock.now().toISOString(), caseNumber: 'x' }).expect(409);
      const detail = await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(staff.token)).expect(200);
      expect(detail.body.status).toBe('submitted');
      await step(staff.token, id, { status: 'draft' }).expect(400);
    });

    it('staff may withdraw an application for her, with a reason; a withdrawn application moves no further', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { woman, id } = await submittedApplication(env);
      await step(staff.token, id, { status: 'under_review' }).expect(200);
      await step(staff.token, id, { status: 'withdrawn' }).expect(400);
      await step(staff.token, id, { status: 'withdrawn', reason: '她电话告知不再申请' }).expect(200);
      await step(staff.token, id, { status: 'under_review' }).expect(409);
      const hers = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(hers.body.status).toBe('withdrawn');
    });

    it('asking her for more reopens only the named parts; she edits them and resubmits', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { woman, id } = await submittedApplication(env);
      await step(staff.token, id, { status: 'under_review' }).expect(200);
      await step(staff.token, id, { status: 'needs_info' }).expect(400);
      await step(staff.token, id, { status: 'needs_info', message: '请补充第二次发生的情况', sections: ['incidents'] }).expect(200);

      const hers = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(hers.body).toMatchObject({ status: 'needs_info', editable: true, editableSections: ['incidents'] });
      expect(hers.body.messages).toEqual([expect.objectContaining({ from: 'staff', body: '请补充第二次发生的情况' })]);

      const locked = await env.api().patch(`/api/protection-orders/${id}`).set(bearer(woman.token)).send({ applicant: { name: '改名' }, incidents: [] }).expect(409);
      expect(locked.body.error.code).toBe('SECTION_LOCKED');
      expect(locked.body.error.details).toEqual([{ path: 'applicant', message: expect.any(String) }]);
      const incidents = [...completeAnswers().incidents!, { date: '2026-03-01', place: '菜市场', types: ['stalking'], description: '他一路跟着我。' }];
      await env.api().patch(`/api/protection-orders/${id}`).set(bearer(woman.token)).send({ incidents }).expect(200);
      await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(woman.token)).send({}).expect(200);

      const detail = await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(staff.token)).expect(200);
      expect(detail.body.status).toBe('submitted');
      expect(detail.body.answers.incidents).toHaveLength(2);
      expect(detail.body.timeline.filter((e: { type: string }) => e.type === 'status').map((e: { to: string }) => e.to)).toEqual(['submitted', 'under_review', 'needs_info', 'submitted']);
    });

    it('a rejection records the reason and the five-day reconsideration window', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { woman, id } = await submittedApplication(env);
      await fileWithCourt(env, staff.token, id, new Date(env.clock.now().getTime() - 7200_000));
      await step(staff.token, id, { status: 'rejected' }).expect(400);
      const decidedAt = new Date(env.clock.now().getTime() - 60_000);
      const res = await step(staff.token, id, { status: 'rejected', reason: '证据不足以证明存在家庭暴力的现实危险', decidedAt: decidedAt.toISOString() }).expect(200);
      expect(res.body.decision).toMatchObject({ outcome: 'rejected', reason: '证据不足以证明存在家庭暴力的现实危险', reconsiderationUntil: new Date(decidedAt.getTime() + 5 * 86400_000).toISOString() });
      const hers = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(hers.body.decision.reconsiderationUntil).toBe(res.body.decision.reconsiderationUntil);
      await step(staff.token, id, { status: 'delivered', policeStation: 'a', policeDeliveredOn: today(), committee: 'b', committeeDeliveredOn: today() }).expect(409);
    });

    it('an order longer than six months, or measures "other" without text, is a 400', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { id } = await submittedApplication(env);
      await fileWithCourt(env, staff.token, id, new Date(env.clock.now().getTime() - 3600_000));
      const validFrom = today();
      const tooLong = await step(staff.token, id, { status: 'granted', orderNumber: 'n1', measures: ['no_violence'], validFrom, validTo: addMonths(validFrom, 6) }).expect(400);
      expect(tooLong.body.error.details).toEqual([{ path: 'validTo', message: expect.stringContaining('六个月') }]);
      const other = await step(staff.token, id, { status: 'granted', orderNumber: 'n1', measures: ['other'], validFrom, validTo: validFrom }).expect(400);
      expect(other.body.error.details[0].path).toBe('otherMeasureText');
      const detail = await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(staff.token)).expect(200);
      expect(detail.body.status).toBe('filed');
    });

    it('the decision clock: 24 h when urgent, 72 h otherwise; overdue is flagged and filterable', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const urgent = await submittedApplication(env, { ...completeAnswers(), urgency: { urgent: true, reason: '他扬言今晚回来报复' } });
      const normal = await submittedApplication(env);
      // Filed 25 hours ago: past the 24-hour clock of the urgent one, within the 72 hours of the other.
      const filedAt = new Date(env.clock.now().getTime() - 25 * 3600_000);
      const u = await fileWithCourt(env, staff.token, urgent.id, filedAt);
      const n = await fileWithCourt(env, staff.token, normal.id, filedAt);
      expect(Date.parse(u.filing.decisionDueAt) - filedAt.getTime()).toBe(24 * 3600_000);
      expect(Date.parse(n.filing.decisionDueAt) - filedAt.getTime()).toBe(72 * 3600_000);
      expect(u).toMatchObject({ urgent: true, overdue: true, filing: { overdue: true } });
      expect(n).toMatchObject({ urgent: false, overdue: false });

      const overdue = await env.api().get('/api/staff/protection-orders?overdue=true').set(bearer(staff.token)).expect(200);
      const ids = overdue.body.items.map((x: { id: string }) => x.id);
      expect(ids).toContain(urgent.id);
      expect(ids).not.toContain(normal.id);
      expect(overdue.body.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
      expect(overdue.body.counts.overdue).toBeGreaterThanOrEqual(1);
      const hers = await env.api().get(`/api/protection-orders/${urgent.id}`).set(bearer(urgent.woman.token)).expect(200);
      expect(hers.body.filing.overdue).toBe(true);

      // Once the court has ruled, the clock no longer runs.
      await step(staff.token, urgent.id, { status: 'rejected', reason: '不符合条件' }).expect(200);
      const after = await env.api().get(`/api/staff/protection-orders/${urgent.id}`).set(bearer(staff.token)).expect(200);
      expect(after.body.overdue).toBe(false);
    });

    it('staff see only their center: other center 404, other roles 403, the city admin everything', async () => {
      const { id } = await submittedApplication(env);
      const other = await env.staffToken('center_staff', 'leizhou');
      await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(other.token)).expect(404);
      await step(other.token, id, { status: 'under_review' }).expect(404);
      await env.api().get(`/api/protection-orders/${id}/petition.docx`).set(bearer(other.token)).expect(404);
      const board = await env.api().get('/api/staff/protection-orders').set(bearer(other.token)).expect(200);
      expect(board.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
      const lawyer = await env.staffToken('lawyer', 'wuchuan');
      await env.api().get('/api/staff/protection-orders').set(bearer(lawyer.token)).expect(403);
      await env.api().get(`/api/protection-orders/${id}/petition.docx`).set(bearer(lawyer.token)).expect(404);
      const admin = await env.adminToken();
      await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(admin)).expect(200);
    });

    it('a draft is invisible to staff until she submits it', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const woman = await env.userToken();
      const draft = await env.api().post('/api/protection-orders').set(bearer(woman.token)).send({ ...completeAnswers(), centerId: await env.centerId('wuchuan') }).expect(201);
      await env.api().get(`/api/staff/protection-orders/${draft.body.id}`).set(bearer(await env.adminToken())).expect(404);
      const board = await env.api().get('/api/staff/protection-orders').set(bearer(staff.token)).expect(200);
      expect(board.body.items.map((x: { id: string }) => x.id)).not.toContain(draft.body.id);
    });

    it('every staff read of an application and of its petition is written to the audit log', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { id } = await submittedApplication(env);
      await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(staff.token)).expect(200);
      await env.api().get(`/api/protection-orders/${id}/petition.docx`).set(bearer(staff.token)).expect(200);
      const entries = await env.ds.getRepository(AuditEntryEntity).findBy({ entityType: 'protection_order', entityId: id });
      expect(entries.map((e) => e.action).sort()).toEqual(['protection_order.petition.download', 'protection_order.read']);
      expect(entries.every((e) => e.actorId === staff.id)).toBe(true);
      const detail = await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(staff.token)).expect(200);
      expect(detail.body.accessLog.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['protection_order.read', 'protection_order.petition.download']));
    });

    it('messages reach her, notes stay internal, and staff can complete answers before filing', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { woman, id } = await submittedApplication(env);
      await env.api().post(`/api/staff/protection-orders/${id}/notes`).set(bearer(staff.token)).send({ note: '电话核实过，情况属实' }).expect(201);
      await env.api().post(`/api/staff/protection-orders/${id}/messages`).set(bearer(staff.token)).send({ body: '我们已收到，明天上午联系你' }).expect(201);
      const edited = await env.api().patch(`/api/staff/protection-orders/${id}/answers`).set(bearer(staff.token)).send({ respondent: { phone: '13900139000' } }).expect(200);
      expect(edited.body.answers.respondent).toMatchObject({ name: '王大力', phone: '13900139000' });
      await env.api().patch(`/api/staff/protection-orders/${id}/answers`).set(bearer(staff.token)).send({ consent: null }).expect(400);
      const hers = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(hers.body.messages.map((m: { body: string }) => m.body)).toEqual(['我们已收到，明天上午联系你']);
      expect(JSON.stringify(hers.body.events)).not.toContain('核实');
      expect(hers.body.answers.respondent.phone).toBe('13900139000');
    });

    it('an order ending within 14 days is "expiring soon": the reminder is queued once and an extension draft is created, linked and prefilled', async () => {
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const { woman, id } = await submittedApplication(env);
      await fileWithCourt(env, staff.token, id, new Date(env.clock.now().getTime() - 3600_000));
      const validFrom = addDays(today(), -1);
      const validTo = addDays(today(), 10);
      await step(staff.token, id, { status: 'granted', orderNumber: 'n-exp', measures: ['no_violence'], validFrom, validTo }).expect(200);
      await step(staff.token, id, { status: 'delivered', policeStation: '梅菉派出所', policeDeliveredOn: today(), committee: '幸福社区居委会', committeeDeliveredOn: today() }).expect(200);

      const reminders = await env.ds.getRepository(OutboxEntity).findBy({ userId: woman.id, template: 'order_expiry' });
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({ dedupeKey: `po:${id}:expiry`, state: 'pending' });

      const expiring = await env.api().get('/api/staff/protection-orders?expiring=true').set(bearer(staff.token)).expect(200);
      expect(expiring.body.items.find((x: { id: string }) => x.id === id)).toMatchObject({ expiringSoon: true, validTo, extendedById: null, canExtend: true });

      const ext = await env.api().post(`/api/staff/protection-orders/${id}/extension`).set(bearer(staff.token)).expect(201);
      expect(ext.body).toMatchObject({ status: 'draft', extendsId: id });
      const again = await env.api().post(`/api/staff/protection-orders/${id}/extension`).set(bearer(staff.token)).expect(409);
      expect(again.body.error.code).toBe('ALREADY_EXTENDED');

      const mine = await env.api().get('/api/protection-orders/mine').set(bearer(woman.token)).expect(200);
      expect(mine.body.items.find((x: { id: string }) => x.id === ext.body.id)).toMatchObject({ status: 'draft', extendsId: id });
      const draft = await env.api().get(`/api/protection-orders/${ext.body.id}`).set(bearer(woman.token)).expect(200);
      expect(draft.body.answers.applicant.name).toBe('李春梅');
      expect(draft.body.answers.consent).toBeUndefined();
      expect(draft.body.missing.map((m: { path: string }) => m.path)).toEqual(['consent.sensitive']);
      const board = await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(staff.token)).expect(200);
      expect(board.body).toMatchObject({ extendedById: ext.body.id, canExtend: false });

      const { id: fresh } = await submittedApplication(env);
      await env.api().post(`/api/staff/protection-orders/${fresh}/extension`).set(bearer(staff.token)).expect(409);
    });
  },
  { fileStorageDir: tempStorageDir() },
);
