import { z } from 'zod';

export const ZWechatLoginInput = z
  .strictObject({ code: z.string().trim().min(1, '缺少微信登录凭证').max(128) })
  .meta({ id: 'WechatLoginInput' });
export type WechatLoginInput = z.infer<typeof ZWechatLoginInput>;

export const ZDeviceLoginInput = z.strictObject({}).meta({ id: 'DeviceLoginInput' });
export type DeviceLoginInput = z.infer<typeof ZDeviceLoginInput>;

export const ZUserAuthResult = z
  .object({ token: z.string(), expiresAt: z.string(), user: z.object({ id: z.string() }) })
  .meta({ id: 'UserAuthResult' });
export type UserAuthResult = z.infer<typeof ZUserAuthResult>;
