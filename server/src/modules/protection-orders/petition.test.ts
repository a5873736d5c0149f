import fs from 'node:fs';
import path from 'node:path';
import { PoMeasureWording } from '@zjh/shared';
import { bearer, describeEachDb } from '../../test-support/test-env';
import { binary, completeAnswers, docxText, fileWithCourt, PNG, submittedApplication, tempStorageDir } from '../../test-support/protection-order-fixtures';
import { ProtectionOrderEntity, ProtectionOrderFileEntity } from './protection-order.entity';
import { TimelineEventEntity } from '../timeline/timeline.entity';
import { CONFIDENTIAL_ADDRESS_LINE } from './petition.docx';

const storageDir = tempStorageDir();
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describeEachDb(
  'protection orders — the petition and her data',
  (env) => {
    const petition = (token: string, id: string) => env.api().get(`/api/protection-orders/${id}/petition.docx`).set(bearer(token)).buffer(true).parse(binary);

    it('the petition is a real Word document naming the parties, the measures, the evidence and the court', async () => {
      const { woman, id } = await submittedApplication(env);
      const res = await petition(woman.token, id).expect(200);
      expect(res.headers['content-type']).toBe(DOCX);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="application.docx"; filename*=UTF-8''${encodeURIComponent('申请书.docx')}`);
      const text = await docxText(res.body as Buffer);
      expect(text).toContain('人身安全保护令申请书');
      expect(text).toContain('申请人：李春梅，女，1990年4月12日出生，联系电话：13800138000。');
      expect(text).toContain('住址：湛江市吴川市梅菉街道幸福路 8 号');
      expect(text).toMatch(/被申请人：王大力，男，约38岁，住址：湛江市吴川市梅菉街道幸福路 8 号，工作单位：某物流公司/);
      expect(text).toContain(`一、${PoMeasureWording.no_violence}；`);
      expect(text).toContain(`二、${PoMeasureWording.no_harassment_contact}；`);
      expect(text).toContain(`三、${PoMeasureWording.move_out}。`);
      expect(text).toContain('申请人与被申请人的关系：配偶');
      expect(text).toContain('2026年1月5日，在家中客厅，被申请人对申请人实施了殴打等身体伤害、威胁、恐吓');
      expect(text).toMatch(/证据清单：\s*1\. 报警回执或告诫书：派出所出具的报警回执\s*2\. 病历、伤情照片/);
      expect(text).toMatch(/此致\s*吴川市人民法院/);
      expect(text).not.toContain('代为申请人');
    });

    it('a confidential address never enters the petition, nor does the ordinary one', async () => {
      const answers = completeAnswers();
      answers.applicant = { ...answers.applicant, address: '湛江市吴川市梅菉街道幸福路 8 号', confidentialAddress: true, confidentialAddressText: '吴川市塘㙍镇某村三巷 12 号' };
      answers.respondent = { ...answers.respondent, address: '湛江市赤坎区中山一路 3 号' };
      const { woman, id } = await submittedApplication(env, answers);
      const staff = await env.staffToken('center_staff', 'wuchuan');
      for (const token of [woman.token, staff.token]) {
        const text = await docxText((await petition(token, id).expect(200)).body as Buffer);
        expect(text).toContain(CONFIDENTIAL_ADDRESS_LINE);
        expect(text).not.toContain('塘㙍镇');
        expect(text).not.toContain('三巷');
        expect(text).not.toContain('幸福路');
        expect(text).toContain('申请人：李春梅');
        expect(text).toContain('吴川市人民法院');
      }
    });

    it('an application on her behalf carries the 代为申请人 section and its reason; an urgent one asks for 24 hours', async () => {
      const answers = completeAnswers();
      answers.filer = { by: 'womens_federation', reason: '申请人受到威吓，不敢自行申请', agent: { name: '吴川市妇女联合会', contactPerson: '陈主任', phone: '0759-5555555' } };
      answers.urgency = { urgent: true, reason: '对方扬言报复' };
      const { woman, id } = await submittedApplication(env, answers);
      const text = await docxText((await petition(woman.token, id).expect(200)).body as Buffer);
      expect(text).toContain('代为申请人：吴川市妇女联合会（妇女联合会），经办人：陈主任，联系电话：0759-5555555。');
      expect(text).toContain('代为申请的理由：申请人受到威吓，不敢自行申请。');
      expect(text).toContain('代为申请人（签名或盖章）');
      expect(text).toContain('二十四小时内作出裁定');
    });

    it('her draft prints too, with blanks for what is not answered yet', async () => {
      const woman = await env.userToken();
      const { body } = await env.api().post('/api/protection-orders').set(bearer(woman.token)).send({ applicant: { name: '李春梅' } }).expect(201);
      const text = await docxText((await petition(woman.token, body.id).expect(200)).body as Buffer);
      expect(text).toContain('申请人：李春梅，________');
      expect(text).toContain('暂无书面证据');
    });

    it('"see my data" lists her applications; "delete my data" removes drafts, their files and history, and unlinks what the court has', async () => {
      const woman = await env.userToken('wx-erase-po');
      const staff = await env.staffToken('center_staff', 'wuchuan');
      const draft = (await env.api().post('/api/protection-orders').set(bearer(woman.token)).send(completeAnswers()).expect(201)).body.id as string;
      const file = (await env.api().post(`/api/protection-orders/${draft}/evidence`).set(bearer(woman.token)).field('kind', 'medical_records').attach('file', PNG, 'x.png').expect(201)).body;
      const fileRow = await env.ds.getRepository(ProtectionOrderFileEntity).findOneByOrFail({ id: file.id });
      const blob = path.join(storageDir, fileRow.storageKey.slice(0, 2), fileRow.storageKey);
      expect(fs.existsSync(blob)).toBe(true);
      const { id: filed } = await submittedApplication(env, completeAnswers(), 'wx-erase-po');
      await fileWithCourt(env, staff.token, filed, new Date(env.clock.now().getTime() - 3600_000));

      const data = await env.api().get('/api/me/data').set(bearer(woman.token)).expect(200);
      expect(data.body.protectionOrders.map((x: { id: string }) => x.id).sort()).toEqual([draft, filed].sort());
      expect(data.body.protectionOrders.find((x: { id: string }) => x.id === draft).files).toHaveLength(1);

      await env.api().delete('/api/me').set(bearer(woman.token)).expect(204);
      expect(await env.ds.getRepository(ProtectionOrderEntity).countBy({ id: draft })).toBe(0);
      expect(await env.ds.getRepository(ProtectionOrderFileEntity).countBy({ applicationId: draft })).toBe(0);
      expect(await env.ds.getRepository(TimelineEventEntity).countBy({ entityType: 'protection_order', entityId: draft })).toBe(0);
      expect(fs.existsSync(blob)).toBe(false);
      const kept = await env.ds.getRepository(ProtectionOrderEntity).findOneByOrFail({ id: filed });
      expect(kept).toMatchObject({ userId: null, notify: false, status: 'filed' });
      const again = await env.userToken('wx-erase-po');
      expect((await env.api().get('/api/protection-orders/mine').set(bearer(again.token)).expect(200)).body.items).toEqual([]);
      await env.api().get(`/api/staff/protection-orders/${filed}`).set(bearer(staff.token)).expect(200);
    });
  },
  { fileStorageDir: storageDir },
);
