import JSZip from 'jszip';
import type { Response } from 'superagent';
import { bearer, describeEachDb } from '../../test-support/test-env';
import { caseInput, consentAll, createCase, move } from '../../test-support/mediation-fixtures';
import { AuditEntryEntity } from '../audit/audit.entity';

const clauses = ['双方自愿解除婚姻关系。', '婚生子王小明由女方抚养，男方每月支付抚养费人民币1500元，至其年满十八周岁。', '位于霞山区的共有住房归女方所有。'];
const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describeEachDb('mediation cases — sealed records and the 调解协议书', (env) => {
  async function agreedCase(token: string) {
    const c = await createCase(env, token, { committeeName: '霞山区婚姻家庭纠纷人民调解委员会' });
    const detail = await consentAll(env, token, c.id);
    await move(env, token, c.id, { to: 'in_mediation' }).expect(200);
    await env.api().post(`/api/staff/mediation/cases/${c.id}/sessions`).set(bearer(token))
      .send({ at: '2026-03-05T09:00:00+08:00', form: 'face_to_face', attendedPartyIds: detail.parties.map((p) => p.id), otherAttendees: '女方母亲张桂芳', location: '中心调解室', notes: '男方承认曾推搡女方，同意协商抚养费。' })
      .expect(201);
    await move(env, token, c.id, { to: 'agreement_reached', reason: '双方签字确认', agreement: { clauses, performance: '男方于每月5日前通过银行转账支付抚养费；住房过户于2026年4月30日前办理。', signedOn: '2026-03-09' } }).expect(200);
    return c;
  }

  it('names, phones, addresses, the narrative, the agreed terms and session notes are sealed at rest', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await agreedCase(staff.token);
    const [row] = await env.ds.query('SELECT * FROM mediation_cases WHERE id = ?', [c.id]);
    const raw = JSON.stringify(row);
    expect(raw).toContain(c.ref); // the row is really there, readable where it is not sensitive
    for (const secret of ['李秀兰', '王建国', '13800138001', '人民大道南88号', '家庭琐事', '抚养费', '解除婚姻关系']) expect(raw).not.toContain(secret);
    const sessions = JSON.stringify(await env.ds.query('SELECT * FROM mediation_sessions WHERE caseId = ?', [c.id]));
    for (const secret of ['推搡', '张桂芳', '李秀兰', '中心调解室']) expect(sessions).not.toContain(secret);
    const events = JSON.stringify(await env.ds.query('SELECT * FROM timeline_events WHERE entityId = ?', [c.id]));
    expect(events).not.toContain('双方签字确认');
    // …and staff read them back in clear.
    const detail = await env.api().get(`/api/staff/mediation/cases/${c.id}`).set(bearer(staff.token)).expect(200);
    expect(detail.body.parties[0]).toMatchObject({ name: '李秀兰', phone: '13800138001', consent: { date: '2026-03-02', method: 'written' } });
    expect(detail.body.agreement.clauses).toEqual(clauses);
    const sessionList = await env.api().get(`/api/staff/mediation/cases/${c.id}/sessions`).set(bearer(staff.token)).expect(200);
    expect(sessionList.body.items[0]).toMatchObject({ notes: '男方承认曾推搡女方，同意协商抚养费。', otherAttendees: '女方母亲张桂芳', location: '中心调解室' });
  });

  it('the .docx agreement parses back with the parties, the numbered clauses and the date, without phone numbers; the download is audited', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await agreedCase(staff.token);
    const res = await env.api().get(`/api/staff/mediation/cases/${c.id}/agreement.docx`).set(bearer(staff.token)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`agreement-${c.ref}.docx`);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const text = paragraphs.join('\n');
    expect(paragraphs[0]).toBe('人民调解协议书');
    expect(text).toContain(`编号：${c.ref}`);
    expect(text).toContain('调解组织：霞山区婚姻家庭纠纷人民调解委员会');
    expect(paragraphs).toContain('申请人：李秀兰，女，住址：湛江市霞山区人民大道南88号');
    expect(paragraphs).toContain('被申请人：王建国，男，住址：湛江市霞山区海滨大道12号');
    expect(paragraphs).toContain('其他当事人（子女）：王小明');
    expect(text).toContain('纠纷主要事实、争议事项');
    expect(text).toContain('双方结婚十年，因家庭琐事长期争吵');
    expect(text).toContain('经调解，自愿达成如下协议');
    clauses.forEach((clause, i) => expect(paragraphs).toContain(`${'一二三'[i]}、${clause}`));
    expect(text).toContain('履行方式、时限');
    expect(text).toContain('本协议一式四份');
    expect(text).toContain('陈律师');
    expect(text).toContain('2026年3月9日');
    expect(text).not.toMatch(/13800138001|13800138002/);
    const audit = await env.ds.getRepository(AuditEntryEntity).findBy({ entityId: c.id, action: 'mediation.agreement.download' });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(staff.id);
  });

  it('there is no agreement to download before one is reached: 409', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const c = await createCase(env, staff.token);
    const res = await env.api().get(`/api/staff/mediation/cases/${c.id}/agreement.docx`).set(bearer(staff.token)).expect(409);
    expect(res.body.error.code).toBe('NO_AGREEMENT');
  });
});

