import { Foundation1764500000000 } from './1764500000000-foundation';
import { HelpRequests1764600000000 } from './1764600000000-help-requests';
import { Bookings1764700000000 } from './1764700000000-bookings';
import { ProtectionOrders1764800000000 } from './1764800000000-protection-orders';
import { ClassesContent1764900000000 } from './1764900000000-classes-content';
import { Mediation1765000000000 } from './1765000000000-mediation';
import { RateLimits1765100000000 } from './1765100000000-rate-limits';

/** Every migration, in order. The same list runs on SQLite and MariaDB. */
export const MIGRATIONS = [
  Foundation1764500000000,
  HelpRequests1764600000000,
  Bookings1764700000000,
  ProtectionOrders1764800000000,
  ClassesContent1764900000000,
  Mediation1765000000000,
  RateLimits1765100000000,
];
