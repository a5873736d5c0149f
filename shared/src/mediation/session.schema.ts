import { z } from 'zod';
import { ZInstant } from '../common';
import { ZMediationSessionForm } from './mediation.enums';

const ZLocalId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, '标识格式不正确');

/** One mediation session: when, in which form, who attended; notes are sealed at rest. */
export const ZAddMediationSessionInput = z
  .strictObject({
    at: ZInstant.describe('调解时间，带时区，如 2026-12-02T09:00:00+08:00'),
    form: ZMediationSessionForm,
    attendedPartyIds: z.array(ZLocalId, { error: '请选择到场的当事人' }).min(1, '请至少选择一名到场的当事人').max(20),
    attendedMediatorIds: z.array(ZLocalId).max(10).optional().describe('到场的调解员（案件调解员的 id）'),
    otherAttendees: z.string().trim().max(200, '不能超过 200 字').optional().describe('其他到场人员，如 双方亲属各一人'),
    location: z.string().trim().max(100, '不能超过 100 字').optional(),
    notes: z.string().trim().max(5000, '记录不能超过 5000 字').optional(),
  })
  .meta({ id: 'AddMediationSessionInput' });
export type AddMediationSessionInput = z.infer<typeof ZAddMediationSessionInput>;
