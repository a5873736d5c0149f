// Build steps shared by `npm start`, `npm test` and `npm run bench`: each runs only when its output
// is missing or older than its sources, so a fresh clone builds everything and a warm one nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (/node_modules|dist|\.temp|\.cache/.test(path.basename(p))) return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else if (!/\.test\.tsx?$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) walk(path.join(ROOT, p));
  return newest;
}

function mtime(file) {
  try {
    return fs.statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return 0;
  }
}

export function run(cmd, args, opts = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env, ...opts });
  if (res.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
  return Date.now() - started;
}

const CLIENT_SOURCES = ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'miniprogram/package.json', 'shared/src'];

export function buildServer() {
  return run('npx', ['tsc', '-b', 'shared', 'server']);
}

export function buildClient(target, { force = false } = {}) {
  const marker = target === 'h5' ? 'miniprogram/dist/h5/index.html' : 'miniprogram/dist/weapp/app.json';
  if (!force && mtime(marker) > newestMtime(CLIENT_SOURCES)) return 0;
  console.log(`Building the ${target === 'h5' ? 'H5 app' : 'WeChat mini-program'} (${target})…`);
  return run('npm', ['run', `build:${target}`, '--silent']);
}
