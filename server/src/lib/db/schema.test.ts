import { describeEachDb } from '../../test-support/test-env';
import { CenterEntity } from '../../modules/centers/center.entity';
import { newId } from '../ids';

describeEachDb('database schema', (env) => {
  it('after the migrations the schema matches the entities exactly (no pending changes)', async () => {
    const sql = await env.ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('running the migrations again applies nothing', async () => {
    expect(await env.ds.runMigrations()).toEqual([]);
    expect(await env.ds.showMigrations()).toBe(false);
  });

  it('Chinese text and emoji round-trip unchanged', async () => {
    const now = new Date();
    const name = '湛家和·家庭和睦 🌸👩‍👧';
    const id = newId();
    await env.ds.getRepository(CenterEntity).insert({
      id, code: 'rt-' + id.slice(0, 6), name, district: '赤坎区', address: '测试', phone: '1', hours: '全天',
      lat: 21.2, lng: 110.3, services: ['legal'], note: '备注✅', sampleLocation: true, active: false, sortOrder: 99, createdAt: now, updatedAt: now,
    });
    const back = await env.ds.getRepository(CenterEntity).findOneByOrFail({ id });
    expect(back.name).toBe(name);
    expect(back.note).toBe('备注✅');
  });

  it('instants keep millisecond precision and come back as the same UTC moment', async () => {
    const at = new Date('2026-12-02T09:00:00.123+08:00');
    const id = newId();
    await env.ds.getRepository(CenterEntity).insert({
      id, code: 'tz-' + id.slice(0, 6), name: 't', district: '赤坎区', address: 't', phone: '1', hours: 't',
      lat: 21.2, lng: 110.3, services: [], note: null, sampleLocation: true, active: false, sortOrder: 99, createdAt: at, updatedAt: at,
    });
    const back = await env.ds.getRepository(CenterEntity).findOneByOrFail({ id });
    expect(back.createdAt.toISOString()).toBe('2026-12-02T01:00:00.123Z');
  });
});
