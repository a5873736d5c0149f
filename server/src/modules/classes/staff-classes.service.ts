import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { CourseInput, CourseUpdateInput, SessionInput, SessionUpdateInput, StaffClassCourseDto } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { isCityAdmin, type StaffPrincipal } from '../../lib/access';
import type { CentersService } from '../centers/centers.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { timeline } from '../timeline/timeline.service';
import { ClassEnrolmentEntity, ClassSessionEntity, CourseEntity } from './classes.entity';
import { COURSE_ENTITY, SESSION_ENTITY, courseWorkflow, publicationOf } from './classes.workflow';
import { attendedCounts, lockSession, retryOnDeadlock, waitlistCounts } from './classes.queries';
import { toStaffCourseDto, toStaffSessionDto } from './classes.mapper';
import { managedCourse, managedSession } from './class-access';
import type { EnrolmentsService } from './enrolments.service';

/** The back office of classes: courses, sessions, publishing. */
export class StaffClassesService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly enrolments: EnrolmentsService,
    private readonly notifications: NotificationsService,
    private readonly now: () => Date,
  ) {}

  async list(staff: StaffPrincipal, q: { centerId?: string; category?: CourseInput['category'] }): Promise<StaffClassCourseDto[]> {
    const where: FindOptionsWhere<CourseEntity> = { ...(q.category ? { category: q.category } : {}) };
    if (!isCityAdmin(staff)) where.centerId = staff.centerId ?? '-';
    else if (q.centerId) where.centerId = q.centerId;
    const courses = await this.ds.getRepository(CourseEntity).find({ where, order: { createdAt: 'DESC' } });
    return this.toDtos(courses);
  }

  async get(staff: StaffPrincipal, id: string): Promise<StaffClassCourseDto> {
    return (await this.toDtos([await managedCourse(this.ds, staff, id)]))[0];
  }

  /** A course of her center (center staff, advisers) or of any center / city-wide (admin). */
  async createCourse(staff: StaffPrincipal, input: CourseInput): Promise<StaffClassCourseDto> {
    const centerId = await this.centerFor(staff, input.centerId, 'centerId');
    const now = this.now();
    const course: CourseEntity = {
      id: newId(), category: input.category, title: input.title, description: input.description, audience: input.audience, centerId,
      published: false, sample: false, createdBy: staff.staffId, createdAt: now, updatedAt: now,
    };
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(CourseEntity).insert(course);
      await timeline.append(em, staff, { entityType: COURSE_ENTITY, entityId: course.id, type: 'created' }, now);
      if (input.published) {
        courseWorkflow.check('draft', 'published', staff.role);
        await em.getRepository(CourseEntity).update({ id: course.id }, { published: true });
        await timeline.append(em, staff, { entityType: COURSE_ENTITY, entityId: course.id, type: 'status', from: 'draft', to: 'published' }, now);
      }
    });
    return this.get(staff, course.id);
  }

  async updateCourse(staff: StaffPrincipal, id: string, input: CourseUpdateInput): Promise<StaffClassCourseDto> {
    const course = await managedCourse(this.ds, staff, id);
    const now = this.now();
    const { published, ...fields } = input;
    const move = published !== undefined && published !== course.published ? courseWorkflow.check(publicationOf(course.published), publicationOf(published), staff.role) : null;
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(CourseEntity).update({ id }, { ...fields, ...(move ? { published } : {}), updatedAt: now });
      if (Object.keys(fields).length) await timeline.append(em, staff, { entityType: COURSE_ENTITY, entityId: id, type: 'updated', note: Object.keys(fields).join(',') }, now);
      if (move) await timeline.append(em, staff, { entityType: COURSE_ENTITY, entityId: id, type: 'status', from: move.from, to: move.to }, now);
    });
    return this.get(staff, id);
  }

  async createSession(staff: StaffPrincipal, courseId: string, input: SessionInput): Promise<StaffClassCourseDto> {
    const course = await managedCourse(this.ds, staff, courseId);
    const centerId = input.centerId === undefined ? course.centerId : await this.centerFor(staff, input.centerId, 'centerId');
    const now = this.now();
    const start = new Date(input.start);
    const session: ClassSessionEntity = {
      id: newId(), courseId, startAt: start, endAt: new Date(input.end), enrolmentDeadline: input.enrolmentDeadline ? new Date(input.enrolmentDeadline) : start,
      online: input.online, liveUrl: input.liveUrl ?? null, replayUrl: input.replayUrl ?? null, venue: input.venue ?? null, centerId,
      capacity: input.capacity, taken: 0, waitSeq: 0, version: 0, createdAt: now, updatedAt: now,
    };
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(ClassSessionEntity).insert(session);
      await timeline.append(em, staff, { entityType: SESSION_ENTITY, entityId: session.id, type: 'created', to: session.startAt.toISOString() }, now);
    });
    return this.get(staff, courseId);
  }

  /**
   * Edits a session. More places go to the waiting list at once; fewer than are already taken is a
   * 409; a new start time moves everyone's reminders.
   */
  async updateSession(staff: StaffPrincipal, sessionId: string, input: SessionUpdateInput): Promise<StaffClassCourseDto> {
    const { session, course } = await managedSession(this.ds, staff, sessionId);
    const start = input.start ? new Date(input.start) : session.startAt;
    const end = input.end ? new Date(input.end) : session.endAt;
    const deadline = input.enrolmentDeadline ? new Date(input.enrolmentDeadline) : input.start && session.enrolmentDeadline.getTime() === session.startAt.getTime() ? start : session.enrolmentDeadline;
    if (end.getTime() <= start.getTime()) throw AppError.field('end', '结束时间须晚于开始时间');
    if (deadline.getTime() > start.getTime()) throw AppError.field('enrolmentDeadline', '报名截止时间不能晚于开课时间');
    if (input.venue === null && !session.online) throw AppError.field('venue', '线下课程须填写上课地点');
    const now = this.now();
    await retryOnDeadlock(() =>
      inTransaction(this.ds, async (em) => {
        await lockSession(em, sessionId, now);
        const current = await em.getRepository(ClassSessionEntity).findOneByOrFail({ id: sessionId });
        if (input.capacity !== undefined && input.capacity < current.taken) {
          throw AppError.conflict('CAPACITY_BELOW_ENROLLED', `已有 ${current.taken} 人报名，名额不能少于已报名人数`, { taken: current.taken });
        }
        await em.getRepository(ClassSessionEntity).update(
          { id: sessionId },
          {
            startAt: start, endAt: end, enrolmentDeadline: deadline, updatedAt: now,
            ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
            ...(input.liveUrl !== undefined ? { liveUrl: input.liveUrl } : {}),
            ...(input.replayUrl !== undefined ? { replayUrl: input.replayUrl } : {}),
            ...(input.venue !== undefined ? { venue: input.venue } : {}),
          },
        );
        await timeline.append(em, staff, { entityType: SESSION_ENTITY, entityId: sessionId, type: 'updated', note: Object.keys(input).join(',') }, now);
        if (start.getTime() !== session.startAt.getTime()) {
          const holders = await em.getRepository(ClassEnrolmentEntity).findBy({ sessionId, status: 'enrolled' });
          for (const e of holders) {
            await this.notifications.cancel(em, `class:${e.id}:remind`);
            await this.enrolments.scheduleReminders(em, e, start);
          }
        }
        if (input.capacity !== undefined && input.capacity > current.capacity) await this.enrolments.fillPlaces(em, sessionId, now);
      }),
    );
    return this.get(staff, course.id);
  }

  /** Resolves the center of a new course or session: staff only their own; the admin any (or none). */
  private async centerFor(staff: StaffPrincipal, requested: string | null | undefined, field: string): Promise<string | null> {
    if (isCityAdmin(staff)) {
      if (!requested) return null;
      if (!(await this.centers.exists(requested))) throw AppError.field(field, '中心不存在');
      return requested;
    }
    if (!staff.centerId) throw AppError.forbidden('你的账号没有所属中心');
    if (requested === null) throw AppError.forbidden('全市课程由市妇联管理员管理');
    if (requested !== undefined && requested !== staff.centerId) throw AppError.forbidden('只能管理本中心的课程');
    return staff.centerId;
  }

  private async toDtos(courses: CourseEntity[]): Promise<StaffClassCourseDto[]> {
    if (courses.length === 0) return [];
    const sessions = await this.ds.getRepository(ClassSessionEntity).find({ where: { courseId: In(courses.map((c) => c.id)) }, order: { startAt: 'ASC' } });
    const ids = sessions.map((s) => s.id);
    const [waitlists, attended, names] = await Promise.all([waitlistCounts(this.ds.manager, ids), attendedCounts(this.ds.manager, ids), this.centers.names()]);
    const centerName = (id: string | null) => (id ? (names.get(id)?.name ?? null) : null);
    const now = this.now();
    return courses.map((c) =>
      toStaffCourseDto(
        c,
        centerName(c.centerId),
        sessions.filter((s) => s.courseId === c.id).map((s) => toStaffSessionDto(s, { waitlist: waitlists.get(s.id) ?? 0, attended: attended.get(s.id) ?? 0, centerName: centerName(s.centerId), now })),
      ),
    );
  }
}
