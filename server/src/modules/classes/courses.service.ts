import { In, MoreThan, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { ClassCourseDto, ClassesQuery } from '@zjh/shared';
import type { Principal } from '../../lib/access';
import type { CentersService } from '../centers/centers.service';
import { AppError } from '../../lib/errors';
import { ClassSessionEntity, CourseEntity } from './classes.entity';
import { viewerEnrolments, waitlistCounts, waitPosition } from './classes.queries';
import { courseBase, toSessionDto } from './classes.mapper';

/** The public side of classes: published courses and their sessions, with her status when signed in. */
export class CoursesService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly now: () => Date,
  ) {}

  /** Published courses with their sessions that have not ended (all sessions with includePast). */
  async list(viewer: Principal | undefined, q: ClassesQuery): Promise<ClassCourseDto[]> {
    const where: FindOptionsWhere<CourseEntity> = { published: true, ...(q.category ? { category: q.category } : {}) };
    const courses = await this.ds.getRepository(CourseEntity).find({ where, order: { createdAt: 'ASC' } });
    if (courses.length === 0) return [];
    const sessionWhere: FindOptionsWhere<ClassSessionEntity> = { courseId: In(courses.map((c) => c.id)), ...(q.includePast ? {} : { endAt: MoreThan(this.now()) }) };
    const sessions = await this.ds.getRepository(ClassSessionEntity).find({ where: sessionWhere, order: { startAt: 'ASC' } });
    let dtos = await this.toDtos(viewer, courses, sessions);
    if (q.centerId) dtos = dtos.filter((c) => c.centerId === q.centerId || c.sessions.some((s) => s.centerId === q.centerId));
    const next = (c: ClassCourseDto) => c.sessions[0]?.start ?? '9999';
    return dtos.sort((a, b) => next(a).localeCompare(next(b)));
  }

  /** One published course with every session, past ones included (for the replay). */
  async get(viewer: Principal | undefined, id: string): Promise<ClassCourseDto> {
    const course = await this.ds.getRepository(CourseEntity).findOneBy({ id, published: true });
    if (!course) throw AppError.notFound('找不到该课程');
    const sessions = await this.ds.getRepository(ClassSessionEntity).find({ where: { courseId: id }, order: { startAt: 'ASC' } });
    return (await this.toDtos(viewer, [course], sessions))[0];
  }

  private async toDtos(viewer: Principal | undefined, courses: CourseEntity[], sessions: ClassSessionEntity[]): Promise<ClassCourseDto[]> {
    const em = this.ds.manager;
    const ids = sessions.map((s) => s.id);
    const waitlists = await waitlistCounts(em, ids);
    const mine = viewer?.kind === 'user' ? await viewerEnrolments(em, viewer.userId, ids) : new Map();
    const names = await this.centers.names();
    const centerName = (id: string | null) => (id ? (names.get(id)?.name ?? null) : null);
    const now = this.now();
    const out: ClassCourseDto[] = [];
    for (const c of courses) {
      const own = sessions.filter((s) => s.courseId === c.id);
      const dtoSessions = [];
      for (const s of own) {
        const e = mine.get(s.id);
        const my = e ? { status: e.status, position: await waitPosition(em, e) } : null;
        dtoSessions.push(toSessionDto(s, { waitlist: waitlists.get(s.id) ?? 0, centerName: centerName(s.centerId), mine: my, now }));
      }
      out.push({ ...courseBase(c, centerName(c.centerId)), sessions: dtoSessions });
    }
    return out;
  }
}
