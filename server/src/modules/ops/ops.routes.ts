import type { DataSource } from 'typeorm';
import { ZClientConfig, ZHealth } from '@zjh/shared';
import type { Config } from '../../lib/config';
import { databaseKind } from '../../lib/db/data-source';
import { AppError } from '../../lib/errors';
import type { RouteModule } from '../../lib/route';

export const opsRoutes =
  (ds: DataSource, config: Pick<Config, 'quickExitUrl' | 'wechat' | 'wechatTemplates'>): RouteModule =>
  (routes) => {
    routes.add({
      method: 'get',
      path: '/health',
      summary: '健康检查（数据库不可用时 503）',
      tag: 'operations',
      auth: 'none',
      responses: { 200: ZHealth },
      errors: [503],
      handler: async () => {
        try {
          if (!ds.isInitialized) throw new Error('not initialised');
          await ds.query('SELECT 1');
        } catch {
          throw new AppError(503, 'DATABASE_UNAVAILABLE');
        }
        return { status: 'ok', db: databaseKind(ds) };
      },
    });
    routes.add({
      method: 'get',
      path: '/client-config',
      summary: '客户端启动设置（无任何机密）',
      tag: 'operations',
      auth: 'none',
      responses: { 200: ZClientConfig },
      handler: () => ({ quickExitUrl: config.quickExitUrl, wechatMode: config.wechat.mode, subscribeTemplateIds: config.wechat.mode === 'live' ? config.wechatTemplates : {} }),
    });
  };
