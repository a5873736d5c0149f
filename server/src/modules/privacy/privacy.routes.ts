import { z } from 'zod';
import type { RouteModule } from '../../lib/route';
import type { UserPrincipal } from '../../lib/access';
import type { PrivacyService } from './privacy.service';

export const privacyRoutes =
  (privacy: PrivacyService): RouteModule =>
  (routes) => {
    routes.add({
      method: 'get', path: '/me/data', tag: 'privacy', auth: 'user', summary: '查看平台保存的我的全部信息',
      responses: { 200: z.record(z.string(), z.unknown()).meta({ id: 'MyData' }) },
      handler: (_ctx, { principal }) => privacy.export(principal as UserPrincipal),
    });
    routes.add({
      method: 'delete', path: '/me', tag: 'privacy', auth: 'user',
      summary: '删除我的数据：注销账号，求助记录去除与我的关联和联系方式',
      responses: { 204: null },
      handler: async (ctx, { principal }) => {
        await privacy.erase(principal as UserPrincipal);
        ctx.status = 204;
      },
    });
  };
