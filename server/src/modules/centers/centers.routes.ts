import { z } from 'zod';
import { listOf, ZCenter, ZId, ZListCentersQuery, ZNearestCenterQuery, ZNearestCenterResult } from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { CentersService } from './centers.service';

const ZCenterList = listOf(ZCenter).meta({ id: 'CenterList' });

export const centersRoutes =
  (centers: CentersService): RouteModule =>
  (routes) => {
    routes.add({
      method: 'get',
      path: '/centers',
      summary: '十二个 12338 妇联维权服务中心',
      tag: 'centers',
      auth: 'none',
      query: ZListCentersQuery,
      responses: { 200: ZCenterList },
      handler: async (_ctx, { query }) => ({ items: await centers.list(query), nextCursor: null }),
    });
    routes.add({
      method: 'get',
      path: '/centers/nearest',
      summary: '离某点最近、提供该服务的中心（大圆距离）',
      tag: 'centers',
      auth: 'none',
      query: ZNearestCenterQuery,
      responses: { 200: ZNearestCenterResult },
      errors: [404],
      handler: (_ctx, { query }) => centers.nearest({ lat: query.lat, lng: query.lng }, query.service),
    });
    routes.add({
      method: 'get',
      path: '/centers/:id',
      summary: '中心详情',
      tag: 'centers',
      auth: 'none',
      params: z.object({ id: ZId }),
      responses: { 200: z.object({ center: ZCenter }) },
      errors: [404],
      handler: async (_ctx, { params }) => ({ center: await centers.get(params.id) }),
    });
  };
