import { CommitteeLevel, DisputeType, MediationStatus, type MediationStatus as Status } from '@zjh/shared';
import { describeEachDb, type TestEnv } from '../../test-support/test-env';
import { newId } from '../../lib/ids';
import { MediationCaseEntity } from './mediation.entity';

/** A small deterministic generator so the generated year is the same on every run. */
function rng(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const YEAR = 2025;
const shanghai = (y: number, m: number, d: number, h = 10) => new Date(Date.UTC(y, m, d, h) - 8 * 3600_000);

async function generateYear(env: TestEnv) {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const centers = [await env.centerId('xiashan'), await env.centerId('potou'), await env.centerId('leizhou')];
  const rows: MediationCaseEntity[] = [];
  const add = (createdAt: Date, status: Status, outcomeAt: Date | null, extra: Partial<MediationCaseEntity> = {}) => {
    const seq = rows.length + 1;
    rows.push({
      id: newId(), ref: `TJ-${YEAR}-${String(seq).padStart(4, '0')}`, year: YEAR, seq, centerId: pick(centers), status,
      disputeType: pick(Object.keys(DisputeType) as Array<keyof typeof DisputeType>), committeeLevel: pick(Object.keys(CommitteeLevel) as Array<keyof typeof CommitteeLevel>),
      committeeName: null, fromRequestId: null, sourceCategory: null, parties: [], partiesCount: 2, consentComplete: true, summary: '生成的测试数据',
      agreement: null, courtName: null, courtCaseNumber: null, judicialAppliedOn: null, judicialCourt: null, judicialResult: null, judicialDecidedOn: null,
      judicialNote: null, registeredBy: null, version: 1, createdAt, updatedAt: createdAt, startedAt: null, outcomeAt, ...extra,
    });
  };
  for (let i = 0; i < 160; i++) {
    const createdAt = shanghai(YEAR, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), Math.floor(rand() * 24));
    const status = pick(Object.keys(MediationStatus) as Status[]);
    // Outcomes come 0–60 days later, so some fall into the next year and must not count this year.
    const outcomeAt = ['registered', 'in_mediation'].includes(status) ? null : new Date(createdAt.getTime() + Math.floor(rand() * 60) * 86400_000);
    add(createdAt, status, outcomeAt);
  }
  // Edges: the first instant of the year counts, the first instant of the next year does not.
  add(shanghai(YEAR, 0, 1, 0), 'agreement_reached', shanghai(YEAR, 0, 1, 0), { committeeLevel: 'county_or_above', centerId: centers[0] });
  add(shanghai(YEAR + 1, 0, 1, 0), 'transferred_to_court', shanghai(YEAR + 1, 0, 1, 0), { centerId: centers[0] });
  // Registered last year, agreed this year: an agreement of this year, not a case of this year.
  add(shanghai(YEAR - 1, 11, 20), 'agreement_reached', shanghai(YEAR, 0, 10), { centerId: centers[1] });
  await env.ds.getRepository(MediationCaseEntity).insert(rows);
  return { rows, centers };
}

describeEachDb('mediation figures for statistics', (env) => {
  let data: Awaited<ReturnType<typeof generateYear>>;
  const from = shanghai(YEAR, 0, 1, 0);
  const to = shanghai(YEAR + 1, 0, 1, 0);
  const within = (d: Date | null, a = from, b = to) => d !== null && d >= a && d < b;

  beforeAll(async () => {
    data = await generateYear(env);
  });

  function expected(rows: MediationCaseEntity[], a = from, b = to) {
    const registered = rows.filter((r) => within(r.createdAt, a, b));
    return {
      total: registered.length,
      countyLevel: registered.filter((r) => r.committeeLevel === 'county_or_above').length,
      agreements: rows.filter((r) => r.status === 'agreement_reached' && within(r.outcomeAt, a, b)).length,
      toCourt: rows.filter((r) => r.status === 'transferred_to_court' && within(r.outcomeAt, a, b)).length,
      byDisputeType: Object.fromEntries(Object.keys(DisputeType).map((t) => [t, registered.filter((r) => r.disputeType === t).length])),
    };
  }

  it('counts the year for the whole city exactly as counted independently', async () => {
    const counts = await env.services.mediation.stats.counts({ from, to });
    expect(counts).toEqual(expected(data.rows));
    expect(counts.total).toBeGreaterThan(100);
    expect(counts.agreements).toBeGreaterThan(0);
  });

  it('counts one center, and a single month, on their own', async () => {
    for (const centerId of data.centers) {
      expect(await env.services.mediation.stats.counts({ from, to, centerId })).toEqual(expected(data.rows.filter((r) => r.centerId === centerId)));
    }
    const march = { from: shanghai(YEAR, 2, 1, 0), to: shanghai(YEAR, 3, 1, 0) };
    expect(await env.services.mediation.stats.counts(march)).toEqual(expected(data.rows, march.from, march.to));
  });

  it('the statistics service has its mediation figures registered', () => {
    expect(env.services.stats.missingAreas()).not.toContain('mediations');
  });
});
