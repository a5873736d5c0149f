import { Foundation1764500000000 } from './1764500000000-foundation';

/** Every migration, in order. The same list runs on SQLite and MariaDB. */
export const MIGRATIONS = [Foundation1764500000000];