describeEachDb('mediation cases — bad input', (env) => {
  it('is a 400 naming the fields, never a 500', async () => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const post = (body: object) => env.api().post('/api/staff/mediation/cases').set(bearer(staff.token)).send(body).expect(400);
    const paths = async (p: Promise<{ body: { error: { code: string; details: Array<{ path: string }> } } }>) => {
      const res = await p;
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.details.map((d) => d.path);
    };
    expect(await paths(post({}))).toEqual(expect.arrayContaining(['committeeLevel', 'parties', 'summary']));
    expect(await paths(post(caseInput({ disputeType: undefined })))).toContain('disputeType');
    expect(await paths(post(caseInput({ committeeLevel: 'province', disputeType: 'bigamy' })))).toEqual(expect.arrayContaining(['committeeLevel', 'disputeType']));
    expect(await paths(post(caseInput({ parties: [{ role: 'applicant', name: '甲' }, { role: 'applicant', name: '乙' }] })))).toContain('parties');
    expect(await paths(post(caseInput({ parties: [{ role: 'applicant', name: '' }, { role: 'respondent', name: '乙', phone: 'abc' }, { role: 'other', name: '丙' }] }))))
      .toEqual(expect.arrayContaining(['parties.0.name', 'parties.1.phone', 'parties.2.roleNote']));
    expect(await paths(post(caseInput({ mediators: [{ name: '某', kind: 'priest' }] })))).toContain('mediators.0.kind');
    expect(await paths(post(caseInput({ secret: 1 })))).toContain('secret');

    const c = await createCase(env, staff.token);
    const base = `/api/staff/mediation/cases/${c.id}`;
    const sessionBad = await env.api().post(`${base}/sessions`).set(bearer(staff.token)).send({ at: '明天上午', form: 'video', attendedPartyIds: [] }).expect(400);
    expect(sessionBad.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['at', 'form', 'attendedPartyIds']));
    const stranger = await env.api().post(`${base}/sessions`).set(bearer(staff.token)).send({ at: '2026-03-05T09:00:00+08:00', form: 'one_to_one', attendedPartyIds: ['notaparty1'] }).expect(400);
    expect(stranger.body.error.details[0].path).toBe('attendedPartyIds.0');
    expect(await paths(move(env, staff.token, c.id, { to: 'settled' }))).toEqual(['to']);
    expect(await paths(move(env, staff.token, c.id, { to: 'agreement_reached', agreement: { clauses: [], copies: 1 } }))).toEqual(expect.arrayContaining(['agreement.clauses', 'agreement.performance', 'agreement.copies']));
    expect(await paths(move(env, staff.token, c.id, { to: 'transferred_to_court', court: { name: '霞山区人民法院' } }))).toEqual(['court.caseNumber']);
    const consent = await env.api().post(`${base}/consents`).set(bearer(staff.token)).send({ partyId: 'notaparty1', date: '2026-02-30x', method: 'telepathy' }).expect(400);
    expect(consent.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['date', 'method']));
    const unknownParty = await env.api().post(`${base}/consents`).set(bearer(staff.token)).send({ partyId: 'notaparty1', date: '2026-03-01', method: 'oral' }).expect(400);
    expect(unknownParty.body.error.details[0].path).toBe('partyId');
    const judicial = await env.api().put(`${base}/judicial-confirmation`).set(bearer(staff.token)).send({ appliedOn: '2026-03-10', court: '法院', result: 'confirmed', decidedOn: '2026-03-01' }).expect(400);
    expect(judicial.body.error.details[0].path).toBe('decidedOn');
    const board = await env.api().get('/api/staff/mediation/cases').set(bearer(staff.token)).query({ status: 'open', level: 'x' }).expect(400);
    expect(board.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['query.status.0', 'query.level']));
    const badId = await env.api().get('/api/staff/mediation/cases/bad!id').set(bearer(staff.token)).expect(400);
    expect(badId.body.error.details[0].path).toBe('params.id');
    const empty = await env.api().patch(base).set(bearer(staff.token)).send({}).expect(400);
    expect(empty.body.error.details[0].path).toBe('summary');
  });
});
