import { Between, In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import {
  computeSlots,
  contactAdvice,
  shanghaiDate,
  shanghaiInstant,
  toShanghaiIso,
  type BookingDto,
  type CreateBookingInput,
  type ProviderDto,
  type SlotDto,
  type SlotsQuery,
  type SlotWatchInput,
} from '@zjh/shared';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { centerScope, isCityAdmin, type Principal, type StaffPrincipal, type UserPrincipal } from '../../lib/access';
import type { CentersService } from '../centers/centers.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { AuditService } from '../audit/audit.service';
import { timeline } from '../timeline/timeline.service';
import { BookingEntity, SlotWatchEntity } from './booking.entity';
import type { ProvidersService } from './providers.service';

/** Booking rules of the service (product spec: 2 h notice, 30-day window, cut-off, a few per person). */
export const BOOKING_POLICY = {
  minNoticeMs: 2 * 3600_000,
  windowMs: 30 * 86400_000,
  clientCutoffMs: 2 * 3600_000,
  maxFuturePerPerson: 3,
  reminders: [
    { key: '24h', beforeMs: 24 * 3600_000 },
    { key: '1h', beforeMs: 3600_000 },
  ],
} as const;

export const BOOKING_ENTITY = 'booking';
const slotKey = (providerId: string, start: Date) => `${providerId}|${start.getTime()}`;

export class BookingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly providers: ProvidersService,
    private readonly centers: CentersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly now: () => Date,
  ) {}

  /** Free slots for a kind (and center / provider) between two dates, Asia/Shanghai. */
  async slots(q: SlotsQuery): Promise<SlotDto[]> {
    const now = this.now();
    const fromDate = q.from ? shanghaiDate(new Date(q.from.length === 10 ? `${q.from}T00:00:00+08:00` : q.from)) : shanghaiDate(now);
    const toDate = q.to ? shanghaiDate(new Date(q.to.length === 10 ? `${q.to}T00:00:00+08:00` : q.to)) : shanghaiDate(new Date(now.getTime() + 14 * 86400_000));
    if (toDate < fromDate) throw AppError.field('query.to', '结束日期不能早于开始日期');
    if (Date.parse(toDate) - Date.parse(fromDate) > 62 * 86400_000) throw AppError.field('query.to', '一次最多查询 62 天');
    const providers = (await this.providers.list({ kind: q.kind, centerId: q.centerId, ...(q.providerId ? { ids: [q.providerId] } : {}) }));
    if (providers.length === 0) return [];
    const taken = await this.takenStarts(providers.map((p) => p.id), shanghaiInstant(fromDate, '00:00'), shanghaiInstant(toDate, '23:59'));
    const policy = { notBefore: new Date(now.getTime() + BOOKING_POLICY.minNoticeMs), notAfter: new Date(now.getTime() + BOOKING_POLICY.windowMs) };
    const out: SlotDto[] = [];
    for (const p of providers) {
      for (const s of computeSlots(p.rules, p.exceptions, taken.get(p.id) ?? new Set(), { ...policy, slotMinutes: p.slotMinutes, bufferMinutes: p.bufferMinutes }, fromDate, toDate)) {
        out.push({ providerId: p.id, providerName: p.name, centerId: p.centerId, kind: p.kind, start: toShanghaiIso(s.start), end: toShanghaiIso(s.end), modes: p.modes });
      }
    }
    // ISO strings with one offset sort by time as plain strings; names only break ties.
    return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.providerName.localeCompare(b.providerName)));
  }

  /**
   * Books a slot. The slot must be one the provider offers and still free; the unique activeSlot
   * key decides between concurrent bookings: exactly one INSERT succeeds, the rest get SLOT_TAKEN.
   */
  async book(user: UserPrincipal, input: CreateBookingInput): Promise<BookingDto> {
    const provider = await this.providers.get(input.providerId);
    if (!provider.modes.includes(input.mode)) throw AppError.field('mode', '该咨询师不提供这种方式');
    const start = new Date(input.start);
    const slot = this.offeredSlot(provider, start);
    if (!slot) throw AppError.field('start', '该时间不是可预约的时段（须提前 2 小时、30 天内，且在咨询师的值班时间）');
    const now = this.now();
    const future = await this.ds.getRepository(BookingEntity).countBy({ userId: user.userId, status: 'confirmed', startAt: MoreThan(now) });
    if (future >= BOOKING_POLICY.maxFuturePerPerson) {
      throw AppError.conflict('TOO_MANY_BOOKINGS', `同一时间最多保留 ${BOOKING_POLICY.maxFuturePerPerson} 个未到期的预约，请先取消不需要的预约`);
    }
    const booking: BookingEntity = {
      id: newId(),
      providerId: provider.id,
      centerId: provider.centerId,
      userId: user.userId,
      kind: provider.kind,
      mode: input.mode,
      startAt: slot.start,
      endAt: slot.end,
      status: 'confirmed',
      activeSlot: slotKey(provider.id, slot.start),
      contact: input.contact ?? null,
      topic: input.topic ?? null,
      notify: input.notify ?? false,
      note: null,
      cancelReason: null,
      cancelledBy: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await inTransaction(this.ds, async (em) => {
        await em.getRepository(BookingEntity).insert(booking);
        await timeline.append(em, user, { entityType: BOOKING_ENTITY, entityId: booking.id, type: 'booked', to: toShanghaiIso(slot.start), visibility: 'client' }, now);
        await this.scheduleReminders(em, booking);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict('SLOT_TAKEN', '该时段已被预约');
      throw err;
    }
    return this.toDto(booking, provider);
  }

  async mine(user: UserPrincipal): Promise<BookingDto[]> {
    const rows = await this.ds.getRepository(BookingEntity).find({ where: { userId: user.userId }, order: { startAt: 'DESC' } });
    return this.toDtos(rows);
  }

  /** She cancels until the cut-off; staff of the center (and the provider) any time, with a reason. */
  async cancel(actor: Principal, id: string, reason?: string): Promise<BookingDto> {
    const b = await this.loadFor(actor, id);
    if (b.status !== 'confirmed') throw AppError.conflict('NOT_CANCELLABLE', '该预约已取消或已结束');
    const now = this.now();
    if (actor.kind === 'user' && b.startAt.getTime() - now.getTime() < BOOKING_POLICY.clientCutoffMs) {
      throw AppError.conflict('TOO_LATE_TO_CANCEL', '开始前 2 小时内无法在线取消，请致电中心');
    }
    if (actor.kind === 'staff' && !reason) throw AppError.field('reason', '工作人员取消预约须填写原因');
    await inTransaction(this.ds, async (em) => {
      const res = await em
        .createQueryBuilder()
        .update(BookingEntity)
        .set({ status: 'cancelled', activeSlot: null, cancelledAt: now, cancelledBy: actor.kind === 'user' ? 'client' : 'staff', cancelReason: reason ?? null, updatedAt: now })
        .where('id = :id AND status = :s', { id: b.id, s: 'confirmed' })
        .execute();
      if (res.affected !== 1) throw AppError.conflict('NOT_CANCELLABLE', '该预约已取消或已结束');
      await timeline.append(em, actor, { entityType: BOOKING_ENTITY, entityId: b.id, type: 'status', from: 'confirmed', to: 'cancelled', note: reason ?? null, visibility: 'client' }, now);
      await this.notifications.cancel(em, `booking:${b.id}:`);
      if (actor.kind === 'staff' && b.userId && b.notify) {
        await this.notifications.enqueue(em, { dedupeKey: `booking:${b.id}:changed:${now.getTime()}`, userId: b.userId, template: 'appointment_changed', page: 'pages/bookings/mine', dueAt: now });
      }
      await this.notifyWatchers(em, b, now);
    });
    return (await this.toDtos([await this.ds.getRepository(BookingEntity).findOneByOrFail({ id: b.id })]))[0];
  }

  /** Moves a booking to another free slot of the same provider, in one conditional UPDATE. */
  async reschedule(actor: Principal, id: string, startIso: string, reason?: string): Promise<BookingDto> {
    const b = await this.loadFor(actor, id);
    if (b.status !== 'confirmed') throw AppError.conflict('NOT_CANCELLABLE', '该预约已取消或已结束');
    const now = this.now();
    if (actor.kind === 'user' && b.startAt.getTime() - now.getTime() < BOOKING_POLICY.clientCutoffMs) {
      throw AppError.conflict('TOO_LATE_TO_CANCEL', '开始前 2 小时内无法在线改期，请致电中心');
    }
    const provider = await this.providers.get(b.providerId);
    const slot = this.offeredSlot(provider, new Date(startIso));
    if (!slot) throw AppError.field('start', '该时间不是可预约的时段');
    const before = b.startAt;
    try {
      await inTransaction(this.ds, async (em) => {
        const res = await em
          .createQueryBuilder()
          .update(BookingEntity)
          .set({ startAt: slot.start, endAt: slot.end, activeSlot: slotKey(b.providerId, slot.start), updatedAt: now })
          .where('id = :id AND status = :s', { id: b.id, s: 'confirmed' })
          .execute();
        if (res.affected !== 1) throw AppError.conflict('NOT_CANCELLABLE', '该预约已取消或已结束');
        await timeline.append(em, actor, { entityType: BOOKING_ENTITY, entityId: b.id, type: 'rescheduled', from: toShanghaiIso(before), to: toShanghaiIso(slot.start), note: reason ?? null, visibility: 'client' }, now);
        await this.notifications.cancel(em, `booking:${b.id}:remind`);
        await this.scheduleReminders(em, { ...b, startAt: slot.start });
        await this.notifyWatchers(em, b, now);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict('SLOT_TAKEN', '该时段已被预约');
      throw err;
    }
    return (await this.toDtos([await this.ds.getRepository(BookingEntity).findOneByOrFail({ id: b.id })]))[0];
  }

  /** "Notify me if something opens": one watch per kind, center and day. */
  async watch(user: UserPrincipal, input: SlotWatchInput): Promise<{ id: string }> {
    await this.centers.get(input.centerId).catch(() => {
      throw AppError.field('centerId', '中心不存在');
    });
    const id = newId();
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(SlotWatchEntity)
      .values({ id, userId: user.userId, kind: input.kind, centerId: input.centerId, date: input.date, createdAt: this.now(), notifiedAt: null })
      .orIgnore()
      .execute();
    const row = await this.ds.getRepository(SlotWatchEntity).findOneByOrFail({ userId: user.userId, kind: input.kind, centerId: input.centerId, date: input.date });
    return { id: row.id };
  }

  // ——— back office ———

  async staffList(staff: StaffPrincipal, q: { from?: string; to?: string; providerId?: string; centerId?: string }) {
    const where: Record<string, unknown> = {};
    const scope = centerScope(staff);
    if (scope) where.centerId = scope;
    else if (q.centerId) where.centerId = q.centerId;
    if (['counselor', 'lawyer', 'educator', 'mediator'].includes(staff.role)) where.providerId = staff.staffId;
    else if (q.providerId) where.providerId = q.providerId;
    const from = q.from ? new Date(q.from.length === 10 ? `${q.from}T00:00:00+08:00` : q.from) : new Date(this.now().getTime() - 7 * 86400_000);
    const to = q.to ? new Date(q.to.length === 10 ? `${q.to}T23:59:59+08:00` : q.to) : new Date(this.now().getTime() + 31 * 86400_000);
    const rows = await this.ds.getRepository(BookingEntity).find({ where: { ...where, startAt: Between(from, to) }, order: { startAt: 'ASC' } });
    return this.toStaffDtos(staff, rows);
  }

  async staffGet(staff: StaffPrincipal, id: string) {
    const b = await this.loadFor(staff, id);
    await this.audit.record(staff, { action: 'booking.read', entityType: BOOKING_ENTITY, entityId: b.id, centerId: b.centerId });
    return (await this.toStaffDtos(staff, [b]))[0];
  }

  /** Attendance and the confidential note: the provider herself (or center staff / admin for attendance). */
  async record(staff: StaffPrincipal, id: string, input: { status?: 'attended' | 'no_show'; note?: string }) {
    const b = await this.loadFor(staff, id);
    const now = this.now();
    if (input.note !== undefined && b.providerId !== staff.staffId) throw AppError.forbidden('咨询记录只能由咨询师本人填写');
    await inTransaction(this.ds, async (em) => {
      if (input.status) {
        if (b.status === 'cancelled') throw AppError.conflict('NOT_CANCELLABLE', '已取消的预约不能记录到场');
        if (b.startAt.getTime() > now.getTime()) throw AppError.conflict('NOT_STARTED', '预约开始后才能记录到场情况');
        await em.getRepository(BookingEntity).update({ id: b.id }, { status: input.status, updatedAt: now });
        await timeline.append(em, staff, { entityType: BOOKING_ENTITY, entityId: b.id, type: 'status', from: b.status, to: input.status }, now);
      }
      if (input.note !== undefined) {
        await em.getRepository(BookingEntity).update({ id: b.id }, { note: input.note, updatedAt: now });
        await timeline.append(em, staff, { entityType: BOOKING_ENTITY, entityId: b.id, type: 'note_saved' }, now);
      }
    });
    return (await this.toStaffDtos(staff, [await this.ds.getRepository(BookingEntity).findOneByOrFail({ id: b.id })]))[0];
  }

  async history(actor: Principal, id: string) {
    const b = await this.loadFor(actor, id);
    return timeline.list(this.ds.manager, BOOKING_ENTITY, b.id, { clientOnly: actor.kind === 'user' });
  }

  /** "Delete my data": bookings lose their link to her and her contact details. */
  async eraseUser(em: EntityManager, userId: string) {
    const now = this.now();
    const future = await em.getRepository(BookingEntity).findBy({ userId, status: 'confirmed', startAt: MoreThan(now) });
    for (const b of future) await this.notifications.cancel(em, `booking:${b.id}:`);
    await em.getRepository(BookingEntity).update({ userId, status: 'confirmed', startAt: MoreThan(now) }, { status: 'cancelled', activeSlot: null, cancelledAt: now, cancelledBy: 'client' });
    await em.getRepository(BookingEntity).update({ userId }, { userId: null, contact: null, topic: null });
    await em.getRepository(SlotWatchEntity).delete({ userId });
  }

  // ——— helpers ———

  private offeredSlot(provider: ProviderDto, start: Date) {
    if (Number.isNaN(start.getTime())) return undefined;
    const now = this.now();
    const date = shanghaiDate(start);
    const slots = computeSlots(
      provider.rules,
      provider.exceptions,
      new Set(),
      { slotMinutes: provider.slotMinutes, bufferMinutes: provider.bufferMinutes, notBefore: new Date(now.getTime() + BOOKING_POLICY.minNoticeMs), notAfter: new Date(now.getTime() + BOOKING_POLICY.windowMs) },
      date,
      date,
    );
    return slots.find((s) => s.start.getTime() === start.getTime());
  }

  private async takenStarts(providerIds: string[], from: Date, to: Date): Promise<Map<string, Set<number>>> {
    const rows = await this.ds.getRepository(BookingEntity).find({
      where: { providerId: In(providerIds), status: In(['confirmed', 'attended', 'no_show']), startAt: Between(from, to) },
      select: { providerId: true, startAt: true },
    });
    const map = new Map<string, Set<number>>();
    for (const r of rows) {
      if (!map.has(r.providerId)) map.set(r.providerId, new Set());
      map.get(r.providerId)!.add(r.startAt.getTime());
    }
    return map;
  }

  private async scheduleReminders(em: EntityManager, b: Pick<BookingEntity, 'id' | 'userId' | 'notify' | 'startAt'>) {
    if (!b.userId || !b.notify) return;
    for (const r of BOOKING_POLICY.reminders) {
      const dueAt = new Date(b.startAt.getTime() - r.beforeMs);
      if (dueAt.getTime() <= this.now().getTime()) continue;
      await this.notifications.enqueue(em, { dedupeKey: `booking:${b.id}:remind-${r.key}:${b.startAt.getTime()}`, userId: b.userId, template: 'appointment_reminder', page: 'pages/bookings/mine', dueAt });
    }
  }

  /** A freed slot is offered to everyone who asked to be told about that kind, center and day. */
  private async notifyWatchers(em: EntityManager, b: BookingEntity, now: Date) {
    const watches = await em.getRepository(SlotWatchEntity).findBy({ kind: b.kind, centerId: b.centerId, date: shanghaiDate(b.startAt) });
    for (const w of watches) {
      if (w.userId === b.userId) continue;
      await this.notifications.enqueue(em, { dedupeKey: `watch:${w.id}:${b.id}:${b.startAt.getTime()}`, userId: w.userId, template: 'slot_available', page: 'pages/bookings/index', dueAt: now });
      await em.getRepository(SlotWatchEntity).update({ id: w.id }, { notifiedAt: now });
    }
  }

  private async loadFor(actor: Principal, id: string): Promise<BookingEntity> {
    const b = await this.ds.getRepository(BookingEntity).findOneBy({ id });
    if (!b) throw AppError.notFound('找不到该预约');
    if (actor.kind === 'user') {
      if (b.userId !== actor.userId) throw AppError.notFound('找不到该预约');
      return b;
    }
    const visible = isCityAdmin(actor) || b.providerId === actor.staffId || (actor.role === 'center_staff' && actor.centerId === b.centerId);
    if (!visible) throw AppError.notFound('找不到该预约');
    return b;
  }

  /** `known` providers (already loaded by the caller) are not read again. */
  private async toDtos(rows: BookingEntity[], known: ProviderDto[] = []): Promise<BookingDto[]> {
    const missing = [...new Set(rows.map((r) => r.providerId))].filter((id) => !known.some((p) => p.id === id));
    const providers = new Map([...known, ...(missing.length ? await this.providers.list({ ids: missing }) : [])].map((p) => [p.id, p]));
    // One read of the centers; a closed center keeps its name but no longer shows address or phone.
    const names = await this.centers.names();
    return rows.map((b) => {
      const named = names.get(b.centerId);
      const c = named?.active ? named : undefined;
      return {
        id: b.id,
        status: b.status,
        kind: b.kind,
        mode: b.mode,
        start: toShanghaiIso(b.startAt),
        end: toShanghaiIso(b.endAt),
        provider: { id: b.providerId, name: providers.get(b.providerId)?.name ?? '—' },
        center: { id: b.centerId, name: named?.name ?? '—', address: c?.address ?? '', phone: c?.phone ?? '' },
        canCancel: b.status === 'confirmed' && b.startAt.getTime() - this.now().getTime() >= BOOKING_POLICY.clientCutoffMs,
        cancelReason: b.cancelReason,
      };
    });
  }

  private async toDto(b: BookingEntity, provider: ProviderDto): Promise<BookingDto> {
    return (await this.toDtos([b], [provider]))[0];
  }

  private async toStaffDtos(staff: StaffPrincipal, rows: BookingEntity[]) {
    const base = await this.toDtos(rows);
    const now = this.now();
    return rows.map((b, i) => ({
      ...base[i],
      canCancel: b.status === 'confirmed',
      client: { contact: b.contact, contactAdvice: b.contact ? contactAdvice(b.contact, now) : null },
      topic: b.topic,
      note: b.providerId === staff.staffId || isCityAdmin(staff) ? b.note : null,
    }));
  }
}
