import { describeEachDb } from '../../test-support/test-env';
import { CENTER_SEEDS } from './centers.seed';

describeEachDb('centers API', (env) => {
  it('lists the twelve 12338 centers with the contract fields', async () => {
    const res = await env.api().get('/api/centers').expect(200);
    expect(res.body.items).toHaveLength(12);
    expect(res.body.nextCursor).toBeNull();
    const station = res.body.items[0];
    expect(station).toMatchObject({ code: 'zj-station', district: '赤坎区', lat: 21.271, lng: 110.359, sampleLocation: true });
    for (const key of ['id', 'name', 'district', 'address', 'phone', 'hours', 'lat', 'lng', 'services']) expect(station).toHaveProperty(key);
    expect(station.services).toEqual(expect.arrayContaining(['psychological', 'legal', 'family_education', 'mediation', 'protection_order', 'classes']));
    expect(station.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(new Set(res.body.items.map((c: { district: string }) => c.district)).size).toBe(11);
  });

  it('filters the list by district', async () => {
    const res = await env.api().get('/api/centers').query({ district: '吴川市' }).expect(200);
    expect(res.body.items.map((c: { code: string }) => c.code)).toEqual(['wuchuan']);
  });

  it.each(CENTER_SEEDS.map((s) => [s.code, s.lat, s.lng] as const))('standing at %s, that center is the nearest', async (code, lat, lng) => {
    const res = await env.api().get('/api/centers/nearest').query({ lat, lng }).expect(200);
    expect(res.body.center.code).toBe(code);
    expect(res.body.distanceKm).toBe(0);
  });

  it('measures great-circle distance in kilometres', async () => {
    // From Wuchuan's coordinates, 湛江站 is about 46 km away; only the station offers family education there.
    const res = await env.api().get('/api/centers/nearest').query({ lat: 21.441, lng: 110.779, service: 'classes' }).expect(200);
    expect(['zj-station', 'xiashan', 'zetdz', 'lianjiang']).toContain(res.body.center.code);
    const station = await env.api().get('/api/centers/nearest').query({ lat: 21.441, lng: 110.779, service: 'family_education' }).expect(200);
    expect(['zj-station', 'potou']).toContain(station.body.center.code);
    expect(station.body.distanceKm).toBeGreaterThan(30);
    expect(station.body.distanceKm).toBeLessThan(60);
  });

  it('skips the nearest center when it does not offer the requested service', async () => {
    // At Mazhang's coordinates Mazhang offers no psychological counselling; the station 2.7 km away does.
    const res = await env.api().get('/api/centers/nearest').query({ lat: 21.263, lng: 110.334, service: 'psychological' }).expect(200);
    expect(res.body.center.code).not.toBe('mazhang');
    expect(res.body.center.services).toContain('psychological');
  });

  it('when two centers are equally near, the one with fewer open requests gets her', async () => {
    const station = await env.centerId('zj-station');
    const chikan = await env.centerId('chikan');
    // A point between the two centers (0.8 km apart), almost equidistant.
    const point = { lat: 21.2685, lng: 110.362 };
    env.services.centers.useOpenRequestCounter(async () => new Map([[station, 5], [chikan, 1]]));
    const busyStation = await env.api().get('/api/centers/nearest').query(point).expect(200);
    expect(busyStation.body.center.code).toBe('chikan');
    env.services.centers.useOpenRequestCounter(async () => new Map([[station, 0], [chikan, 3]]));
    const busyChikan = await env.api().get('/api/centers/nearest').query(point).expect(200);
    expect(busyChikan.body.center.code).toBe('zj-station');
    env.services.centers.useOpenRequestCounter(async () => new Map());
  });

  it.each([
    [{ lng: 110.3 }, 'query.lat'],
    [{ lat: 21.2 }, 'query.lng'],
    [{ lat: 91, lng: 110 }, 'query.lat'],
    [{ lat: -90.5, lng: 110 }, 'query.lat'],
    [{ lat: 21, lng: 181 }, 'query.lng'],
    [{ lat: 'north', lng: 110 }, 'query.lat'],
    [{ lat: 21, lng: 110, service: 'massage' }, 'query.service'],
    [{ lat: 21, lng: 110, extra: 1 }, 'query.extra'],
  ])('nearest with %j is a 400 naming %s', async (query, field) => {
    const res = await env.api().get('/api/centers/nearest').query(query).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('a center can be read by id; an unknown id is a 404', async () => {
    const id = await env.centerId('potou');
    const res = await env.api().get(`/api/centers/${id}`).expect(200);
    expect(res.body.center.note).toContain('家+暖');
    const missing = await env.api().get('/api/centers/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});
