// Child process of `npm run bench`: the real app on one port and, in the same process, a bare Koa
// route on another, so both share the runtime and the machine exactly.
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './lib/build.mjs';

const require = createRequire(path.join(ROOT, 'server/package.json'));
require('reflect-metadata');
const pino = require('pino');
const Koa = require('koa');
const { parseDatabaseUrl, testConfig } = require(path.join(ROOT, 'server/dist/lib/config.js'));
const { openDataSource } = require(path.join(ROOT, 'server/dist/lib/db/data-source.js'));
const { createLogger } = require(path.join(ROOT, 'server/dist/lib/logger.js'));
const { createApp, createServices } = require(path.join(ROOT, 'server/dist/app.js'));
const { migrateAndSeed } = require(path.join(ROOT, 'server/dist/lib/bootstrap.js'));

const database = parseDatabaseUrl(process.argv[2]);
const ds = await openDataSource(database);
const config = testConfig({ database, logLevel: 'info' });
const logger = createLogger('info', pino.destination('/dev/null'));
const deps = { ds, config, logger };
const services = createServices(deps);
await migrateAndSeed(ds, services, 'bench-admin-password');
const { app } = createApp(deps, services);
const bare = new Koa();
bare.use((ctx) => {
  ctx.body = { ok: true };
});
const listen = (a) => new Promise((resolve) => { const s = a.listen(0, '127.0.0.1', () => resolve(s)); });
const appServer = await listen(app);
const bareServer = await listen(bare);
process.stdout.write(JSON.stringify({ appPort: appServer.address().port, barePort: bareServer.address().port }) + '\n');
process.on('SIGTERM', async () => {
  appServer.close();
  bareServer.close();
  await ds.destroy();
  process.exit(0);
});
