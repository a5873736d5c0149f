import type { DataSource } from 'typeorm';
import { AppError } from '../../lib/errors';
import { isCityAdmin, type StaffPrincipal } from '../../lib/access';
import { ClassSessionEntity, CourseEntity } from './classes.entity';

/**
 * Who may run a course: the city admin any; center staff and family-education advisers the courses
 * of their own center. City-wide courses (no center) are the admin's. Anything else is "not found".
 */
export function canManage(staff: StaffPrincipal, course: Pick<CourseEntity, 'centerId'>): boolean {
  if (isCityAdmin(staff)) return true;
  return !!course.centerId && staff.centerId === course.centerId && (staff.role === 'center_staff' || staff.role === 'educator');
}

export async function managedCourse(ds: DataSource, staff: StaffPrincipal, courseId: string): Promise<CourseEntity> {
  const course = await ds.getRepository(CourseEntity).findOneBy({ id: courseId });
  if (!course || !canManage(staff, course)) throw AppError.notFound('找不到该课程');
  return course;
}

export async function managedSession(ds: DataSource, staff: StaffPrincipal, sessionId: string): Promise<{ session: ClassSessionEntity; course: CourseEntity }> {
  const session = await ds.getRepository(ClassSessionEntity).findOneBy({ id: sessionId });
  const course = session && (await ds.getRepository(CourseEntity).findOneBy({ id: session.courseId }));
  if (!session || !course || !canManage(staff, course)) throw AppError.notFound('找不到该课程场次');
  return { session, course };
}
