import fs from 'node:fs';
import path from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the H5 build (client pages and the staff back office) with a single-page fallback: any
 * GET outside /api that is not a file gets index.html, so deep links work in browser-router mode.
 */
export function serveH5(root: string) {
  const resolvedRoot = path.resolve(root);
  return async (ctx: Context, next: Next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path);
    } catch {
      ctx.status = 400;
      return;
    }
    const file = path.resolve(resolvedRoot, '.' + path.posix.normalize(rel));
    if (!file.startsWith(resolvedRoot)) return next();
    let target = file;
    let stat = await fs.promises.stat(target).catch(() => null);
    if (stat?.isDirectory()) {
      target = path.join(target, 'index.html');
      stat = await fs.promises.stat(target).catch(() => null);
    }
    if (!stat || !stat.isFile()) {
      if (path.extname(rel)) return next(); // a missing asset is a 404, not the app shell
      target = path.join(resolvedRoot, 'index.html');
      stat = await fs.promises.stat(target).catch(() => null);
      if (!stat) {
        ctx.status = 503;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = 'H5 应用尚未构建：请运行 npm run build:h5（npm start 会自动构建）。';
        return;
      }
    }
    const ext = path.extname(target);
    // Hashed assets can be cached; HTML must always be fresh.
    ctx.set('Cache-Control', ext === '.html' ? 'no-cache' : /\.[0-9a-f]{8,}\./.test(target) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    if (ctx.method === 'HEAD') {
      ctx.status = 200;
    } else {
      ctx.body = fs.createReadStream(target);
    }
    ctx.type = TYPES[ext] ?? 'application/octet-stream';
    ctx.length = stat.size;
  };
}
