import { z } from 'zod';

export const ZHealth = z
  .object({ status: z.literal('ok'), db: z.enum(['sqlite', 'mysql']) })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof ZHealth>;

/** Settings the client reads at start; nothing secret. */
export const ZClientConfig = z
  .object({
    quickExitUrl: z.string(),
    wechatMode: z.enum(['live', 'development']),
    subscribeTemplateIds: z.record(z.string(), z.string()).describe('订阅消息模板 ID（按用途）；未配置则为空，小程序不请求订阅'),
  })
  .meta({ id: 'ClientConfig' });
export type ClientConfig = z.infer<typeof ZClientConfig>;
