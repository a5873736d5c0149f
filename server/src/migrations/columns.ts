import type { TableColumnOptions } from 'typeorm';

/*
 * Column builders for migrations. They mirror lib/db/columns.ts so that the migrated schema equals
 * the entities on SQLite and MariaDB (the drift test checks it).
 */
export const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '32', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '32', isNullable: nullable });
export const instant = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
export const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const int = (name: string, def?: number, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable, ...(def !== undefined ? { default: def } : {}) });
export const bool = (name: string, def?: boolean): TableColumnOptions => ({ name, type: 'boolean', ...(def !== undefined ? { default: def ? 1 : 0 } : {}) });
export const double = (name: string): TableColumnOptions => ({ name, type: 'double' });
export const json = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
