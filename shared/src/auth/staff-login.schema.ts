import { z } from 'zod';
import { StaffRole } from '../enums';

export const ZStaffLoginInput = z
  .strictObject({
    username: z.string().trim().min(1, '请输入用户名').max(64),
    password: z.string().min(1, '请输入密码').max(200),
  })
  .meta({ id: 'StaffLoginInput' });
export type StaffLoginInput = z.infer<typeof ZStaffLoginInput>;

export const ZStaffSummary = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(StaffRole.codes),
    centerId: z.string().nullable(),
  })
  .meta({ id: 'StaffSummary' });
export type StaffSummary = z.infer<typeof ZStaffSummary>;

export const ZStaffAuthResult = z
  .object({ token: z.string(), expiresAt: z.string(), staff: ZStaffSummary })
  .meta({ id: 'StaffAuthResult' });
export type StaffAuthResult = z.infer<typeof ZStaffAuthResult>;
