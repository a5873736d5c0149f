import { plainText, sanitizeArticleHtml } from './sanitize';

describe('article rich-text sanitising', () => {
  it('removes script and style elements together with their code', () => {
    const out = sanitizeArticleHtml('<p>你好</p><script>alert(1)</script><style>p{color:red}</style><p>再见</p>');
    expect(out).toBe('<p>你好</p><p>再见</p>');
  });

  it('removes event handlers such as onerror and onclick but keeps the safe element', () => {
    const out = sanitizeArticleHtml('<img src="https://img.example.org/a.png" alt="封面" onerror="alert(1)"><p onclick="steal()">正文</p>');
    expect(out).toBe('<img src="https://img.example.org/a.png" alt="封面" /><p>正文</p>');
    expect(out).not.toMatch(/onerror|onclick|alert|steal/);
  });

  it('drops javascript: and data: links, including entity-encoded ones, and keeps the text', () => {
    const out = sanitizeArticleHtml('<a href="javascript:alert(1)">点我</a> <a href="jav&#x61;script:alert(2)">再点</a> <a href="data:text/html,x">数据</a>');
    expect(out).not.toMatch(/javascript|data:|href/);
    expect(plainText(out)).toBe('点我 再点 数据');
  });

  it('keeps http(s) links and marks them rel="noopener noreferrer"; drops relative and mailto links', () => {
    expect(sanitizeArticleHtml('<a href="https://www.gov.cn/" target="_blank">政府网</a>')).toBe('<a href="https://www.gov.cn/" rel="noopener noreferrer">政府网</a>');
    expect(sanitizeArticleHtml('<a href="/api/admin">站内</a><a href="mailto:a@b.c">邮件</a>')).toBe('<a>站内</a><a>邮件</a>');
  });

  it('keeps images from https and /uploads/ only; others disappear', () => {
    expect(sanitizeArticleHtml('<img src="/uploads/2026/cover.jpg" alt="图">')).toBe('<img src="/uploads/2026/cover.jpg" alt="图" />');
    expect(sanitizeArticleHtml('<img src="http://insecure.example/a.png"><img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA">')).toBe('');
  });

  it('removes iframes, forms, inline styles and classes; keeps the allowed structure', () => {
    const html = '<h2 style="color:red" class="x">标题</h2><iframe src="https://evil.example"></iframe><form><input></form><h3>小标题</h3><h4>四级</h4>'
      + '<ul><li><strong>粗</strong></li></ul><ol><li><em>斜</em></li></ol><blockquote>引用</blockquote>';
    expect(sanitizeArticleHtml(html)).toBe('<h2>标题</h2><h3>小标题</h3><h4>四级</h4><ul><li><strong>粗</strong></li></ul><ol><li><em>斜</em></li></ol><blockquote>引用</blockquote>');
  });

  it('turns an <svg onload> payload and a nested <scr<script>ipt> trick into nothing executable', () => {
    const out = sanitizeArticleHtml('<svg onload="alert(1)"><circle/></svg><scr<script>ipt>alert(2)</script><p>ok</p>');
    expect(out).not.toMatch(/<script|<svg|onload/i);
    expect(out).toContain('<p>ok</p>');
  });
});
