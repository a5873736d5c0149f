import { z } from 'zod';
import { ZId } from '../common';
import { ZCommitteeLevel, ZDisputeType, ZMediationStatus } from './mediation.enums';

/** Filters of the mediation board. */
export const ZMediationBoardQuery = z
  .strictObject({
    status: z
      .string()
      .transform((v) => v.split(',').filter(Boolean))
      .pipe(z.array(ZMediationStatus))
      .optional()
      .describe('逗号分隔，如 registered,in_mediation'),
    level: ZCommitteeLevel.optional(),
    disputeType: ZDisputeType.optional(),
    centerId: ZId.optional().describe('仅市妇联管理员'),
    q: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^TJ-\d{4}-\d{1,6}$/, '请输入调解编号，如 TJ-2026-0001')
      .optional(),
    cursor: z.string().max(20).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .meta({ id: 'MediationBoardQuery' });
export type MediationBoardQuery = z.infer<typeof ZMediationBoardQuery>;
