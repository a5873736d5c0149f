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
// Booking fixture: a provider open every day, all day, in 15-minute slots, and enough anonymous
// clients (3 future bookings each) that every booking request in the run can take a fresh slot.
const { shanghaiDate } = require(path.join(ROOT, 'shared/dist/index.js'));
const now = new Date();
const staff = await services.auth.createStaff(
  { kind: 'staff', staffId: 'bench', role: 'admin', centerId: null, displayName: 'bench' },
  { username: `bench.lawyer.${process.pid}`, password: 'bench-password-1', displayName: '压测律师', role: 'lawyer', centerId: (await services.centers.list())[0].id },
);
await services.providers.configure(
  { kind: 'staff', staffId: 'bench', role: 'admin', centerId: null, displayName: 'bench' },
  staff.id,
  { slotMinutes: 15, bufferMinutes: 0, modes: ['phone'], rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' })) },
);
const slots = await services.bookings.slots({ kind: 'legal', providerId: staff.id, from: shanghaiDate(now), to: shanghaiDate(new Date(now.getTime() + 29 * 86400_000)) });
const tokens = [];
for (let i = 0; i < Math.ceil(slots.length / 3); i++) tokens.push((await services.auth.loginDevice()).token);
const fixture = { providerId: staff.id, centerId: slots[0].centerId, starts: slots.map((s) => s.start), tokens, today: shanghaiDate(now), inWeek: shanghaiDate(new Date(now.getTime() + 7 * 86400_000)) };

const bare = new Koa();
bare.use((ctx) => {
  ctx.body = { ok: true };
});
const listen = (a) => new Promise((resolve) => { const s = a.listen(0, '127.0.0.1', () => resolve(s)); });
const appServer = await listen(app);
const bareServer = await listen(bare);
process.stdout.write(JSON.stringify({ appPort: appServer.address().port, barePort: bareServer.address().port, fixture }) + '\n');
process.on('SIGTERM', async () => {
  appServer.close();
  bareServer.close();
  await ds.destroy();
  process.exit(0);
});
