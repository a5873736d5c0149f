import fs from 'node:fs';
import path from 'node:path';
import { bearer, describeEachDb } from '../../test-support/test-env';
import { binary, completeAnswers, JPEG, PDF, PNG, tempStorageDir } from '../../test-support/protection-order-fixtures';
import { ProtectionOrderEntity, ProtectionOrderFileEntity } from './protection-order.entity';

const storageDir = tempStorageDir();

describeEachDb(
  'protection orders — evidence uploads',
  (env) => {
    const draft = async () => {
      const woman = await env.userToken();
      const res = await env.api().post('/api/protection-orders').set(bearer(woman.token)).send(completeAnswers()).expect(201);
      return { woman, id: res.body.id as string };
    };
    const upload = (token: string, id: string, data: Buffer, filename: string, kind = 'medical_records', contentType = 'image/jpeg') =>
      env.api().post(`/api/protection-orders/${id}/evidence`).set(bearer(token)).field('kind', kind).attach('file', data, { filename, contentType });

    it('a photo or a PDF is accepted by its content, listed with the application and returned byte for byte', async () => {
      const { woman, id } = await draft();
      const photo = Buffer.concat([PNG, Buffer.from('伤情照片像素')]);
      const res = await upload(woman.token, id, photo, '伤情照片.png', 'medical_records', 'application/octet-stream').expect(201);
      expect(res.body).toMatchObject({ kind: 'medical_records', mimeType: 'image/png', size: photo.length, name: '伤情照片.png' });
      await upload(woman.token, id, PDF, 'receipt', 'police_receipt', 'text/plain').expect(201);
      await upload(woman.token, id, Buffer.concat([JPEG, Buffer.alloc(100)]), 'a.jpeg').expect(201);

      const mine = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(mine.body.files.map((f: { mimeType: string }) => f.mimeType)).toEqual(['image/png', 'application/pdf', 'image/jpeg']);
      expect(mine.body.evidenceBytes).toBe(photo.length + PDF.length + JPEG.length + 100);
      expect(mine.body.files[1].name).toBe('receipt.pdf');

      const back = await env.api().get(`/api/protection-orders/${id}/evidence/${res.body.id}`).set(bearer(woman.token)).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(back.body as Buffer, photo)).toBe(0);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.headers['content-disposition']).toMatch(/^attachment; filename="evidence-[A-Za-z0-9_-]+\.png"; filename\*=UTF-8''%E4%BC%A4/);
    });

    it('a ".jpg" that is really text is refused with 415 and a Chinese message; the draft is untouched', async () => {
      const { woman, id } = await draft();
      const res = await upload(woman.token, id, Buffer.from('这不是图片，只是一段文字'), 'photo.jpg').expect(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_FILE_TYPE');
      expect(res.body.error.message).toContain('PDF');
      await upload(woman.token, id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.png', 'chat_records', 'image/png').expect(415);
      const mine = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(mine.body.files).toEqual([]);
      expect(mine.body.evidenceBytes).toBe(0);
      expect(mine.body.answers).toEqual(completeAnswers());
    });

    it('a file over 10 MB is a 413 and nothing else in the draft is lost', async () => {
      const { woman, id } = await draft();
      const big = Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024 + 1 - JPEG.length)]);
      const res = await upload(woman.token, id, big, 'big.jpg').expect(413);
      expect(res.body.error.message).toContain('10 MB');
      const mine = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(mine.body).toMatchObject({ files: [], evidenceBytes: 0, answers: completeAnswers() });
      await upload(woman.token, id, Buffer.concat([JPEG, Buffer.alloc(1024)]), 'small.jpg').expect(201);
    });

    it('more than 50 MB for one application is a 413', async () => {
      const { woman, id } = await draft();
      await env.ds.getRepository(ProtectionOrderEntity).update({ id }, { evidenceBytes: 50 * 1024 * 1024 - 100 });
      const res = await upload(woman.token, id, Buffer.concat([JPEG, Buffer.alloc(200)]), 'one-more.jpg').expect(413);
      expect(res.body.error.code).toBe('APPLICATION_FILES_TOO_LARGE');
      expect(await env.ds.getRepository(ProtectionOrderFileEntity).countBy({ applicationId: id })).toBe(0);
      expect((await env.ds.getRepository(ProtectionOrderEntity).findOneByOrFail({ id })).evidenceBytes).toBe(50 * 1024 * 1024 - 100);
      await upload(woman.token, id, Buffer.concat([JPEG, Buffer.alloc(50)]), 'fits.jpg').expect(201);
    });

    it('parallel uploads cannot pass the per-application limit together', async () => {
      const { woman, id } = await draft();
      await env.ds.getRepository(ProtectionOrderEntity).update({ id }, { evidenceBytes: 50 * 1024 * 1024 - 150 });
      const file = Buffer.concat([JPEG, Buffer.alloc(100 - JPEG.length)]);
      const results = await Promise.all([1, 2, 3].map((n) => upload(woman.token, id, file, `p${n}.jpg`)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 413, 413]);
      expect((await env.ds.getRepository(ProtectionOrderEntity).findOneByOrFail({ id })).evidenceBytes).toBe(50 * 1024 * 1024 - 50);
    });

    it('bad uploads: missing kind or file is a 400, a JSON body a 415', async () => {
      const { woman, id } = await draft();
      const noKind = await env.api().post(`/api/protection-orders/${id}/evidence`).set(bearer(woman.token)).attach('file', PNG, 'a.png').expect(400);
      expect(noKind.body.error.details[0].path).toBe('kind');
      const noFile = await env.api().post(`/api/protection-orders/${id}/evidence`).set(bearer(woman.token)).field('kind', 'witnesses').expect(400);
      expect(noFile.body.error.details[0].path).toBe('file');
      await env.api().post(`/api/protection-orders/${id}/evidence`).set(bearer(woman.token)).send({ kind: 'witnesses' }).expect(415);
      await upload(woman.token, id, PNG, 'a.png', 'diary').expect(400);
    });

    it('files are sealed at rest: the stored bytes hold neither the picture nor its name', async () => {
      const { woman, id } = await draft();
      const marker = Buffer.from('SECRET-PIXELS-李春梅');
      const res = await upload(woman.token, id, Buffer.concat([PNG, marker]), '李春梅的伤.png').expect(201);
      const row = await env.ds.getRepository(ProtectionOrderFileEntity).findOneByOrFail({ id: res.body.id });
      const raw = fs.readFileSync(path.join(storageDir, row.storageKey.slice(0, 2), row.storageKey));
      expect(raw.includes(marker)).toBe(false);
      expect(raw.includes(PNG)).toBe(false);
      const rawRow = JSON.stringify(await env.ds.query('SELECT * FROM protection_order_files WHERE id = ?', [res.body.id]));
      expect(rawRow).not.toContain('李春梅');
    });

    it('only she and staff of the handling center can fetch a file; staff fetches are audited', async () => {
      const { woman, id } = await draft();
      const file = (await upload(woman.token, id, PDF, 'a.pdf', 'federation_records').expect(201)).body;
      const url = `/api/protection-orders/${id}/evidence/${file.id}`;
      const other = await env.userToken();
      await env.api().get(url).set(bearer(other.token)).expect(404);
      const wuchuan = await env.staffToken('center_staff', 'wuchuan');
      await env.api().get(url).set(bearer(wuchuan.token)).expect(404); // still her draft
      await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(woman.token)).send({}).expect(200);
      const got = await env.api().get(url).set(bearer(wuchuan.token)).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
      const leizhou = await env.staffToken('center_staff', 'leizhou');
      await env.api().get(url).set(bearer(leizhou.token)).expect(404);
      await env.api().get(url).expect(401);
      await env.api().get(`/api/protection-orders/${id}/evidence/aaaaaaaaaaaaaaaaaaaaaa`).set(bearer(woman.token)).expect(404);
      const detail = await env.api().get(`/api/staff/protection-orders/${id}`).set(bearer(wuchuan.token)).expect(200);
      expect(detail.body.accessLog.map((a: { action: string }) => a.action)).toContain('protection_order.evidence.download');
    });

    it('she can delete a file while she can edit; after submission files are fixed (409)', async () => {
      const { woman, id } = await draft();
      const a = (await upload(woman.token, id, PNG, 'a.png').expect(201)).body;
      const b = (await upload(woman.token, id, PDF, 'b.pdf').expect(201)).body;
      const row = await env.ds.getRepository(ProtectionOrderFileEntity).findOneByOrFail({ id: a.id });
      await env.api().delete(`/api/protection-orders/${id}/evidence/${a.id}`).set(bearer(woman.token)).expect(204);
      expect(fs.existsSync(path.join(storageDir, row.storageKey.slice(0, 2), row.storageKey))).toBe(false);
      const mine = await env.api().get(`/api/protection-orders/${id}`).set(bearer(woman.token)).expect(200);
      expect(mine.body.files.map((f: { id: string }) => f.id)).toEqual([b.id]);
      expect(mine.body.evidenceBytes).toBe(PDF.length);
      await env.api().post(`/api/protection-orders/${id}/submit`).set(bearer(woman.token)).send({}).expect(200);
      await env.api().delete(`/api/protection-orders/${id}/evidence/${b.id}`).set(bearer(woman.token)).expect(409);
      await upload(woman.token, id, PNG, 'late.png').expect(409);
    });
  },
  { fileStorageDir: storageDir },
);
