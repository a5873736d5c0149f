/** The slice of time and place a figure is computed for. `to` is exclusive; centerId null = the city. */
export interface StatsPeriod {
  from: Date;
  to: Date;
  centerId: string | null;
}

/** Every area of the yearly figures; each domain registers the source that counts its own. */
export interface StatsAreas {
  requests: {
    cases: number;
    persons: number;
    byCategory: Record<string, number>;
    byChannel: Record<string, number>;
    byPriority: Record<string, number>;
    overdue: number;
    medianHoursToAccept: number | null;
    byMonth: Array<{ month: string; cases: number; persons: number }>;
    byCenter: Array<{ centerId: string; cases: number; persons: number }>;
  };
  consultations: { booked: number; held: number; noShow: number; cancelled: number; byKind: Record<string, number> };
  protectionOrders: { applied: number; granted: number; rejected: number };
  mediations: { total: number; countyLevel: number; agreements: number; toCourt: number };
  classes: { held: number; attendees: number };
  articles: { published: number; views: number };
  quiz: { participants: number; attempts: number };
}

export type StatsSource<K extends keyof StatsAreas> = (period: StatsPeriod) => Promise<StatsAreas[K]>;

/** SQL COUNT/SUM come back as strings on MariaDB and numbers on SQLite. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** YYYY-MM of an instant in Asia/Shanghai. */
export const shanghaiMonth = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

export function zeroCounts(codes: readonly string[]): Record<string, number> {
  return Object.fromEntries(codes.map((c) => [c, 0]));
}
