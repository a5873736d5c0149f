import type { Center, CenterService, NearestCenterResult } from '@zjh/shared';
import { api, withQuery } from './api';
import { coarse, type Point } from './location';

export interface CenterList {
  items: Center[];
  nextCursor?: string | null;
}

/** The twelve 12338 centers. */
export function listCenters(): Promise<CenterList> {
  return api<CenterList>('/api/centers');
}

/** The centers of one district (Chikan has two: the city station and the district center), optionally only those offering a service. */
export function centersInDistrict(district: string, service?: CenterService): Promise<CenterList> {
  return api<CenterList>(withQuery('/api/centers', { district, service }));
}

export function getCenter(id: string): Promise<{ center: Center }> {
  return api<{ center: Center }>(`/api/centers/${encodeURIComponent(id)}`);
}

/** The nearest active center to a point, optionally offering a service (the point is rounded to about 100 m before it is sent). */
export function nearestCenter(point: Point, service?: CenterService): Promise<NearestCenterResult> {
  return api<NearestCenterResult>(withQuery('/api/centers/nearest', { lat: coarse(point.lat), lng: coarse(point.lng), service }));
}
