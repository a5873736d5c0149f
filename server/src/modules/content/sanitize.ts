import sanitizeHtml from 'sanitize-html';

/*
 * Article bodies are rich text written in the back office and shown to everyone: only a small,
 * inert subset of HTML survives. Links go to http(s) only and open without handing over the
 * window; images come from https or our own /uploads/. Scripts, styles, frames, event handlers
 * and javascript:/data: URLs are removed, with their content where that content is code.
 */
const SAFE_HREF = /^https?:\/\/[^\s]+$/i;
const SAFE_SRC = /^(https:\/\/[^\s]+|\/uploads\/[A-Za-z0-9._\-/]+)$/;

const none = (): sanitizeHtml.Attributes => ({});

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'a', 'img'],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = (attribs.href ?? '').trim();
      return { tagName, attribs: SAFE_HREF.test(href) ? { href, rel: 'noopener noreferrer' } : none() };
    },
    img: (tagName, attribs) => {
      const src = (attribs.src ?? '').trim();
      return { tagName, attribs: SAFE_SRC.test(src) ? { src, alt: attribs.alt ?? '' } : none() };
    },
    b: 'strong',
    i: 'em',
    h1: 'h2',
  },
  // An image without a safe source is dropped entirely rather than left as an empty <img>.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** The safe HTML of an article body. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of HTML (for summaries and length checks). */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
