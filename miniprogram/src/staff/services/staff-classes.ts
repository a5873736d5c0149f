import type { CheckInInput, ClassCategory, CourseInput, CourseUpdateInput, SessionInput, SessionUpdateInput, StaffClassCourseDto, StaffEnrolmentDto } from '@zjh/shared';
import { api, withQuery } from '../../services/api';

interface List<T> {
  items: T[];
  nextCursor?: string | null;
}

export const STAFF_CLASSES_PATH = '/staff/pages/classes/index';
export const STAFF_COURSE_PATH = '/staff/pages/classes/edit';
export const STAFF_SESSION_PATH = '/staff/pages/classes/session';

export function staffCourses(query: { category?: ClassCategory; centerId?: string } = {}): Promise<List<StaffClassCourseDto>> {
  return api<List<StaffClassCourseDto>>(withQuery('/api/staff/classes', query), { auth: 'staff' });
}

export function staffCourse(id: string): Promise<StaffClassCourseDto> {
  return api<StaffClassCourseDto>(`/api/staff/classes/${encodeURIComponent(id)}`, { auth: 'staff' });
}

export function createCourse(input: CourseInput, idempotencyKey: string): Promise<StaffClassCourseDto> {
  return api<StaffClassCourseDto>('/api/staff/classes', { method: 'POST', data: input, auth: 'staff', header: { 'Idempotency-Key': idempotencyKey } });
}

/** Edits a course; `{published}` alone publishes or withdraws it. */
export function updateCourse(id: string, input: CourseUpdateInput): Promise<StaffClassCourseDto> {
  return api<StaffClassCourseDto>(`/api/staff/classes/${encodeURIComponent(id)}`, { method: 'PATCH', data: input, auth: 'staff' });
}

export function createSession(courseId: string, input: SessionInput, idempotencyKey: string): Promise<StaffClassCourseDto> {
  return api<StaffClassCourseDto>(`/api/staff/classes/${encodeURIComponent(courseId)}/sessions`, {
    method: 'POST',
    data: input,
    auth: 'staff',
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

export function updateSession(sessionId: string, input: SessionUpdateInput): Promise<StaffClassCourseDto> {
  return api<StaffClassCourseDto>(`/api/staff/classes/sessions/${encodeURIComponent(sessionId)}`, { method: 'PATCH', data: input, auth: 'staff' });
}

/** The list for one session; the server writes this read to the audit log. */
export function sessionEnrolments(sessionId: string): Promise<List<StaffEnrolmentDto>> {
  return api<List<StaffEnrolmentDto>>(`/api/staff/classes/sessions/${encodeURIComponent(sessionId)}/enrollments`, { auth: 'staff' });
}

/** Checks someone in, by her enrolment (from the list) or by the code she shows. */
export function checkIn(sessionId: string, input: CheckInInput): Promise<StaffEnrolmentDto> {
  return api<StaffEnrolmentDto>(`/api/staff/classes/sessions/${encodeURIComponent(sessionId)}/check-ins`, { method: 'POST', data: input, auth: 'staff' });
}
