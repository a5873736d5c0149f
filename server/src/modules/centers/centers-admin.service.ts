import type { DataSource } from 'typeorm';
import type { AdminCenter, UpdateCenterInput } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import type { StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import { CenterEntity } from './center.entity';
import { toCenterDto } from './centers.service';

/** The city admin edits the twelve centers; a closed center stays in the table for old records. */
export class CentersAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async listAll(): Promise<AdminCenter[]> {
    const rows = await this.ds.getRepository(CenterEntity).find({ order: { sortOrder: 'ASC' } });
    return rows.map(toAdminCenter);
  }

  async update(actor: StaffPrincipal, id: string, input: UpdateCenterInput): Promise<AdminCenter> {
    const repo = this.ds.getRepository(CenterEntity);
    const center = await repo.findOneBy({ id });
    if (!center) throw AppError.notFound('找不到该服务中心');
    const patch: Partial<CenterEntity> = { updatedAt: this.now() };
    const changed: string[] = [];
    for (const key of Object.keys(input) as Array<keyof UpdateCenterInput>) {
      if (input[key] === undefined) continue;
      (patch as Record<string, unknown>)[key] = key === 'services' ? [...new Set(input.services)] : input[key];
      changed.push(key);
    }
    await repo.update({ id }, patch);
    await this.audit.record(actor, {
      action: 'center.update',
      entityType: 'center',
      entityId: id,
      centerId: id,
      detail: { fields: changed, ...(input.active !== undefined ? { active: input.active } : {}) },
    });
    return toAdminCenter(await repo.findOneByOrFail({ id }));
  }
}

function toAdminCenter(c: CenterEntity): AdminCenter {
  return { ...toCenterDto(c), active: Boolean(c.active) };
}
