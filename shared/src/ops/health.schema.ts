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
  })
  .meta({ id: 'ClientConfig' });
export type ClientConfig = z.infer<typeof ZClientConfig>;
