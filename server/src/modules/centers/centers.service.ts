import type { DataSource, Repository } from 'typeorm';
import { distanceKm, type Center, type CenterService } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { CenterEntity } from './center.entity';
import { CENTER_SEEDS } from './centers.seed';

/** Counts open help requests per center; supplied by the requests domain. */
export type OpenRequestCounter = (centerIds: string[]) => Promise<Map<string, number>>;

/** Two centers whose distances differ by less than this are "equally near": the less busy one wins. */
export const TIE_KM = 0.5;

export class CentersService {
  private readonly repo: Repository<CenterEntity>;
  private openRequestCounter: OpenRequestCounter = async () => new Map();

  constructor(ds: DataSource) {
    this.repo = ds.getRepository(CenterEntity);
  }

  useOpenRequestCounter(counter: OpenRequestCounter) {
    this.openRequestCounter = counter;
  }

  async list(filter: { district?: string; service?: CenterService } = {}): Promise<Center[]> {
    const rows = await this.activeCenters();
    return rows
      .filter((c) => !filter.district || c.district === filter.district)
      .filter((c) => !filter.service || c.services.includes(filter.service))
      .map(toCenterDto);
  }

  async get(id: string, opts: { includeInactive?: boolean } = {}): Promise<Center> {
    const row = await this.repo.findOneBy({ id });
    if (!row || (!row.active && !opts.includeInactive)) throw AppError.notFound('找不到该服务中心');
    return toCenterDto(row);
  }

  /** Id → name of every center, active or not (records keep pointing at a closed center). */
  async names(): Promise<Map<string, { id: string; name: string; phone: string; address: string; active: boolean }>> {
    const rows = await this.repo.find({ select: { id: true, name: true, phone: true, address: true, active: true } });
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, phone: r.phone, address: r.address, active: Boolean(r.active) }]));
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repo.countBy({ id, active: true })) > 0;
  }

  /**
   * The nearest active center offering `service` (great-circle distance). Centers within TIE_KM of
   * the nearest count as a tie, which goes to the one with fewer open requests, then the nearer.
   */
  async nearest(point: { lat: number; lng: number }, service?: CenterService): Promise<{ center: Center; distanceKm: number }> {
    const candidates = (await this.activeCenters())
      .filter((c) => !service || c.services.includes(service))
      .map((c) => ({ c, km: distanceKm(point, c) }))
      .sort((a, b) => a.km - b.km);
    if (candidates.length === 0) throw new AppError(404, 'NO_CENTER_AVAILABLE');
    const tied = candidates.filter((x) => x.km - candidates[0].km < TIE_KM);
    let best = tied[0];
    if (tied.length > 1) {
      const load = await this.openRequestCounter(tied.map((x) => x.c.id));
      best = [...tied].sort((a, b) => (load.get(a.c.id) ?? 0) - (load.get(b.c.id) ?? 0) || a.km - b.km)[0];
    }
    return { center: toCenterDto(best.c), distanceKm: Math.round(best.km * 100) / 100 };
  }

  /** The center for a district she picked (the first active one there offering the service). */
  async forDistrict(district: string, service?: CenterService): Promise<Center> {
    const found = (await this.list({ district, service }))[0];
    if (!found) throw AppError.field('district', '该区县暂无可提供此服务的中心');
    return found;
  }

  /** Inserts the twelve centers when the table is empty. */
  async seedIfEmpty(now = new Date()): Promise<number> {
    if ((await this.repo.count()) > 0) return 0;
    await this.repo.insert(
      CENTER_SEEDS.map((s, i) => ({ ...s, id: newId(), sampleLocation: true, active: true, sortOrder: i + 1, createdAt: now, updatedAt: now })),
    );
    return CENTER_SEEDS.length;
  }

  private activeCenters() {
    return this.repo.find({ where: { active: true }, order: { sortOrder: 'ASC' } });
  }
}

export function toCenterDto(c: CenterEntity): Center {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    district: c.district,
    address: c.address,
    phone: c.phone,
    hours: c.hours,
    lat: Number(c.lat),
    lng: Number(c.lng),
    services: c.services,
    note: c.note,
    sampleLocation: Boolean(c.sampleLocation),
  };
}
