import { listOf, ZAuditEntry, ZAuditQuery } from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { StaffPrincipal } from '../../lib/access';
import type { AuditLogService } from './audit-log.service';

export const auditRoutes =
  (auditLog: AuditLogService): RouteModule =>
  (routes) => {
    routes.add({
      method: 'get',
      path: '/admin/audit',
      summary: '审计日志（新到旧；中心工作人员只看本中心；查看本身也记入日志）',
      tag: 'accounts',
      auth: { staff: ['admin', 'center_staff'] },
      query: ZAuditQuery,
      responses: { 200: listOf(ZAuditEntry).meta({ id: 'AuditEntryList' }) },
      handler: (_ctx, { query, principal }) => auditLog.list(principal as StaffPrincipal, query),
    });
  };
