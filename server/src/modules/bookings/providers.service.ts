import { In, IsNull, type DataSource } from 'typeorm';
import type { ConsultationKind, ProviderDto, ProviderRulesInput, StaffRole } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { isCityAdmin, type StaffPrincipal } from '../../lib/access';
import { StaffEntity } from '../auth/auth.entity';
import type { CentersService } from '../centers/centers.service';
import { AvailabilityExceptionEntity, AvailabilityRuleEntity, ProviderProfileEntity } from './booking.entity';

export const KIND_OF_ROLE: Partial<Record<StaffRole, ConsultationKind>> = { counselor: 'psychological', lawyer: 'legal', educator: 'family_education' };

/**
 * Sample providers reproducing the source report: at the 湛江站 counsellors on Wednesday mornings
 * and lawyers on Thursdays (09:00–12:00, 14:30–17:30); 湛家馨 family-education advisers; a few
 * elsewhere. Accounts are created without a usable password: the admin sets one.
 */
const PROVIDER_SEEDS: Array<{ username: string; name: string; role: StaffRole; center: string; rules: Array<[number, string, string]>; modes: Array<'in_person' | 'phone' | 'video'> }> = [
  { username: 'counselor.zj1', name: '陈老师（心理咨询师）', role: 'counselor', center: 'zj-station', rules: [[3, '09:00', '12:00']], modes: ['in_person', 'phone', 'video'] },
  { username: 'counselor.zj2', name: '黄老师（心理咨询师）', role: 'counselor', center: 'zj-station', rules: [[3, '09:00', '12:00']], modes: ['in_person', 'phone'] },
  { username: 'lawyer.zj1', name: '林律师', role: 'lawyer', center: 'zj-station', rules: [[4, '09:00', '12:00'], [4, '14:30', '17:30']], modes: ['in_person', 'phone'] },
  { username: 'lawyer.zj2', name: '吴律师', role: 'lawyer', center: 'zj-station', rules: [[4, '09:00', '12:00'], [4, '14:30', '17:30']], modes: ['in_person', 'video'] },
  { username: 'educator.zj1', name: '梁老师（家庭教育指导师）', role: 'educator', center: 'zj-station', rules: [[2, '19:00', '21:00'], [6, '09:00', '12:00']], modes: ['video', 'phone', 'in_person'] },
  { username: 'counselor.pt1', name: '李老师（心理咨询师）', role: 'counselor', center: 'potou', rules: [[2, '14:30', '17:30']], modes: ['in_person', 'phone'] },
  { username: 'lawyer.wc1', name: '杨律师', role: 'lawyer', center: 'wuchuan', rules: [[5, '09:00', '12:00']], modes: ['in_person', 'phone'] },
  { username: 'lawyer.xs1', name: '周律师', role: 'lawyer', center: 'xiashan', rules: [[1, '14:30', '17:30']], modes: ['in_person'] },
];

