import { ClassCategory, toShanghaiIso, type ClassCourseDto, type ClassSessionDto, type EnrolmentStatus, type StaffClassCourseDto, type StaffClassSessionDto } from '@zjh/shared';
import type { ClassSessionEntity, CourseEntity } from './classes.entity';
import { CLASS_POLICY } from './classes.workflow';

export interface SessionView {
  waitlist: number;
  centerName: string | null;
  mine?: { status: EnrolmentStatus; position: number | null } | null;
  now: Date;
}

const HOLDS_PLACE: EnrolmentStatus[] = ['enrolled', 'attended'];

/**
 * The live link only for people holding a place, from 30 minutes before the start to the end; the
 * replay only for them, after the end. Everyone else sees neither.
 */
export function visibleLinks(s: Pick<ClassSessionEntity, 'online' | 'startAt' | 'endAt' | 'liveUrl' | 'replayUrl'>, status: EnrolmentStatus | null | undefined, now: Date) {
  const holds = !!status && HOLDS_PLACE.includes(status);
  const t = now.getTime();
  const live = holds && s.online && t >= s.startAt.getTime() - CLASS_POLICY.liveLinkBeforeMs && t <= s.endAt.getTime() ? s.liveUrl : null;
  const replay = holds && t > s.endAt.getTime() ? s.replayUrl : null;
  return { liveUrl: live, replayUrl: replay };
}

export function enrolmentOpen(s: Pick<ClassSessionEntity, 'startAt' | 'enrolmentDeadline'>, now: Date): boolean {
  return now.getTime() <= s.enrolmentDeadline.getTime() && now.getTime() < s.startAt.getTime();
}

export function toSessionDto(s: ClassSessionEntity, v: SessionView): ClassSessionDto {
  return {
    id: s.id,
    start: toShanghaiIso(s.startAt),
    end: toShanghaiIso(s.endAt),
    online: s.online,
    capacity: s.capacity,
    placesLeft: Math.max(0, s.capacity - s.taken),
    waitlistLength: v.waitlist,
    venue: s.venue,
    centerId: s.centerId,
    centerName: v.centerName,
    enrolmentDeadline: toShanghaiIso(s.enrolmentDeadline),
    enrolmentOpen: enrolmentOpen(s, v.now),
    myStatus: v.mine?.status ?? null,
    myPosition: v.mine?.position ?? null,
    ...visibleLinks(s, v.mine?.status, v.now),
  };
}

export function toStaffSessionDto(s: ClassSessionEntity, v: Omit<SessionView, 'mine'> & { attended: number }): StaffClassSessionDto {
  const { myStatus: _s, myPosition: _p, ...base } = toSessionDto(s, v);
  return { ...base, liveUrl: s.liveUrl, replayUrl: s.replayUrl, enrolled: s.taken, attended: v.attended };
}

type CourseBase = Omit<ClassCourseDto, 'sessions'>;
export function courseBase(c: CourseEntity, centerName: string | null): CourseBase {
  return {
    id: c.id,
    title: c.title,
    category: c.category,
    categoryLabel: ClassCategory[c.category],
    description: c.description,
    audience: c.audience,
    centerId: c.centerId,
    centerName,
    sample: c.sample,
  };
}

export function toStaffCourseDto(c: CourseEntity, centerName: string | null, sessions: StaffClassSessionDto[]): StaffClassCourseDto {
  return { ...courseBase(c, centerName), published: c.published, createdAt: toShanghaiIso(c.createdAt), updatedAt: toShanghaiIso(c.updatedAt), sessions };
}
