import { z } from 'zod';
import { ZLat, ZLng } from '../common';
import { ZCenter, ZCenterService } from './center.dto';

export const ZNearestCenterQuery = z
  .strictObject({
    lat: ZLat,
    lng: ZLng,
    service: ZCenterService.optional(),
  })
  .meta({ id: 'NearestCenterQuery' });
export type NearestCenterQuery = z.infer<typeof ZNearestCenterQuery>;

export const ZNearestCenterResult = z
  .object({ center: ZCenter, distanceKm: z.number() })
  .meta({ id: 'NearestCenterResult' });
export type NearestCenterResult = z.infer<typeof ZNearestCenterResult>;

export const ZListCentersQuery = z
  .strictObject({ district: z.string().max(20).optional(), service: ZCenterService.optional() })
  .meta({ id: 'ListCentersQuery' });
export type ListCentersQuery = z.infer<typeof ZListCentersQuery>;
