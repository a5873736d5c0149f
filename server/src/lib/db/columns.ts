import { Column, PrimaryColumn, type ColumnOptions } from 'typeorm';

/*
 * Column shapes used by every entity, so the same migrations describe SQLite and MariaDB alike and
 * the schema-drift test stays empty. Instants are UTC datetime(3); ids are unguessable strings.
 */

export const ID_LENGTH = 32;

export function IdColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'varchar', length: ID_LENGTH });
}

export function RefColumn(options: { nullable?: boolean; name?: string } = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: ID_LENGTH, nullable: options.nullable ?? false, name: options.name });
}

export function InstantColumn(options: { nullable?: boolean; name?: string } = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false, name: options.name });
}

export function StringColumn(length: number, options: Omit<ColumnOptions, 'type' | 'length'> = {}): PropertyDecorator {
  return Column({ type: 'varchar', length, ...options });
}

export function TextColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'text', nullable: options.nullable ?? false });
}

export function IntColumn(options: { default?: number; nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'int', default: options.default, nullable: options.nullable ?? false });
}

export function BoolColumn(options: { default?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'boolean', default: options.default });
}

export function DoubleColumn(): PropertyDecorator {
  return Column({ type: 'double' });
}

/** JSON stored as text (works the same on both databases). */
export function JsonColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'simple-json', nullable: options.nullable ?? false });
}
