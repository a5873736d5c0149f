/*
 * Article bodies arrive as HTML the server has already sanitised. The client still does not hand
 * that string to innerHTML: it rebuilds it as RichText nodes from a short allowlist (the same tags
 * the server keeps), so even a body that slipped past the server could not run a script, carry an
 * event handler or load from an unexpected place. WeChat's <rich-text> and Taro's H5 one both
 * render these nodes; text nodes become plain text, never markup.
 */

export interface RichTextElement {
  name: string;
  attrs: Record<string, string>;
  children: RichNode[];
}
export interface RichTextText {
  type: 'text';
  text: string;
}
export type RichNode = RichTextElement | RichTextText;

const ALLOWED = new Set(['p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'a', 'img']);
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param']);
/** Tags whose content is code or form state, dropped with everything inside. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title', 'head']);

const SAFE_HREF = /^https?:\/\/[^\s"'<>`]+$/i;
const SAFE_SRC = /^(https:\/\/[^\s"'<>`]+|\/uploads\/[A-Za-z0-9._\-/]+)$/;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** Decodes the entities sanitised HTML contains (named basics and numeric). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ent.toLowerCase()] ?? whole;
  });
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** Only the attributes an element may keep, plus a class for styling; null drops the element. */
function safeAttrs(name: string, raw: Record<string, string>, h5: boolean): Record<string, string> | null {
  const attrs: Record<string, string> = { class: `rt-${name}` };
  if (name === 'a') {
    const href = (raw.href ?? '').trim();
    if (SAFE_HREF.test(href)) {
      attrs.href = href;
      attrs.rel = 'noopener noreferrer';
      if (h5) attrs.target = '_blank';
    }
  }
  if (name === 'img') {
    const src = (raw.src ?? '').trim();
    if (!SAFE_SRC.test(src)) return null;
    attrs.src = src;
    attrs.alt = raw.alt ?? '';
    // WeChat's rich-text sizes images by their own width unless told otherwise.
    attrs.style = 'max-width:100%;height:auto;';
  }
  return attrs;
}

/**
 * Sanitised article HTML → RichText nodes. Unknown tags are unwrapped (their text stays), code-like
 * tags disappear with their content, attributes other than a safe href / src / alt are dropped.
 */
export function htmlToNodes(html: string, opts: { h5?: boolean } = {}): RichNode[] {
  const root: RichTextElement = { name: '#root', attrs: {}, children: [] };
  const stack: RichTextElement[] = [root];
  const top = () => stack[stack.length - 1];
  const pushText = (raw: string) => {
    const text = decodeEntities(raw);
    if (!text) return;
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if (last && 'type' in last) last.text += text;
    else siblings.push({ type: 'text', text });
  };

  const tag = /<!--[\s\S]*?(?:-->|$)|<\/\s*([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^>]*?)?)\s*(\/?)>|<![^>]*>|<\?[^>]*>/g;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    if (m.index > pos) pushText(html.slice(pos, m.index));
    pos = tag.lastIndex;
    const [, closing, opening, attrSource, selfClosing] = m;
    if (closing) {
      const name = closing.toLowerCase();
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    if (!opening) continue; // comment, doctype, processing instruction
    const name = opening.toLowerCase();
    if (DROP_WITH_CONTENT.has(name)) {
      if (!selfClosing && !VOID.has(name)) {
        const end = new RegExp(`</\\s*${name}\\s*>`, 'ig');
        end.lastIndex = pos;
        const found = end.exec(html);
        pos = found ? end.lastIndex : html.length;
        tag.lastIndex = pos;
      }
      continue;
    }
    if (!ALLOWED.has(name)) continue; // unwrap: the tag goes, its text stays
    const attrs = safeAttrs(name, parseAttrs(attrSource ?? ''), opts.h5 === true);
    if (!attrs) continue;
    const el: RichTextElement = { name, attrs, children: [] };
    top().children.push(el);
    if (!VOID.has(name) && !selfClosing) stack.push(el);
  }
  if (pos < html.length) pushText(html.slice(pos));
  return root.children;
}

/** The plain text of nodes (for tests and summaries). */
export function nodesText(nodes: RichNode[]): string {
  return nodes.map((n) => ('type' in n ? n.text : nodesText(n.children))).join('');
}
