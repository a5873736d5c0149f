import { randomInt } from 'node:crypto';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import { toShanghaiIso, type EnrolInput, type EnrolResult, type MyEnrolmentDto } from '@zjh/shared';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import type { UserPrincipal } from '../../lib/access';
import type { CentersService } from '../centers/centers.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { timeline } from '../timeline/timeline.service';
import { ClassEnrolmentEntity, ClassSessionEntity, CourseEntity } from './classes.entity';
import { CLASS_POLICY, ENROLMENT_ENTITY, enrolmentWorkflow } from './classes.workflow';
import { claimPlace, currentEnrolment, firstWaitlisted, lockSession, moveEnrolment, nextWaitSeq, releasePlace, retryOnDeadlock, waitlistCounts, waitPosition } from './classes.queries';
import { toSessionDto } from './classes.mapper';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud at the door
const checkInCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const activeKey = (sessionId: string, userId: string) => `${sessionId}|${userId}`;

/** Her side of classes: enrol (a place or a waiting-list number), leave, 我的课程; and promotion. */
export class EnrolmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly notifications: NotificationsService,
    private readonly now: () => Date,
  ) {}

  /**
   * Enrols her in a session. A place is claimed by a conditional UPDATE (`taken < capacity`); when
   * none is left she gets the next waiting-list number. However many enrol at once, the database
   * hands out exactly `capacity` places and distinct numbers to the rest.
   */
  async enrol(user: UserPrincipal, sessionId: string, input: EnrolInput): Promise<EnrolResult> {
    const { session } = await this.openSession(sessionId);
    const now = this.now();
    if (now.getTime() >= session.startAt.getTime()) throw AppError.conflict('SESSION_STARTED', '课程已开始，不能再报名');
    if (now.getTime() > session.enrolmentDeadline.getTime()) throw AppError.conflict('ENROLMENT_CLOSED', '报名已截止');
    await this.assertNotEnrolled(sessionId, user.userId);
    for (let attempt = 0; ; attempt++) {
      try {
        return await retryOnDeadlock(() => inTransaction(this.ds, (em) => this.enrolInTx(em, user, session, input, now)));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        await this.assertNotEnrolled(sessionId, user.userId);
        if (attempt >= 2) throw err; // not her duplicate: a check-in code collided three times
      }
    }
  }

  private async enrolInTx(em: EntityManager, user: UserPrincipal, session: ClassSessionEntity, input: EnrolInput, now: Date): Promise<EnrolResult> {
    await lockSession(em, session.id, now);
    const placed = await claimPlace(em, session.id);
    const e: ClassEnrolmentEntity = {
      id: newId(),
      sessionId: session.id,
      userId: user.userId,
      status: placed ? 'enrolled' : 'waitlisted',
      activeKey: activeKey(session.id, user.userId),
      waitSeq: placed ? null : await nextWaitSeq(em, session.id),
      checkInCode: checkInCode(),
      notify: input.notify ?? false,
      name: input.name ?? null,
      phone: input.phone ?? null,
      promotedAt: null,
      attendedAt: null,
      checkedInBy: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await em.getRepository(ClassEnrolmentEntity).insert(e);
    await timeline.append(em, user, { entityType: ENROLMENT_ENTITY, entityId: e.id, type: 'joined', to: e.status, visibility: 'client' }, now);
    if (placed) {
      await this.scheduleReminders(em, e, session.startAt);
      return { id: e.id, status: 'enrolled' };
    }
    return { id: e.id, status: 'waitlisted', position: (await waitPosition(em, e)) ?? 1 };
  }

  /** She gives up her place or leaves the waiting list; a freed place goes to the next in line. */
  async cancelMine(user: UserPrincipal, sessionId: string): Promise<{ id: string; status: 'cancelled' }> {
    const e = await this.ds.getRepository(ClassEnrolmentEntity).findOneBy({ activeKey: activeKey(sessionId, user.userId) });
    if (!e || e.status === 'cancelled') throw AppError.notFound('你没有报名该场次');
    const session = await this.ds.getRepository(ClassSessionEntity).findOneByOrFail({ id: sessionId });
    const now = this.now();
    if (e.status === 'attended' || now.getTime() >= session.startAt.getTime()) throw AppError.conflict('SESSION_STARTED', '课程已开始，不能取消');
    await retryOnDeadlock(() => inTransaction(this.ds, (em) => this.cancelInTx(em, user, e, now)));
    return { id: e.id, status: 'cancelled' };
  }

  /**
   * Under the session lock, from whatever state she is in now: she may have been promoted while
   * her request to leave the waiting list was on its way, and then her new place is passed on.
   */
  private async cancelInTx(em: EntityManager, actor: UserPrincipal | 'system', e: ClassEnrolmentEntity, now: Date): Promise<void> {
    await lockSession(em, e.sessionId, now);
    const current = await currentEnrolment(em, e.id);
    if (!current || current.status === 'cancelled') throw AppError.conflict('NOT_ENROLLED', '该报名已取消');
    if (current.status === 'attended') throw AppError.conflict('SESSION_STARTED', '已签到，不能取消');
    enrolmentWorkflow.check(current.status, 'cancelled', actor === 'system' ? 'system' : 'owner');
    const moved = await moveEnrolment(em, e.id, current.status, { status: 'cancelled', activeKey: null, cancelledAt: now, updatedAt: now });
    if (!moved) throw AppError.conflict('NOT_ENROLLED', '该报名已取消');
    await timeline.append(em, actor, { entityType: ENROLMENT_ENTITY, entityId: e.id, type: 'status', from: current.status, to: 'cancelled', visibility: 'client' }, now);
    await this.notifications.cancel(em, `class:${e.id}:`);
    if (current.status === 'enrolled') {
      await releasePlace(em, e.sessionId);
      await this.fillPlaces(em, e.sessionId, now);
    }
  }

  /**
   * Gives free places to the waiting list, first come first served. Each promotion is a
   * conditional UPDATE waitlisted → enrolled, so a person is promoted once, however many
   * cancellations race; the caller holds the session lock. Returns how many were promoted.
   */
  async fillPlaces(em: EntityManager, sessionId: string, now: Date): Promise<number> {
    let promoted = 0;
    for (;;) {
      const next = await firstWaitlisted(em, sessionId);
      if (!next) return promoted;
      if (!(await claimPlace(em, sessionId))) return promoted;
      enrolmentWorkflow.check('waitlisted', 'enrolled', 'system');
      if (!(await moveEnrolment(em, next.id, 'waitlisted', { status: 'enrolled', promotedAt: now, updatedAt: now }))) {
        throw AppError.conflict('CONFLICT', '候补名单正在变化，请重试');
      }
      promoted++;
      await timeline.append(em, 'system', { entityType: ENROLMENT_ENTITY, entityId: next.id, type: 'status', from: 'waitlisted', to: 'enrolled', visibility: 'client' }, now);
      if (next.userId) {
        await this.notifications.enqueue(em, { dedupeKey: `class:${next.id}:promoted`, userId: next.userId, template: 'waitlist_promoted', page: CLASS_POLICY.page, dueAt: now });
        const session = await em.getRepository(ClassSessionEntity).findOneByOrFail({ id: sessionId });
        await this.scheduleReminders(em, next, session.startAt);
      }
    }
  }

  /** Reminders 24 h and 1 h before, for people holding a place who asked for them. */
  async scheduleReminders(em: EntityManager, e: Pick<ClassEnrolmentEntity, 'id' | 'userId' | 'notify'>, startAt: Date): Promise<void> {
    if (!e.userId || !e.notify) return;
    for (const r of CLASS_POLICY.reminders) {
      const dueAt = new Date(startAt.getTime() - r.beforeMs);
      if (dueAt.getTime() <= this.now().getTime()) continue;
      await this.notifications.enqueue(em, { dedupeKey: `class:${e.id}:remind-${r.key}:${startAt.getTime()}`, userId: e.userId, template: 'class_reminder', page: CLASS_POLICY.page, dueAt });
    }
  }

  /** 我的课程: her enrolments, newest session first, with the code and links she may see. */
  async mine(user: UserPrincipal): Promise<MyEnrolmentDto[]> {
    const rows = await this.ds.getRepository(ClassEnrolmentEntity).find({ where: { userId: user.userId }, order: { createdAt: 'DESC' } });
    if (rows.length === 0) return [];
    const sessions = new Map((await this.ds.getRepository(ClassSessionEntity).findBy({ id: In([...new Set(rows.map((r) => r.sessionId))]) })).map((s) => [s.id, s]));
    const courses = new Map((await this.ds.getRepository(CourseEntity).findBy({ id: In([...new Set([...sessions.values()].map((s) => s.courseId))]) })).map((c) => [c.id, c]));
    const waitlists = await waitlistCounts(this.ds.manager, [...sessions.keys()]);
    const names = await this.centers.names();
    const now = this.now();
    const out: MyEnrolmentDto[] = [];
    for (const e of rows) {
      const s = sessions.get(e.sessionId);
      const c = s && courses.get(s.courseId);
      if (!s || !c) continue;
      const position = await waitPosition(this.ds.manager, e);
      const holds = e.status === 'enrolled' || e.status === 'attended';
      out.push({
        id: e.id,
        status: e.status,
        position,
        checkInCode: holds ? e.checkInCode : null,
        notify: e.notify,
        createdAt: toShanghaiIso(e.createdAt),
        course: { id: c.id, title: c.title, category: c.category },
        session: toSessionDto(s, { waitlist: waitlists.get(s.id) ?? 0, centerName: s.centerId ? (names.get(s.centerId)?.name ?? null) : null, mine: { status: e.status, position }, now }),
        canCancel: (e.status === 'enrolled' || e.status === 'waitlisted') && now.getTime() < s.startAt.getTime(),
      });
    }
    return out.sort((a, b) => b.session.start.localeCompare(a.session.start));
  }

  /** "Delete my data": future places are given up (and passed on), then every row loses her. */
  async eraseUser(em: EntityManager, userId: string): Promise<void> {
    const now = this.now();
    const active = await em.getRepository(ClassEnrolmentEntity).findBy({ userId, status: In(['enrolled', 'waitlisted']) });
    for (const e of active) {
      const s = await em.getRepository(ClassSessionEntity).findOneBy({ id: e.sessionId });
      if (s && now.getTime() < s.startAt.getTime()) await this.cancelInTx(em, 'system', e, now);
    }
    await em.getRepository(ClassEnrolmentEntity).update({ userId }, { userId: null, name: null, phone: null, activeKey: null });
  }

  /** A published course's session that exists, or 404. */
  async openSession(sessionId: string): Promise<{ session: ClassSessionEntity; course: CourseEntity }> {
    const session = await this.ds.getRepository(ClassSessionEntity).findOneBy({ id: sessionId });
    const course = session && (await this.ds.getRepository(CourseEntity).findOneBy({ id: session.courseId }));
    if (!session || !course || !course.published) throw AppError.notFound('找不到该课程场次');
    return { session, course };
  }

  private async assertNotEnrolled(sessionId: string, userId: string): Promise<void> {
    const existing = await this.ds.getRepository(ClassEnrolmentEntity).findOneBy({ activeKey: activeKey(sessionId, userId), status: Not('cancelled') });
    if (!existing) return;
    if (existing.status === 'waitlisted') throw AppError.conflict('ALREADY_ENROLLED', '你已在该场次的候补名单中', { status: 'waitlisted' });
    throw AppError.conflict('ALREADY_ENROLLED', '你已报名该场次', { status: existing.status });
  }
}
