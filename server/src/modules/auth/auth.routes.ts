import { z } from 'zod';
import {
  listOf,
  ZStaffMember,
  ZStaffMembersQuery,
  ZCreateStaffInput,
  ZId,
  ZSetStaffPasswordInput,
  ZCreatedId,
  ZDeviceLoginInput,
  ZStaffAuthResult,
  ZStaffLoginInput,
  ZStaffSummary,
  ZUserAuthResult,
  ZWechatLoginInput,
} from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { Config } from '../../lib/config';
import type { StaffPrincipal } from '../../lib/access';
import type { AuthService } from './auth.service';

export const authRoutes =
  (auth: AuthService, limits: Config['rateLimits']): RouteModule =>
  (routes) => {
    routes.add({
      method: 'post',
      path: '/auth/wechat',
      summary: '微信登录（wx.login 的 code 换取会话）',
      tag: 'accounts',
      auth: 'none',
      body: ZWechatLoginInput,
      responses: { 200: ZUserAuthResult },
      errors: [429],
      rateLimit: (ctx) => ({ bucket: `wechat:${ctx.ip}`, limit: limits.wechatLogins }),
      handler: (_ctx, { body }) => auth.loginWechat(body.code),
    });
    routes.add({
      method: 'post',
      path: '/auth/device',
      summary: '浏览器（H5）匿名账号',
      tag: 'accounts',
      auth: 'none',
      body: ZDeviceLoginInput,
      responses: { 200: ZUserAuthResult },
      errors: [429],
      rateLimit: (ctx) => ({ bucket: `device:${ctx.ip}`, limit: limits.deviceAccounts }),
      handler: () => auth.loginDevice(),
    });
    routes.add({
      method: 'post',
      path: '/auth/staff',
      summary: '工作人员登录',
      tag: 'accounts',
      auth: 'none',
      body: ZStaffLoginInput,
      responses: { 200: ZStaffAuthResult },
      errors: [401, 429],
      // Besides the per-account lockout: one address trying many accounts.
      rateLimit: (ctx) => ({ bucket: `staff-login:${ctx.ip}`, limit: limits.staffLogins }),
      handler: (_ctx, { body }) => auth.loginStaff(body.username, body.password),
    });
    routes.add({
      method: 'delete',
      path: '/auth/session',
      summary: '退出登录（令牌作废）',
      tag: 'accounts',
      auth: 'none',
      responses: { 204: null },
      handler: async (ctx) => {
        const token = bearerToken(ctx.get('authorization'));
        if (token) await auth.logout(token);
        ctx.status = 204;
      },
    });
    routes.add({
      method: 'get',
      path: '/staff/me',
      summary: '当前工作人员',
      tag: 'accounts',
      auth: 'staff',
      responses: { 200: z.object({ staff: ZStaffSummary }) },
      handler: async (_ctx, { principal }) => ({ staff: await auth.staffProfile(principal as StaffPrincipal) }),
    });
    routes.add({
      method: 'get',
      path: '/staff/members',
      summary: '同事列表（本中心；市妇联管理员可看全部或指定中心）',
      tag: 'accounts',
      auth: 'staff',
      query: ZStaffMembersQuery,
      responses: { 200: listOf(ZStaffMember).meta({ id: 'StaffMemberList' }) },
      handler: async (_ctx, { query, principal }) => ({ items: await auth.members(principal as StaffPrincipal, query), nextCursor: null }),
    });
    routes.add({
      method: 'put',
      path: '/admin/staff/:id/password',
      summary: '设置工作人员密码（仅市妇联管理员；该账号的会话全部失效）',
      tag: 'accounts',
      auth: { staff: ['admin'] },
      params: z.object({ id: ZId }),
      body: ZSetStaffPasswordInput,
      responses: { 204: null },
      errors: [404],
      handler: async (ctx, { params, body, principal }) => {
        await auth.setPassword(principal as StaffPrincipal, params.id, body.password);
        ctx.status = 204;
      },
    });
    routes.add({
      method: 'post',
      path: '/admin/staff',
      summary: '新建工作人员账号（仅市妇联管理员）',
      tag: 'accounts',
      auth: { staff: ['admin'] },
      body: ZCreateStaffInput,
      responses: { 201: ZCreatedId },
      errors: [409],
      handler: (_ctx, { body, principal }) => auth.createStaff(principal as StaffPrincipal, body),
    });
  };

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}
