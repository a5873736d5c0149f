import { Channel, ConsultationKind, RequestCategory } from '@zjh/shared';
import { bearer, describeEachDb, type TestEnv } from '../../test-support/test-env';
import { newId } from '../../lib/ids';
import { HelpRequestEntity } from '../requests/request.entity';
import { BookingEntity } from '../bookings/booking.entity';
import { requestStats } from '../requests/requests.stats';
import { bookingStats } from '../bookings/bookings.stats';

/** A small deterministic generator so the year of data is the same on every run. */
function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const YEAR = 2025;

async function generateYear(env: TestEnv) {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const centers = (await env.services.centers.list()).map((c) => c.id);
  const requests: HelpRequestEntity[] = [];
  for (let i = 1; i <= 240; i++) {
    const createdAt = new Date(Date.UTC(YEAR, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), Math.floor(rand() * 24)) - 8 * 3600_000);
    const dueAt = new Date(createdAt.getTime() + 24 * 3600_000);
    const accepted = rand() < 0.8 ? new Date(createdAt.getTime() + rand() * 48 * 3600_000) : null;
    requests.push({
      id: newId(), ref: `ZJ-${YEAR}-${String(i).padStart(6, '0')}`, year: YEAR, seq: i, userId: null, centerId: pick(centers),
      category: pick(RequestCategory.codes), channel: pick(Channel.codes), status: accepted ? 'accepted' : 'new',
      urgent: rand() < 0.2, serious: rand() < 0.3, difficult: rand() < 0.1, description: '生成的测试数据', personsCount: 1 + Math.floor(rand() * 3),
      personsDetail: null, district: null, location: null, contact: null, phoneIndex: null, notify: false, assigneeId: null, consentAt: createdAt,
      registeredBy: null, acceptDueAt: dueAt, acceptedAt: accepted, resolvedAt: null, closedAt: null, ratingScore: null, ratingComment: null,
      createdAt, updatedAt: createdAt,
    });
  }
  // Two requests outside the year must not count.
  for (const [i, at] of [[900, '2024-12-31T15:59:00Z'], [901, '2025-12-31T16:00:00Z']] as const) {
    requests.push({ ...requests[0], id: newId(), ref: `ZJ-${YEAR}-${i}`, seq: i, createdAt: new Date(at), updatedAt: new Date(at), consentAt: new Date(at) });
  }
  await env.ds.getRepository(HelpRequestEntity).insert(requests);
  const bookings: BookingEntity[] = [];
  for (let i = 0; i < 150; i++) {
    const startAt = new Date(Date.UTC(YEAR, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), 1 + Math.floor(rand() * 8)));
    const status = pick(['confirmed', 'cancelled', 'attended', 'attended', 'no_show'] as const);
    bookings.push({
      id: newId(), providerId: newId(), centerId: pick(centers), userId: null, kind: pick(ConsultationKind.codes), mode: 'phone', startAt,
      endAt: new Date(startAt.getTime() + 50 * 60_000), status, activeSlot: status === 'cancelled' ? null : `gen|${i}`, contact: null, topic: null, notify: false,
      note: null, cancelReason: null, cancelledBy: null, cancelledAt: null, createdAt: startAt, updatedAt: startAt,
    });
  }
  await env.ds.getRepository(BookingEntity).insert(bookings);
  return { requests, bookings };
}

describeEachDb('statistics over a generated year', (env) => {
  let data: Awaited<ReturnType<typeof generateYear>>;
  const period = (centerId: string | null = null) => ({ from: new Date(`${YEAR}-01-01T00:00:00+08:00`), to: new Date(`${YEAR + 1}-01-01T00:00:00+08:00`), centerId });
  const inYear = (d: Date) => d >= period().from && d < period().to;

  beforeAll(async () => {
    data = await generateYear(env);
  });

  it('counts cases and persons, by category, channel, priority and month, exactly as counted independently', async () => {
    const now = new Date();
    const expected = data.requests.filter((r) => inYear(r.createdAt));
    const s = await requestStats(env.ds, period(), now);
    expect(s.cases).toBe(expected.length);
    expect(s.persons).toBe(expected.reduce((a, r) => a + r.personsCount, 0));
    for (const c of RequestCategory.codes) expect(s.byCategory[c]).toBe(expected.filter((r) => r.category === c).length);
    for (const c of Channel.codes) expect(s.byChannel[c]).toBe(expected.filter((r) => r.channel === c).length);
    expect(s.byPriority.urgent).toBe(expected.filter((r) => r.urgent).length);
    expect(s.byPriority.difficult).toBe(expected.filter((r) => r.difficult).length);
    const overdue = expected.filter((r) => (r.acceptedAt ? r.acceptedAt > r.acceptDueAt : r.acceptDueAt < now)).length;
    expect(s.overdue).toBe(overdue);
    expect(s.byMonth.reduce((a, m) => a + m.cases, 0)).toBe(expected.length);
    const march = expected.filter((r) => new Date(r.createdAt.getTime() + 8 * 3600_000).getUTCMonth() === 2).length;
    expect(s.byMonth.find((m) => m.month === `${YEAR}-03`)?.cases ?? 0).toBe(march);
  });

  it('one center sees only its own figures', async () => {
    const center = data.requests[0].centerId;
    const s = await requestStats(env.ds, period(center), new Date());
    expect(s.cases).toBe(data.requests.filter((r) => inYear(r.createdAt) && r.centerId === center).length);
    expect(s.byCenter.map((c) => c.centerId)).toEqual([center]);
  });

  it('consultations booked, held, no-show and by kind match the generated appointments', async () => {
    const inPeriod = data.bookings.filter((b) => inYear(b.startAt));
    const s = await bookingStats(env.ds, period());
    expect(s.booked).toBe(inPeriod.filter((b) => b.status !== 'cancelled').length);
    expect(s.held).toBe(inPeriod.filter((b) => b.status === 'attended').length);
    expect(s.noShow).toBe(inPeriod.filter((b) => b.status === 'no_show').length);
    expect(s.cancelled).toBe(inPeriod.filter((b) => b.status === 'cancelled').length);
    for (const k of ConsultationKind.codes) expect(s.byKind[k]).toBe(inPeriod.filter((b) => b.kind === k && b.status !== 'cancelled').length);
  });
});

