import { bearer, describeEachDb, type TestEnv } from '../../test-support/test-env';
import { ArticleViewEntity } from './content.entity';

async function publishedArticle(env: TestEnv, body = '<p>正文</p>') {
  const res = await env
    .api()
    .post('/api/staff/articles')
    .set(bearer(await env.adminToken()))
    .send({ category: 'law', title: '测试文章：什么是告诫书', summary: '摘要', body, published: true })
    .expect(201);
  return res.body as { id: string; body: string; views: number };
}

const read = (env: TestEnv, id: string, headers: Record<string, string> = {}) => env.api().get(`/api/articles/${id}`).set(headers).expect(200);

describeEachDb('articles', (env) => {
  it('on first start there are sample articles about 《反家庭暴力法》 and 《妇女权益保障法》, with their sanitised bodies', async () => {
    const list = await env.api().get('/api/articles').expect(200);
    const items = list.body.items as Array<{ id: string; title: string; category: string; sample: boolean; publishedAt: string }>;
    const samples = items.filter((a) => a.sample);
    expect(samples.length).toBeGreaterThanOrEqual(4);
    expect(samples.some((a) => a.title.includes('反家庭暴力法'))).toBe(true);
    expect(samples.some((a) => a.title.includes('人身安全保护令'))).toBe(true);
    expect(samples.some((a) => a.title.includes('妇女权益保障法'))).toBe(true);
    expect(samples.some((a) => a.category === 'family_education')).toBe(true);
    const detail = await read(env, samples.find((a) => a.title.includes('人身安全保护令'))!.id);
    expect(detail.body.body).toContain('七十二小时');
    expect(detail.body.body).toContain('12338');
    const law = await env.api().get('/api/articles').query({ category: 'law' }).expect(200);
    expect(law.body.items.every((a: { category: string }) => a.category === 'law')).toBe(true);
    const page = await env.api().get('/api/articles').query({ limit: 2 }).expect(200);
    expect(page.body.items).toHaveLength(2);
    const next = await env.api().get('/api/articles').query({ limit: 2, cursor: page.body.nextCursor }).expect(200);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
  });

  it('a reader counts once per day: the same reader twice in a day is 1, the next day 2', async () => {
    const a = await publishedArticle(env);
    const her = await env.userToken('reader-her');
    expect((await read(env, a.id, bearer(her.token))).body.views).toBe(1);
    expect((await read(env, a.id, bearer(her.token))).body.views).toBe(1);
    const burst = await Promise.all(Array.from({ length: 5 }, () => env.api().get(`/api/articles/${a.id}`).set(bearer(her.token))));
    expect(burst.every((r) => r.status === 200 && r.body.views === 1)).toBe(true);
    env.clock.advance(86400_000);
    try {
      expect((await read(env, a.id, bearer(her.token))).body.views).toBe(2);
      expect((await read(env, a.id, bearer(her.token))).body.views).toBe(2);
    } finally {
      env.clock.reset();
    }
  });

  it('anonymous readers are told apart by X-Reader-Id, or else by address and browser; staff previews do not count', async () => {
    const a = await publishedArticle(env);
    expect((await read(env, a.id, { 'X-Reader-Id': 'anon-reader-0001' })).body.views).toBe(1);
    expect((await read(env, a.id, { 'X-Reader-Id': 'anon-reader-0001' })).body.views).toBe(1);
    expect((await read(env, a.id, { 'X-Reader-Id': 'anon-reader-0002' })).body.views).toBe(2);
    expect((await read(env, a.id, { 'User-Agent': 'browser-A' })).body.views).toBe(3);
    expect((await read(env, a.id, { 'User-Agent': 'browser-A' })).body.views).toBe(3);
    expect((await read(env, a.id, { 'User-Agent': 'browser-B' })).body.views).toBe(4);
    const staff = await env.staffToken('center_staff', 'zj-station');
    expect((await read(env, a.id, bearer(staff.token))).body.views).toBe(4);
    const keys = await env.ds.getRepository(ArticleViewEntity).findBy({ articleId: a.id });
    expect(keys).toHaveLength(4);
    expect(keys.every((k) => !k.readerKey.includes('anon-reader') && !k.readerKey.includes('127.0.0.1'))).toBe(true);
    const stats = await env.services.content.articleStats({ from: new Date(env.clock.now().getTime() - 86400_000), to: new Date(env.clock.now().getTime() + 86400_000) });
    expect(stats.views).toBeGreaterThanOrEqual(4);
    expect(stats.published).toBeGreaterThanOrEqual(1);
  });

  it('the body is sanitised when saved: scripts, event handlers and javascript: links go, allowed tags stay', async () => {
    const dirty = '<h2 onclick="x()">标题</h2><p>正文<script>alert(1)</script></p><img src="https://img.example.org/c.png" onerror="alert(2)" alt="图"><a href="javascript:alert(3)">坏链接</a><a href="https://www.gov.cn/">好链接</a><ul><li><strong>要点</strong></li></ul>';
    const a = await publishedArticle(env, dirty);
    expect(a.body).toBe('<h2>标题</h2><p>正文</p><img src="https://img.example.org/c.png" alt="图" /><a>坏链接</a><a href="https://www.gov.cn/" rel="noopener noreferrer">好链接</a><ul><li><strong>要点</strong></li></ul>');
    const shown = await read(env, a.id);
    expect(shown.body.body).toBe(a.body);
    const admin = await env.adminToken();
    const edited = await env.api().patch(`/api/staff/articles/${a.id}`).set(bearer(admin)).send({ body: '<p onmouseover="steal()">改</p><iframe src="https://evil.example"></iframe>' }).expect(200);
    expect(edited.body.body).toBe('<p>改</p>');
    const onlyScript = await env.api().post('/api/staff/articles').set(bearer(admin)).send({ category: 'law', title: '只有脚本', body: '<script>alert(1)</script>' }).expect(400);
    expect(onlyScript.body.error.details[0].path).toBe('body');
  });

  it('unpublished articles disappear from the public list and page; republishing keeps the first date', async () => {
    const a = await publishedArticle(env);
    const admin = await env.adminToken();
    const firstDate = (await read(env, a.id)).body.publishedAt;
    await env.api().patch(`/api/staff/articles/${a.id}`).set(bearer(admin)).send({ published: false }).expect(200);
    await env.api().get(`/api/articles/${a.id}`).expect(404);
    const list = await env.api().get('/api/articles').query({ limit: 50 }).expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    env.clock.advance(3600_000);
    try {
      await env.api().patch(`/api/staff/articles/${a.id}`).set(bearer(admin)).send({ published: true }).expect(200);
      expect((await read(env, a.id)).body.publishedAt).toBe(firstDate);
    } finally {
      env.clock.reset();
    }
  });

  it('center staff edit their own center’s articles; other centers’ are 404; a woman or a lawyer cannot manage (403)', async () => {
    const zj = await env.staffToken('center_staff', 'zj-station');
    const own = await env.api().post('/api/staff/articles').set(bearer(zj.token)).send({ category: 'family_education', title: '中心的文章', body: '<p>内容</p>' }).expect(201);
    expect(own.body).toMatchObject({ published: false, centerId: await env.centerId('zj-station') });
    await env.api().get(`/api/articles/${own.body.id}`).expect(404);
    await env.api().patch(`/api/staff/articles/${own.body.id}`).set(bearer(zj.token)).send({ published: true }).expect(200);
    await env.api().get(`/api/articles/${own.body.id}`).expect(200);
    const other = await env.staffToken('center_staff', 'wuchuan');
    await env.api().patch(`/api/staff/articles/${own.body.id}`).set(bearer(other.token)).send({ title: '改别人的' }).expect(404);
    await env.api().get(`/api/staff/articles/${own.body.id}`).set(bearer(other.token)).expect(404);
    const adminArticle = await publishedArticle(env);
    await env.api().patch(`/api/staff/articles/${adminArticle.id}`).set(bearer(zj.token)).send({ title: '改管理员的' }).expect(404);
    const woman = await env.userToken('not-an-editor');
    await env.api().post('/api/staff/articles').set(bearer(woman.token)).send({ category: 'law', title: '我来写', body: '<p>x</p>' }).expect(403);
    const lawyer = await env.staffToken('lawyer', 'zj-station');
    await env.api().get('/api/staff/articles').set(bearer(lawyer.token)).expect(403);
  });

  it('bad input is a 400 naming the fields', async () => {
    const admin = await env.adminToken();
    const bad = await env.api().post('/api/staff/articles').set(bearer(admin)).send({ category: 'gossip', title: '', body: '', coverUrl: 'javascript:alert(1)' }).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body', 'category', 'coverUrl', 'title']);
    const http = await env.api().post('/api/staff/articles').set(bearer(admin)).send({ category: 'law', title: '封面不安全', body: '<p>x</p>', coverUrl: 'http://img.example.org/a.png' }).expect(400);
    expect(http.body.error.details[0].path).toBe('coverUrl');
    await env.api().post('/api/staff/articles').set(bearer(admin)).send({ category: 'law', title: '封面可以', body: '<p>x</p>', coverUrl: '/uploads/covers/a.jpg' }).expect(201);
    await env.api().get('/api/articles').query({ limit: 500 }).expect(400);
    await env.api().get('/api/articles/NoSuchArticle123456').expect(404);
  });
});
