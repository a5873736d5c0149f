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

/** A colleague as the back office lists them (for assigning, choosing a provider). */
export const ZStaffMember = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(StaffRole.codes), centerId: z.string().nullable() })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof ZStaffMember>;

export const ZStaffMembersQuery = z
  .strictObject({ centerId: z.string().max(40).optional(), role: z.enum(StaffRole.codes, { error: '角色不正确' }).optional() })
  .meta({ id: 'StaffMembersQuery' });
