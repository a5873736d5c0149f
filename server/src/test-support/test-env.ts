import 'reflect-metadata';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { StaffRole } from '@zjh/shared';
import { createApp, createServices, type Services } from '../app';
import { testConfig, type Config } from '../lib/config';
import { openDataSource } from '../lib/db/data-source';
import { createLogger } from '../lib/logger';
import { migrateAndSeed } from '../lib/bootstrap';
import { setFieldKey } from '../lib/field-crypto';
import { DevelopmentSubscribeSender } from '../adapters/subscribe-messages';

/** One random key per test process, as a real deployment has one key. */
setFieldKey(randomBytes(32));

/*
 * Every API test file runs against real databases: SQLite always, and MariaDB when
 * TEST_DATABASE_URL is set (CI sets it). Each file gets its own fresh database.
 */

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestDb {
  name: 'sqlite' | 'mariadb';
  url?: string;
}

export function testDatabases(): TestDb[] {
  const dbs: TestDb[] = [{ name: 'sqlite' }];
  if (process.env.TEST_DATABASE_URL) dbs.push({ name: 'mariadb', url: process.env.TEST_DATABASE_URL });
  return dbs;
}

/** A settable clock so expiry and lockout can be tested without waiting. */
export class TestClock {
  private offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
  reset() {
    this.offsetMs = 0;
  }
}

export interface TestEnv {
  db: TestDb;
  ds: DataSource;
  config: Config;
  services: Services;
  server: Server;
  api: () => TestAgent;
  clock: TestClock;
  logs: string[];
  sent: DevelopmentSubscribeSender['sent'];
  centerId(code: string): Promise<string>;
  adminToken(): Promise<string>;
  staffToken(role: StaffRole, centerCode: string | null, username?: string): Promise<{ token: string; id: string }>;
  userToken(code?: string): Promise<{ token: string; id: string }>;
}

async function createMariaDbDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `zjh_t_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: baseUrl });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await mysql.createConnection({ uri: baseUrl });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export async function openTestDatabase(db: TestDb): Promise<{ ds: DataSource; drop: () => Promise<void> }> {
  if (db.name === 'sqlite') {
    const ds = await openDataSource({ kind: 'sqlite', url: 'sqlite::memory:', sqlitePath: ':memory:' });
    return { ds, drop: async () => undefined };
  }
  const created = await createMariaDbDatabase(db.url!);
  const ds = await openDataSource({ kind: 'mysql', url: created.url });
  return { ds, drop: created.drop };
}

/** Builds the whole app on a fresh, migrated and seeded database for one describe block. */
export function useTestEnv(db: TestDb, overrides: Partial<Config> = {}): TestEnv {
  const env = { db } as TestEnv;
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const opened = await openTestDatabase(db);
    drop = opened.drop;
    env.ds = opened.ds;
    env.clock = new TestClock();
    env.logs = [];
    env.config = testConfig({ logLevel: 'info', ...overrides });
    const sink = new Writable({
      write(chunk, _enc, cb) {
        env.logs.push(String(chunk));
        cb();
      },
    });
    const logger = createLogger('info', sink);
    const sender = new DevelopmentSubscribeSender();
    env.sent = sender.sent;
    const deps = { ds: env.ds, config: env.config, logger, now: env.clock.now, subscribeSender: sender };
    env.services = createServices(deps);
    await migrateAndSeed(env.ds, env.services, ADMIN_PASSWORD);
    const { app } = createApp(deps, env.services);
    env.server = app.listen(0);
    env.api = () => request(env.server);
    const codes = new Map<string, string>();
    env.centerId = async (code) => {
      if (!codes.size) for (const c of await env.services.centers.list()) codes.set(c.code, c.id);
      const id = codes.get(code);
      if (!id) throw new Error(`no center ${code}`);
      return id;
    };
    let adminToken: string | undefined;
    env.adminToken = async () => {
      adminToken ??= (await env.api().post('/api/auth/staff').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200)).body.token as string;
      return adminToken;
    };
    let n = 0;
    env.staffToken = async (role, centerCode, username) => {
      const name = username ?? `${role.replace('_', '')}${++n}${randomBytes(2).toString('hex')}`;
      const password = 'staff-password-123';
      const centerId = centerCode ? await env.centerId(centerCode) : null;
      const created = await env
        .api()
        .post('/api/admin/staff')
        .set('Authorization', `Bearer ${await env.adminToken()}`)
        .send({ username: name, password, displayName: `测试${role}`, role, centerId })
        .expect(201);
      const login = await env.api().post('/api/auth/staff').send({ username: name, password }).expect(200);
      return { token: login.body.token as string, id: created.body.id as string };
    };
    env.userToken = async (code) => {
      const res = code
        ? await env.api().post('/api/auth/wechat').send({ code }).expect(200)
        : await env.api().post('/api/auth/device').send({}).expect(200);
      return { token: res.body.token as string, id: res.body.user.id as string };
    };
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => (env.server ? env.server.close(() => resolve()) : resolve()));
    if (env.ds?.isInitialized) await env.ds.destroy();
    await drop();
  }, 60_000);
  return env;
}

/** Runs the same suite once per test database. */
export function describeEachDb(title: string, suite: (env: TestEnv) => void, overrides: Partial<Config> = {}): void {
  for (const db of testDatabases()) {
    describe(`${title} [${db.name}]`, () => {
      const env = useTestEnv(db, overrides);
      suite(env);
    });
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