describeEachDb('statistics API and yearly report', (env) => {
  let data: Awaited<ReturnType<typeof generateYear>>;
  const inYear = (d: Date) => d >= new Date(`${YEAR}-01-01T00:00:00+08:00`) && d < new Date(`${YEAR + 1}-01-01T00:00:00+08:00`);

  beforeAll(async () => {
    data = await generateYear(env);
  });

  it('every area of the report has a source (none silently zero)', () => {
    expect(env.services.stats.missingAreas()).toEqual([]);
  });

  it('the admin sees the city figures in the contract shape; they equal the generated data', async () => {
    const res = await env.api().get('/api/staff/stats').query({ from: `${YEAR}-01-01`, to: `${YEAR + 1}-01-01` }).set(bearer(await env.adminToken())).expect(200);
    const s = res.body;
    for (const key of ['requests', 'consultations', 'protectionOrders', 'mediations', 'classes', 'articles']) expect(s).toHaveProperty(key);
    expect(Object.keys(s.requests)).toEqual(expect.arrayContaining(['cases', 'persons', 'byCategory', 'byChannel', 'overdue']));
    expect(Object.keys(s.consultations)).toEqual(expect.arrayContaining(['booked', 'held', 'noShow']));
    expect(Object.keys(s.protectionOrders)).toEqual(expect.arrayContaining(['applied', 'granted', 'rejected']));
    expect(Object.keys(s.mediations)).toEqual(expect.arrayContaining(['total', 'countyLevel', 'agreements', 'toCourt']));
    expect(Object.keys(s.classes)).toEqual(expect.arrayContaining(['held', 'attendees']));
    expect(Object.keys(s.articles)).toEqual(expect.arrayContaining(['published', 'views']));
    const expected = data.requests.filter((r) => inYear(r.createdAt));
    expect(s.requests.cases).toBe(expected.length);
    expect(s.requests.persons).toBe(expected.reduce((a, r) => a + r.personsCount, 0));
    expect(s.consultations.held).toBe(data.bookings.filter((b) => inYear(b.startAt) && b.status === 'attended').length);
    expect(s.requests.byCenter.reduce((a: number, c: { cases: number }) => a + c.cases, 0)).toBe(expected.length);
    expect(JSON.stringify(s)).not.toContain('生成的测试数据');
  });

  it('center staff see only their own center; other roles and other centers are refused', async () => {
    const center = data.requests[0].centerId;
    const code = (await env.services.centers.list()).find((c) => c.id === center)!.code;
    const staff = await env.staffToken('center_staff', code);
    const own = await env.api().get('/api/staff/stats').query({ from: `${YEAR}-01-01`, to: `${YEAR + 1}-01-01` }).set(bearer(staff.token)).expect(200);
    expect(own.body.period.centerId).toBe(center);
    expect(own.body.requests.cases).toBe(data.requests.filter((r) => inYear(r.createdAt) && r.centerId === center).length);
    const other = (await env.services.centers.list()).find((c) => c.id !== center)!;
    await env.api().get('/api/staff/stats').query({ centerId: other.id }).set(bearer(staff.token)).expect(403);
    const counselor = await env.staffToken('counselor', code);
    await env.api().get('/api/staff/stats').set(bearer(counselor.token)).expect(403);
    const woman = await env.userToken();
    await env.api().get('/api/staff/stats').set(bearer(woman.token)).expect(403);
    await env.api().get('/api/staff/stats').query({ from: 'last year' }).set(bearer(staff.token)).expect(400);
    await env.api().get('/api/staff/stats').query({ from: `${YEAR}-06-01`, to: `${YEAR}-01-01` }).set(bearer(staff.token)).expect(400);
  });

  it('the yearly report workbook parses back with the same figures, phrased like the seed report', async () => {
    const res = await env
      .api()
      .get('/api/staff/stats/report.xlsx')
      .query({ year: YEAR })
      .set(bearer(await env.adminToken()))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['概要', '接访', '按月', '按中心', '调解', '咨询预约', '保护令', '家长学堂与普法']));
    const expected = data.requests.filter((r) => inYear(r.createdAt));
    const persons = expected.reduce((a, r) => a + r.personsCount, 0);
    const summary = wb.getWorksheet('概要')!.getColumn(1).values.filter(Boolean).join('\n');
    expect(summary).toContain(`共接访案件${expected.length}宗${persons}人次`);
    const intake = wb.getWorksheet('接访')!;
    const rows = new Map<string, number>();
    intake.eachRow((row, i) => i > 1 && rows.set(String(row.getCell(1).value), Number(row.getCell(2).value)));
    expect(rows.get('接访案件（宗）')).toBe(expected.length);
    expect(rows.get('类别：家庭暴力')).toBe(expected.filter((r) => r.category === 'domestic_violence').length);
    expect(summary).not.toMatch(/1[3-9]\d{9}/);
  });

  it('a bad year is a 400 naming it', async () => {
    const res = await env.api().get('/api/staff/stats/report.xlsx').query({ year: 'soon' }).set(bearer(await env.adminToken())).expect(400);
    expect(res.body.error.details[0].path).toBe('query.year');
  });
});
