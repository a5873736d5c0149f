import { Foundation1764500000000 } from './1764500000000-foundation';
import { HelpRequests1764600000000 } from './1764600000000-help-requests';

/** Every migration, in order. The same list runs on SQLite and MariaDB. */
export const MIGRATIONS = [
  Foundation1764500000000,
  HelpRequests1764600000000,
];
