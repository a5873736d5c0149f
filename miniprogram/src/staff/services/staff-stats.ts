import type { Stats } from '@zjh/shared';
import { api, withQuery } from '../../services/api';
import { downloadWithToken } from '../../services/files';
import { staffToken } from './staff-mediation';

export const STATS_PATH = '/staff/pages/stats/index';

export interface StatsPeriodQuery {
  /** First day, YYYY-MM-DD (Asia/Shanghai). */
  from: string;
  /** The day after the last one (exclusive), YYYY-MM-DD. */
  to: string;
  /** One center; none for the whole city (admin). */
  centerId?: string;
}

export function statsPath(q: StatsPeriodQuery): string {
  return withQuery('/api/staff/stats', { from: q.from, to: q.to, centerId: q.centerId });
}

export function loadStats(q: StatsPeriodQuery): Promise<Stats> {
  return api<Stats>(statsPath(q), { auth: 'staff' });
}

export function reportPath(year: number, centerId?: string): string {
  return withQuery('/api/staff/stats/report.xlsx', { year, centerId });
}

/** The yearly report workbook, fetched with the staff token (never a bare link). */
export async function downloadReport(year: number, centerId?: string): Promise<void> {
  await downloadWithToken(reportPath(year, centerId), staffToken(), { filename: `湛家和统计报表-${year}.xlsx`, fileType: 'xlsx' });
}