export class ProvidersService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly now: () => Date,
  ) {}

  async list(filter: { kind?: ConsultationKind; centerId?: string; ids?: string[] } = {}): Promise<ProviderDto[]> {
    const profiles = await this.ds.getRepository(ProviderProfileEntity).find({
      where: { active: true, ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.centerId ? { centerId: filter.centerId } : {}), ...(filter.ids ? { staffId: In(filter.ids) } : {}) },
    });
    if (profiles.length === 0) return [];
    const ids = profiles.map((p) => p.staffId);
    const [staff, rules, exceptions] = await Promise.all([
      this.ds.getRepository(StaffEntity).findBy({ id: In(ids), active: true }),
      this.ds.getRepository(AvailabilityRuleEntity).findBy({ providerId: In(ids) }),
      this.ds.getRepository(AvailabilityExceptionEntity).find({ where: [{ providerId: In(ids) }, { providerId: IsNull() }] }),
    ]);
    const names = new Map(staff.map((s) => [s.id, s.displayName]));
    return profiles
      .filter((p) => names.has(p.staffId))
      .map((p) => ({
        id: p.staffId,
        name: names.get(p.staffId)!,
        kind: p.kind,
        centerId: p.centerId,
        slotMinutes: p.slotMinutes,
        bufferMinutes: p.bufferMinutes,
        modes: p.modes,
        rules: rules.filter((r) => r.providerId === p.staffId).map((r) => ({ weekday: r.weekday, start: r.startTime, end: r.endTime })),
        exceptions: exceptions
          .filter((e) => e.providerId === p.staffId || e.providerId === null)
          .map((e) => ({ date: e.date, start: e.startTime, end: e.endTime, reason: e.reason, global: e.providerId === null })),
      }));
  }

  async get(id: string): Promise<ProviderDto> {
    const [p] = await this.list({ ids: [id] });
    if (!p) throw AppError.notFound('找不到该咨询师/律师');
    return p;
  }

  /**
   * Creates or updates a provider's profile and weekly availability. The admin may edit anyone;
   * center staff their center's providers; a provider only herself.
   */
  async configure(actor: StaffPrincipal, staffId: string, input: ProviderRulesInput): Promise<ProviderDto> {
    const staff = await this.ds.getRepository(StaffEntity).findOneBy({ id: staffId, active: true });
    const kind = staff ? KIND_OF_ROLE[staff.role] : undefined;
    if (!staff || !kind || !staff.centerId) throw AppError.notFound('找不到该咨询师/律师');
    const allowed = isCityAdmin(actor) || actor.staffId === staffId || (actor.role === 'center_staff' && actor.centerId === staff.centerId);
    if (!allowed) throw AppError.notFound('找不到该咨询师/律师');
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      const repo = em.getRepository(ProviderProfileEntity);
      const existing = await repo.findOneBy({ staffId });
      await repo.save({
        staffId,
        kind,
        centerId: staff.centerId!,
        slotMinutes: input.slotMinutes ?? existing?.slotMinutes ?? 50,
        bufferMinutes: input.bufferMinutes ?? existing?.bufferMinutes ?? 10,
        modes: input.modes ?? existing?.modes ?? ['in_person', 'phone'],
        active: true,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      if (input.rules) {
        await em.getRepository(AvailabilityRuleEntity).delete({ providerId: staffId });
        if (input.rules.length) await em.getRepository(AvailabilityRuleEntity).insert(input.rules.map((r) => ({ id: newId(), providerId: staffId, weekday: r.weekday, startTime: r.start, endTime: r.end })));
      }
      if (input.exceptions) {
        await em.getRepository(AvailabilityExceptionEntity).delete({ providerId: staffId });
        if (input.exceptions.length) {
          await em.getRepository(AvailabilityExceptionEntity).insert(
            input.exceptions.map((e) => ({ id: newId(), providerId: staffId, date: e.date, startTime: e.start ?? null, endTime: e.end ?? null, reason: e.reason ?? null })),
          );
        }
      }
    });
    return this.get(staffId);
  }

  /** A provider's settings as the back office edits them: the admin any, center staff their center's, a provider herself. */
  async getForStaff(actor: StaffPrincipal, staffId: string): Promise<ProviderDto> {
    const staff = await this.ds.getRepository(StaffEntity).findOneBy({ id: staffId, active: true });
    const kind = staff ? KIND_OF_ROLE[staff.role] : undefined;
    const allowed = staff && kind && (isCityAdmin(actor) || actor.staffId === staffId || (actor.role === 'center_staff' && actor.centerId === staff.centerId));
    if (!allowed) throw AppError.notFound('找不到该咨询师/律师');
    const [existing] = await this.list({ ids: [staffId] });
    // A provider without a profile yet: the defaults the first save would store.
    return existing ?? { id: staff.id, name: staff.displayName, kind, centerId: staff.centerId!, slotMinutes: 50, bufferMinutes: 10, modes: ['in_person', 'phone'], rules: [], exceptions: [] };
  }

  /** A public holiday: nobody takes bookings that day. Admin only. */
  async addHoliday(date: string, reason: string): Promise<void> {
    await this.ds.getRepository(AvailabilityExceptionEntity).insert({ id: newId(), providerId: null, date, startTime: null, endTime: null, reason });
  }

  async seedIfEmpty(): Promise<number> {
    if ((await this.ds.getRepository(ProviderProfileEntity).count()) > 0) return 0;
    const centers = new Map((await this.centers.list()).map((c) => [c.code, c.id]));
    const now = this.now();
    for (const seed of PROVIDER_SEEDS) {
      const centerId = centers.get(seed.center);
      if (!centerId) continue;
      const id = newId();
      await this.ds.getRepository(StaffEntity).insert({ id, username: seed.username, passwordHash: '!set-by-admin', displayName: seed.name, role: seed.role, centerId, active: true, createdAt: now, updatedAt: now });
      await this.ds.getRepository(ProviderProfileEntity).insert({ staffId: id, kind: KIND_OF_ROLE[seed.role]!, centerId, slotMinutes: 50, bufferMinutes: 10, modes: seed.modes, active: true, createdAt: now, updatedAt: now });
      await this.ds.getRepository(AvailabilityRuleEntity).insert(seed.rules.map(([weekday, start, end]) => ({ id: newId(), providerId: id, weekday, startTime: start, endTime: end })));
    }
    return PROVIDER_SEEDS.length;
  }
}
