import { z } from 'zod';
import { StaffRole } from '../enums';
import { ZId, ZInstant } from '../common';
import { ZCenter, ZCenterService } from '../centers/center.dto';

const ZBoolQuery = z.enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' }).transform((v) => v === 'true' || v === '1');
const ZStaffRoleCode = z.enum(StaffRole.codes, { error: '角色不正确' });

/* ---- staff accounts ---- */

export const ZAdminStaffQuery = z
  .strictObject({
    centerId: ZId.optional(),
    role: ZStaffRoleCode.optional(),
    active: ZBoolQuery.optional(),
    q: z.string().trim().max(64).optional().describe('用户名或姓名的一部分'),
  })
  .meta({ id: 'AdminStaffQuery' });
export type AdminStaffQuery = z.infer<typeof ZAdminStaffQuery>;

export const ZAdminStaffItem = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: ZStaffRoleCode,
    centerId: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminStaffItem' });
export type AdminStaffItem = z.infer<typeof ZAdminStaffItem>;

export const ZUpdateStaffInput = z
  .strictObject({
    displayName: z.string().trim().min(1, '请输入姓名').max(64, '姓名过长').optional(),
    role: ZStaffRoleCode.optional(),
    centerId: ZId.nullable().optional(),
    active: z.boolean({ error: '只能是 true 或 false' }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容', path: ['displayName'] })
  .meta({ id: 'UpdateStaffInput' });
export type UpdateStaffInput = z.infer<typeof ZUpdateStaffInput>;

/* ---- centers ---- */

export const ZAdminCenter = ZCenter.extend({ active: z.boolean() }).meta({ id: 'AdminCenter' });
export type AdminCenter = z.infer<typeof ZAdminCenter>;

export const ZUpdateCenterInput = z
  .strictObject({
    name: z.string().trim().min(1, '请输入中心名称').max(120, '名称过长').optional(),
    address: z.string().trim().min(1, '请输入地址').max(200, '地址过长').optional(),
    phone: z.string().trim().min(3, '请输入电话').max(40, '电话过长').regex(/^[0-9+\-() ]+$/, '电话只能包含数字和 - + ( )').optional(),
    hours: z.string().trim().min(1, '请输入开放时间').max(200, '开放时间过长').optional(),
    lat: z.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围').optional(),
    lng: z.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围').optional(),
    services: z.array(ZCenterService).max(20).optional(),
    note: z.string().trim().max(300, '备注过长').nullable().optional(),
    active: z.boolean({ error: '只能是 true 或 false' }).optional(),
    sampleLocation: z.boolean({ error: '只能是 true 或 false' }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容', path: ['name'] })
  .meta({ id: 'UpdateCenterInput' });
export type UpdateCenterInput = z.infer<typeof ZUpdateCenterInput>;

/* ---- audit log ---- */

export const ZAuditQuery = z
  .strictObject({
    from: ZInstant.optional(),
    to: ZInstant.optional(),
    action: z.string().trim().max(60).optional(),
    entityType: z.string().trim().max(40).optional(),
    entityId: ZId.optional(),
    actorId: ZId.optional(),
    centerId: ZId.optional(),
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number({ error: '必须是数字' }).int().min(1, '至少 1 条').max(200, '最多 200 条').optional(),
  })
  .meta({ id: 'AuditQuery' });
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorType: z.enum(['staff', 'user', 'system']),
    actorId: z.string().nullable(),
    actorName: z.string().describe('工作人员姓名；求助人显示“求助人”；系统显示“系统”'),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    centerId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof ZAuditEntry>;
