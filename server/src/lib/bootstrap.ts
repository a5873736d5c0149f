import type { DataSource } from 'typeorm';
import type { Services } from '../app';

/** Migrates and seeds an empty database. Safe to run on every start. */
export async function migrateAndSeed(ds: DataSource, services: Services, adminPassword?: string) {
  const applied = await ds.runMigrations({ transaction: 'each' });
  const centersSeeded = await services.centers.seedIfEmpty();
  const admin = await services.auth.ensureAdmin(adminPassword);
  const providersSeeded = await services.providers.seedIfEmpty();
  const classesSeeded = await services.classes.seedIfEmpty();
  const contentSeeded = await services.content.seedIfEmpty();
  return { migrations: applied.map((m) => m.name), centersSeeded, admin, providersSeeded, classesSeeded, contentSeeded };
}
