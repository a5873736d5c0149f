import { z } from 'zod';
import { listOf, ZAdminStaffItem, ZAdminStaffQuery, ZId, ZUpdateStaffInput } from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { StaffPrincipal } from '../../lib/access';
import type { StaffAdminService } from './staff-admin.service';

export const staffAdminRoutes =
  (staffAdmin: StaffAdminService): RouteModule =>
  (routes) => {
    routes.add({
      method: 'get',
      path: '/admin/staff',
      summary: '工作人员账号列表（仅市妇联管理员；含已停用）',
      tag: 'accounts',
      auth: { staff: ['admin'] },
      query: ZAdminStaffQuery,
      responses: { 200: listOf(ZAdminStaffItem).meta({ id: 'AdminStaffList' }) },
      handler: async (_ctx, { query }) => ({ items: await staffAdmin.list(query), nextCursor: null }),
    });
    routes.add({
      method: 'patch',
      path: '/admin/staff/:id',
      summary: '修改工作人员姓名、角色、所属中心或停用（仅市妇联管理员；停用即结束其会话）',
      tag: 'accounts',
      auth: { staff: ['admin'] },
      params: z.object({ id: ZId }),
      body: ZUpdateStaffInput,
      responses: { 200: z.object({ staff: ZAdminStaffItem }) },
      errors: [404, 409],
      handler: async (_ctx, { params, body, principal }) => ({ staff: await staffAdmin.update(principal as StaffPrincipal, params.id, body) }),
    });
  };
