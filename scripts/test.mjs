// `npm test`: builds what the cross-app tests need, runs every Jest project, prints a plain summary.
// Server API tests run on SQLite, and also on MariaDB/MySQL when TEST_DATABASE_URL is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, buildClient, buildServer } from './lib/build.mjs';

const args = process.argv.slice(2);
const t0 = Date.now();
const times = { server: buildServer(), h5: buildClient('h5'), weapp: buildClient('weapp') };
console.log(`Builds ready (server ${times.server} ms, h5 ${times.h5} ms, weapp ${times.weapp} ms).`);
console.log(process.env.TEST_DATABASE_URL ? 'API tests run on SQLite and on TEST_DATABASE_URL.' : 'API tests run on SQLite (set TEST_DATABASE_URL=mysql://… to add MariaDB/MySQL).');

const report = path.join(os.tmpdir(), `zjh-jest-${process.pid}.json`);
const res = spawnSync('npx', ['jest', '--json', `--outputFile=${report}`, ...args], { cwd: ROOT, stdio: 'inherit', env: process.env });
let summary = '';
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const byProject = new Map();
  for (const file of r.testResults) {
    const project = path.relative(ROOT, file.name).split(path.sep)[0];
    const row = byProject.get(project) ?? { passed: 0, failed: 0, skipped: 0 };
    for (const t of file.assertionResults) {
      if (t.status === 'passed') row.passed++;
      else if (t.status === 'failed') row.failed++;
      else row.skipped++;
    }
    byProject.set(project, row);
  }
  console.log('\nTests by folder:');
  for (const [project, row] of byProject) console.log(`  ${project.padEnd(12)} ${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ''}`);
  if (r.numRuntimeErrorTestSuites) console.log(`  ${r.numRuntimeErrorTestSuites} test file(s) could not run`);
  console.log(`\nTotal time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  summary = `${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`;
  fs.rmSync(report, { force: true });
} catch {
  summary = `0 passed, 1 failed`;
}
console.log(summary);
process.exit(res.status ?? 1);
