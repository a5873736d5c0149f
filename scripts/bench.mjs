// `npm run bench`: autocannon against the real server (SQLite, and MariaDB/MySQL when reachable)
// beside a bare Koa route served by the same process. Prints req/s, p50/p99 latency and the ratio
// to the bare baseline, and writes the table to docs/benchmarks.md. Loopback only; bounded runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { ROOT, buildServer } from './lib/build.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const autocannon = require('autocannon');
const mysql = require(require.resolve('mysql2/promise', { paths: [path.join(ROOT, 'server')] }));

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MYSQL_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';

const ENDPOINTS = [
  { name: 'bare Koa route (baseline)', bare: true, path: '/' },
  { name: 'GET /api/centers', path: '/api/centers' },
  { name: 'GET /api/centers/nearest', path: '/api/centers/nearest?lat=21.441&lng=110.779&service=protection_order' },
];

function fire(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1 }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

async function startServer(dbUrl) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/bench-server.mjs'), dbUrl], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { child, ...JSON.parse(line) };
}

async function benchDatabase(label, dbUrl) {
  const server = await startServer(dbUrl);
  const rows = [];
  try {
    for (const ep of ENDPOINTS) {
      const port = ep.bare ? server.barePort : server.appPort;
      await fire(`http://127.0.0.1:${port}${ep.path}`); // warm-up (JIT, caches, pool)
      const r = await fire(`http://127.0.0.1:${port}${ep.path}`);
      if (r.non2xx || r.errors) throw new Error(`${ep.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      rows.push({ db: label, endpoint: ep.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
    }
  } finally {
    server.child.kill('SIGTERM');
  }
  const base = rows[0].rps;
  return rows.map((r) => ({ ...r, ratio: r.rps / base }));
}

async function mysqlDatabase() {
  try {
    const conn = await mysql.createConnection({ uri: MYSQL_URL, connectTimeout: 3000 });
    const name = `zjh_bench_${process.pid}`;
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    const url = new URL(MYSQL_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = await mysql.createConnection({ uri: MYSQL_URL });
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  } catch (err) {
    console.log(`MariaDB/MySQL at ${MYSQL_URL.replace(/\/\/[^@]*@/, '//…@')} not reachable (${err.code ?? err.message}); benchmarking SQLite only.`);
    return null;
  }
}

buildServer();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zjh-bench-'));
const results = [...(await benchDatabase('SQLite', `sqlite:${path.join(tmp, 'bench.sqlite')}`))];
const my = await mysqlDatabase();
if (my) {
  try {
    results.push(...(await benchDatabase('MariaDB', my.url)));
  } finally {
    await my.drop();
  }
}
fs.rmSync(tmp, { recursive: true, force: true });

const header = '| database | endpoint | req/s | p50 ms | p99 ms | ratio to baseline |\n|---|---|---:|---:|---:|---:|';
const table = results.map((r) => `| ${r.db} | ${r.endpoint} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.ratio.toFixed(2)} |`).join('\n');
console.log(`\n${header}\n${table}\n`);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const doc = `# Benchmarks

Produced by \`npm run bench\` (scripts/bench.mjs). Each database run starts one server process that
serves the real app and, beside it in the same process, a bare Koa route returning \`{ok:true}\`:
the baseline. autocannon (${CONNECTIONS} connections, ${DURATION} s after a ${DURATION} s warm-up, loopback)
measures each endpoint in turn; "ratio to baseline" is the endpoint's req/s divided by the bare
route's in the same run, so it compares code, not machines. Request logging is on (to /dev/null),
as in production.

Last run: ${new Date().toISOString()} on ${os.cpus().length} × ${cpu}, Node ${process.version}.

${header}
${table}
`;
fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), doc);
console.log('Written to docs/benchmarks.md');
