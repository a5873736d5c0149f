import { ZReportQuery, ZStats, ZStatsQuery } from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { StaffPrincipal } from '../../lib/access';
import type { CentersService } from '../centers/centers.service';
import type { StatsService } from './stats.service';
import { buildYearlyReport } from './report';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const statsRoutes =
  (stats: StatsService, centers: CentersService): RouteModule =>
  (routes) => {
    routes.add({
      method: 'get', path: '/staff/stats', tag: 'stats', auth: { staff: ['admin', 'center_staff'] },
      summary: '统计（本中心；市妇联管理员可查全市或任一中心）', query: ZStatsQuery, responses: { 200: ZStats },
      handler: (_ctx, { query, principal }) => stats.forStaff(principal as StaffPrincipal, query),
    });
    routes.add({
      method: 'get', path: '/staff/stats/report.xlsx', tag: 'stats', auth: { staff: ['admin', 'center_staff'] },
      summary: '年度统计报表（.xlsx）', query: ZReportQuery, responses: { 200: { binary: XLSX } },
      handler: async (ctx, { query, principal }) => {
        const data = await stats.forStaff(principal as StaffPrincipal, { from: `${query.year}-01-01`, to: `${query.year + 1}-01-01`, centerId: query.centerId });
        const scope = data.period.centerId ? (await centers.get(data.period.centerId, { includeInactive: true })).name : '全市';
        const file = await buildYearlyReport(data, query.year, scope);
        ctx.set('Content-Disposition', `attachment; filename="zhanjiahe-report-${query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`湛家和统计报表-${query.year}.xlsx`)}`);
        ctx.type = XLSX;
        ctx.body = file;
      },
    });
  };
