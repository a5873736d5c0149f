import { z } from 'zod';
import { listOf, ZAdminCenter, ZId, ZUpdateCenterInput } from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { StaffPrincipal } from '../../lib/access';
import type { CentersAdminService } from './centers-admin.service';

export const centersAdminRoutes =
  (centersAdmin: CentersAdminService): RouteModule =>
  (routes) => {
    routes.add({
      method: 'get',
      path: '/admin/centers',
      summary: '全部中心（含已停用；仅市妇联管理员）',
      tag: 'centers',
      auth: { staff: ['admin'] },
      responses: { 200: listOf(ZAdminCenter).meta({ id: 'AdminCenterList' }) },
      handler: async () => ({ items: await centersAdmin.listAll(), nextCursor: null }),
    });
    routes.add({
      method: 'patch',
      path: '/admin/centers/:id',
      summary: '修改中心信息、服务项目或停用（仅市妇联管理员）',
      tag: 'centers',
      auth: { staff: ['admin'] },
      params: z.object({ id: ZId }),
      body: ZUpdateCenterInput,
      responses: { 200: z.object({ center: ZAdminCenter }) },
      errors: [404],
      handler: async (_ctx, { params, body, principal }) => ({ center: await centersAdmin.update(principal as StaffPrincipal, params.id, body) }),
    });
  };
