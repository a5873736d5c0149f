import { z } from 'zod';
import { CenterService } from '../enums';

export const ZCenterService = z.enum(CenterService.codes, { error: '服务类型不正确' });

export const ZCenter = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    district: z.string(),
    address: z.string(),
    phone: z.string(),
    hours: z.string(),
    lat: z.number(),
    lng: z.number(),
    services: z.array(ZCenterService),
    note: z.string().nullable(),
    sampleLocation: z.boolean().describe('true while the coordinates are approximate sample data'),
  })
  .meta({ id: 'Center' });
export type Center = z.infer<typeof ZCenter>;
