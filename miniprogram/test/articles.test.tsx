import { act, fireEvent, render, screen } from '@testing-library/react';
import ArticlePage from '../src/pages/law/article';
import LawPage from '../src/pages/law/index';
import { resetReaderId } from '../src/services/content';
import { htmlToNodes, nodesText } from '../src/services/rich-text';
import Taro, { setRouterParams } from './doubles/taro';
import { article } from './class-fixtures';
import { mockApi } from './helpers';

type Call = { url: string; method?: string; header?: Record<string, string> };
const calls = (request: jest.Mock) => request.mock.calls.map(([o]) => o as Call);

beforeEach(() => resetReaderId());

/** What a body would look like if something unsafe ever got past the server. */
const HOSTILE =
  '<p onclick="steal()">第一段<script>window.__pwned = true</script></p>' +
  '<img src="x" onerror="window.__pwned = true">' +
  '<img src="https://img.example.com/a.png" onerror="window.__pwned = true" alt="示意图">' +
  '<a href="javascript:alert(1)">危险链接</a> <a href="https://www.court.gov.cn/">法院网站</a>' +
  '<iframe src="https://evil.example.com"></iframe><style>body{display:none}</style>' +
  '<div>包在 div 里的文字 &amp; 符号 &lt;b&gt;</div>';

describe('article reader', () => {
  it('renders the body as real headings, paragraphs and lists', async () => {
    setRouterParams({ id: 'art_dv_law_000000001' });
    mockApi({ 'GET /api/articles/art_dv_law_000000001': { statusCode: 200, data: article() } });
    render(<ArticlePage />);
    const heading = await screen.findByText('哪些行为属于家庭暴力');
    expect(heading.tagName).toBe('H2');
    expect(screen.getByText('身体上的伤害').tagName).toBe('LI');
    expect(screen.getByText(/很多人以为/).tagName).toBe('P');
    expect(screen.getByText(/普法 · 2026-11-20 · 阅读 12/)).toBeTruthy();
  });

  it('never inserts a script, an event handler, a javascript: link or a frame, even if the body had one', async () => {
    setRouterParams({ id: 'art_hostile_000000001' });
    mockApi({ 'GET /api/articles/art_hostile_000000001': { statusCode: 200, data: article({ id: 'art_hostile_000000001', body: HOSTILE }) } });
    render(<ArticlePage />);
    await screen.findByText('法院网站');
    const body = document.querySelector('.lw-body') as HTMLElement;
    expect(body.getAttribute('data-rich-text')).toBe('nodes'); // nodes, not an innerHTML string
    expect(body.querySelector('script, iframe, style, div')).toBeNull();
    expect(body.innerHTML).not.toMatch(/onerror|onclick|javascript:|__pwned|display:none/);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    const imgs = body.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0].getAttribute('src')).toBe('https://img.example.com/a.png');
    const links = Array.from(body.querySelectorAll('a'));
    expect(links.find((a) => a.textContent === '危险链接')?.getAttribute('href')).toBeNull();
    const safe = links.find((a) => a.textContent === '法院网站')!;
    expect(safe.getAttribute('href')).toBe('https://www.court.gov.cn/');
    expect(safe.getAttribute('rel')).toBe('noopener noreferrer');
    // Text survives, entities decoded once and shown as text, not markup.
    expect(body.textContent).toContain('包在 div 里的文字 & 符号 <b>');
    expect(body.querySelector('b')).toBeNull();
  });

  it('sends one random reader id for the whole visit (kept in memory, never stored)', async () => {
    setRouterParams({ id: 'art_dv_law_000000001' });
    const request = mockApi({ 'GET /api/articles/art_dv_law_000000001': { statusCode: 200, data: article() } });
    const first = render(<ArticlePage />);
    await screen.findByText('哪些行为属于家庭暴力');
    first.unmount();
    render(<ArticlePage />);
    await screen.findByText('哪些行为属于家庭暴力');
    const ids = calls(request).map((o) => o.header?.['X-Reader-Id']);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^r-/);
    expect(ids[1]).toBe(ids[0]);
    expect(Taro.setStorageSync).not.toHaveBeenCalled();
    expect(JSON.stringify({ ...window.localStorage })).not.toContain(ids[0]!);
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain(ids[0]!);
  });

  it('a 普法 article ends with the way into the quiz', async () => {
    setRouterParams({ id: 'art_dv_law_000000001' });
    mockApi({ 'GET /api/articles/art_dv_law_000000001': { statusCode: 200, data: article() } });
    render(<ArticlePage />);
    fireEvent.click(await screen.findByRole('button', { name: '做一做普法知识问答' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/law/quiz' });
  });
});

describe('普法 page', () => {
  it('lists 普法 articles first, switches category by tab, loads more with the cursor, and opens the quiz', async () => {
    const second = article({ id: 'art_second_000000001', title: '第二篇' });
    const request = mockApi({
      'GET /api/articles': (o: { url: string }) => {
        const q = new URL(o.url, 'http://localhost').searchParams;
        if (q.get('cursor') === '10') return { statusCode: 200, data: { items: [second], nextCursor: null } };
        if (q.get('category') === 'law') return { statusCode: 200, data: { items: [article()], nextCursor: '10' } };
        return { statusCode: 200, data: { items: [article({ id: 'art_family_000000001', category: 'family_education', title: '陪伴孩子的十个小方法' })], nextCursor: null } };
      },
    });
    render(<LawPage />);
    fireEvent.click(await screen.findByText('什么是家庭暴力？读懂《反家庭暴力法》第二条'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/law/article?id=art_dv_law_000000001' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    });
    expect(await screen.findByText('第二篇')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '家庭教育' }));
    });
    expect(await screen.findByText('陪伴孩子的十个小方法')).toBeTruthy();
    expect(calls(request).map((o) => o.url)).toEqual([
      '/api/articles?category=law&limit=10',
      '/api/articles?category=law&cursor=10&limit=10',
      '/api/articles?category=family_education&limit=10',
    ]);
    fireEvent.click(screen.getByText('普法知识问答 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/law/quiz' });
  });
});

describe('rich-text nodes', () => {
  it('keeps only the allowlisted tags, unwraps unknown ones and drops code with its content', () => {
    const nodes = htmlToNodes('<h1>标题</h1><p>甲<span>乙</span><br>丙</p><noscript>不要</noscript><ol><li>一</li></ol>');
    expect(nodes.map((n) => ('name' in n ? n.name : '#text'))).toEqual(['#text', 'p', 'ol']);
    expect(nodesText(nodes)).toBe('标题甲乙丙一');
    const p = nodes[1] as { children: Array<{ name?: string }> };
    expect(p.children.map((c) => c.name ?? '#text')).toEqual(['#text', 'br', '#text']);
  });

  it('allows images only from https or this service’s /uploads/', () => {
    const srcs = htmlToNodes('<img src="/uploads/a.png"><img src="http://x.example/a.png"><img src="data:image/png;base64,AAA"><img src="https://x.example/b.png">')
      .map((n) => ('name' in n ? n.attrs.src : null));
    expect(srcs).toEqual(['/uploads/a.png', 'https://x.example/b.png']);
  });
});
