import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApp, createServices } from './app';
import { ConfigError, loadConfig } from './lib/config';
import { openDataSource } from './lib/db/data-source';
import { createLogger } from './lib/logger';
import { migrateAndSeed } from './lib/bootstrap';
import { loadOrCreateKey, setFieldKey } from './lib/field-crypto';

/** Entry point: validate config, open the database, migrate + seed, serve, announce. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let keySource: string;
  try {
    const { key, source } = loadOrCreateKey({ ...config.encryption, production: config.env === 'production' });
    setFieldKey(key);
    keySource = source;
  } catch (err) {
    console.error(`Encryption key: ${(err as Error).message}`);
    process.exit(2);
  }
  let ds;
  try {
    ds = await openDataSource(config.database);
  } catch (err) {
    console.error(`无法连接数据库 / cannot open the database (${config.database.kind}): ${(err as Error).message}`);
    process.exit(3);
  }
  const deps = { ds, config, logger };
  const services = createServices(deps);
  const boot = await migrateAndSeed(ds, services, config.adminPassword);
  const { app } = createApp(deps, services);
  const server: Server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;

  const lines = [
    '',
    '湛家和 is running.',
    `  App (H5):      ${url}/`,
    `  Back office:   ${url}/staff/pages/login/index`,
    `  API:           ${url}/api  (OpenAPI: ${url}/api/openapi.json)`,
    `  Encryption:    sensitive fields sealed with AES-256-GCM, key from ${keySource}`,
    `  Uploads:       ${services.fileStorage.description} (sealed; FILE_STORAGE_DIR)`,
    `  Database:      ${config.database.kind === 'sqlite' ? `SQLite ${config.database.sqlitePath}` : 'MySQL/MariaDB (DATABASE_URL)'}`,
    boot.migrations.length ? `  Migrations:    applied ${boot.migrations.join(', ')}` : '  Migrations:    up to date',
    boot.centersSeeded ? `  Seed:          ${boot.centersSeeded} service centers (sample coordinates)` : '',
    boot.providersSeeded ? `                 ${boot.providersSeeded} sample providers (counsellors Wed, lawyers Thu at 湛江站; no password until the admin sets one)` : '',
    boot.classesSeeded || boot.contentSeeded ? '                 sample classes, articles and 普法 quiz questions' : '',
    `  Staff sign-in: user "admin", password ${
      boot.admin.generatedPassword
        ? `${boot.admin.generatedPassword}  (generated now and shown only this once; set ADMIN_PASSWORD to choose it)`
        : boot.admin.created
          ? 'from ADMIN_PASSWORD'
          : 'as set when the database was created (ADMIN_PASSWORD or the password printed on first start)'
    }`,
    config.wechat.mode === 'development'
      ? '  WeChat:        DEVELOPMENT MODE — no WECHAT_APPID/WECHAT_SECRET, any login code is accepted (never use this for real users)'
      : '  WeChat:        live (code2Session with WECHAT_APPID)',
    '',
  ].filter((l) => l !== '');
  console.log(lines.join('\n') + '\n');
  logger.info({ port, db: config.database.kind, wechat: config.wechat.mode }, 'server started');

  const stopScheduler = services.notifications.start(config.schedulerIntervalMs);
  const housekeeping = setInterval(() => {
    services.auth.purgeExpiredSessions().catch((err) => logger.warn({ err }, 'session purge failed'));
  }, 3600_000);
  housekeeping.unref();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    stopScheduler();
    server.close();
    await ds.destroy().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
