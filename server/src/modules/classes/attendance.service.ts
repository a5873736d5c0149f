import type { DataSource } from 'typeorm';
import { toShanghaiIso, type CheckInInput, type ClassStats, type StaffEnrolmentDto } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { inTransaction } from '../../lib/db/transaction';
import type { StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import { timeline } from '../timeline/timeline.service';
import { ClassEnrolmentEntity, ClassSessionEntity } from './classes.entity';
import { CLASS_POLICY, ENROLMENT_ENTITY, SESSION_ENTITY, enrolmentWorkflow } from './classes.workflow';
import { moveEnrolment } from './classes.queries';
import { managedSession } from './class-access';

const ORDER: Record<string, number> = { attended: 0, enrolled: 1, waitlisted: 2, cancelled: 3 };

/** Enrolment lists and check-in for the people who run a session; the figures statistics read. */
export class AttendanceService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly now: () => Date,
  ) {}

  /** Everyone on a session (places, waiting list, cancelled); the read is audited. */
  async enrolments(staff: StaffPrincipal, sessionId: string): Promise<StaffEnrolmentDto[]> {
    const { session, course } = await managedSession(this.ds, staff, sessionId);
    await this.audit.record(staff, { action: 'class_enrolments.read', entityType: SESSION_ENTITY, entityId: session.id, centerId: session.centerId ?? course.centerId }, this.now());
    const rows = await this.ds.getRepository(ClassEnrolmentEntity).find({ where: { sessionId }, order: { createdAt: 'ASC' } });
    const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.waitSeq ?? 0) - (b.waitSeq ?? 0));
    return rows
      .map((e) => this.toDto(e, e.status === 'waitlisted' ? waiting.indexOf(e) + 1 : null))
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.position ?? 0) - (b.position ?? 0) || a.createdAt.localeCompare(b.createdAt));
  }

  /** Checks her in, by the enrolment picked from the list or by the code she shows. */
  async checkIn(staff: StaffPrincipal, sessionId: string, input: CheckInInput): Promise<StaffEnrolmentDto> {
    const { session } = await managedSession(this.ds, staff, sessionId);
    const repo = this.ds.getRepository(ClassEnrolmentEntity);
    const e = input.enrollmentId ? await repo.findOneBy({ id: input.enrollmentId, sessionId }) : await repo.findOneBy({ sessionId, checkInCode: input.code! });
    if (!e) throw AppError.notFound(input.code ? '签到码不正确' : '找不到该报名');
    if (e.status === 'attended') throw AppError.conflict('ALREADY_CHECKED_IN', '已签到', { attendedAt: e.attendedAt && toShanghaiIso(e.attendedAt) });
    if (e.status !== 'enrolled') throw AppError.conflict('NOT_ENROLLED', e.status === 'waitlisted' ? '候补中的报名不能签到' : '该报名已取消');
    const now = this.now();
    if (now.getTime() < session.startAt.getTime() - CLASS_POLICY.checkInOpensBeforeMs) throw AppError.conflict('CHECK_IN_NOT_OPEN', '开课前 1 小时起才能签到');
    enrolmentWorkflow.check('enrolled', 'attended', staff.role);
    await inTransaction(this.ds, async (em) => {
      if (!(await moveEnrolment(em, e.id, 'enrolled', { status: 'attended', attendedAt: now, checkedInBy: staff.staffId, updatedAt: now }))) {
        throw AppError.conflict('ALREADY_CHECKED_IN', '已签到');
      }
      await timeline.append(em, staff, { entityType: ENROLMENT_ENTITY, entityId: e.id, type: 'status', from: 'enrolled', to: 'attended', visibility: 'client' }, now);
    });
    return this.toDto(await repo.findOneByOrFail({ id: e.id }), null);
  }

  /**
   * For statistics: sessions held (started within [from, to)) and the people checked in at them,
   * for one center (sessions it runs or hosts) or all centers.
   */
  async stats(period: { from: Date; to: Date; centerId?: string | null }): Promise<ClassStats> {
    const until = new Date(Math.min(period.to.getTime(), this.now().getTime()));
    const sessions = this.ds
      .getRepository(ClassSessionEntity)
      .createQueryBuilder('s')
      .where('s.startAt >= :from AND s.startAt < :to', { from: period.from, to: until });
    if (period.centerId) sessions.andWhere('s.centerId = :centerId', { centerId: period.centerId });
    const held = await sessions.getCount();
    const attendees = await this.ds
      .getRepository(ClassEnrolmentEntity)
      .createQueryBuilder('e')
      .innerJoin(ClassSessionEntity, 's', 's.id = e.sessionId')
      .where('e.status = :status AND s.startAt >= :from AND s.startAt < :to', { status: 'attended', from: period.from, to: until })
      .andWhere(period.centerId ? 's.centerId = :centerId' : '1 = 1', period.centerId ? { centerId: period.centerId } : {})
      .getCount();
    return { held, attendees };
  }

  private toDto(e: ClassEnrolmentEntity, position: number | null): StaffEnrolmentDto {
    return {
      id: e.id,
      status: e.status,
      position,
      name: e.name,
      phone: e.phone,
      createdAt: toShanghaiIso(e.createdAt),
      attendedAt: e.attendedAt ? toShanghaiIso(e.attendedAt) : null,
    };
  }
}
