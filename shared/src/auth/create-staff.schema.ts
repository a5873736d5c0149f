import { z } from 'zod';
import { StaffRole } from '../enums';
import { ZId } from '../common';

/** Minimum password rules for staff accounts: long enough to resist guessing. */
export const ZStaffPassword = z.string().min(10, '密码至少 10 位').max(200, '密码过长');

export const ZCreateStaffInput = z
  .strictObject({
    username: z
      .string()
      .trim()
      .min(3, '用户名至少 3 个字符')
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, '用户名只能包含字母、数字和 . _ -'),
    password: ZStaffPassword,
    displayName: z.string().trim().min(1, '请输入姓名').max(64),
    role: z.enum(StaffRole.codes, { error: '角色不正确' }),
    centerId: ZId.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role !== 'admin' && !v.centerId) {
      ctx.addIssue({ code: 'custom', path: ['centerId'], message: '除市妇联管理员外，必须指定所属中心' });
    }
  })
  .meta({ id: 'CreateStaffInput' });
export type CreateStaffInput = z.infer<typeof ZCreateStaffInput>;

export const ZCreatedId = z.object({ id: z.string() }).meta({ id: 'CreatedId' });
export type CreatedId = z.infer<typeof ZCreatedId>;

export const ZSetStaffPasswordInput = z.strictObject({ password: ZStaffPassword }).meta({ id: 'SetStaffPasswordInput' });
export type SetStaffPasswordInput = z.infer<typeof ZSetStaffPasswordInput>;
