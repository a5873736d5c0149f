import { Foundation1764500000000 } from './1764500000000-foundation';
import { HelpRequests1764600000000 } from './1764600000000-help-requests';
import { Bookings1764700000000 } from './1764700000000-bookings';

/** Every migration, in order. The same list runs on SQLite and MariaDB. */
export const MIGRATIONS = [
  Foundation1764500000000,
  HelpRequests1764600000000,
  Bookings1764700000000,
];
