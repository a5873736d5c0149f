import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import mysql from 'mysql2/promise';
import type { Config } from '../config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';

/**
 * Builds the DataSource for the configured database; nothing connects until initialize().
 * `flavor` matters for MySQL URLs: TypeORM reads MariaDB's catalogue differently (column defaults),
 * so openDataSource() asks the server which one it is.
 */
export function createDataSource(db: Config['database'], flavor: 'mysql' | 'mariadb' = 'mysql'): DataSource {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (db.kind === 'sqlite') {
    const file = db.sqlitePath ?? ':memory:';
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const options: DataSourceOptions = {
      ...common,
      type: 'better-sqlite3',
      database: file,
      prepareDatabase: (sqlite: { pragma: (s: string) => unknown }) => {
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('foreign_keys = ON');
        sqlite.pragma('busy_timeout = 5000');
      },
    };
    return new DataSource(options);
  }
  const options: DataSourceOptions = {
    ...common,
    type: flavor,
    url: db.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
    extra: { connectionLimit: 10, connectTimeout: 5000 },
  };
  return new DataSource(options);
}

/** Asks a MySQL-protocol server whether it is MariaDB. */
export async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const conn = await mysql.createConnection({ uri: url, connectTimeout: 5000 });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/** Creates and connects the DataSource for `db`, detecting MariaDB behind a mysql:// URL. */
export async function openDataSource(db: Config['database']): Promise<DataSource> {
  const flavor = db.kind === 'mysql' ? await detectMysqlFlavor(db.url) : 'mysql';
  return initializeDataSource(createDataSource(db, flavor));
}

/** Every pooled MariaDB connection works in UTC so NOW() and datetime values agree with the app. */
export async function initializeDataSource(ds: DataSource): Promise<DataSource> {
  await ds.initialize();
  if (ds.options.type === 'mysql' || ds.options.type === 'mariadb') {
    const pool = (ds.driver as unknown as { pool: { on: (ev: string, fn: (c: { query: (s: string) => void }) => void) => void } }).pool;
    pool.on('connection', (conn) => conn.query("SET time_zone = '+00:00'"));
    await ds.query("SET time_zone = '+00:00'");
  }
  return ds;
}

export function databaseKind(ds: DataSource): 'sqlite' | 'mysql' {
  return ds.options.type === 'mysql' || ds.options.type === 'mariadb' ? 'mysql' : 'sqlite';
}
