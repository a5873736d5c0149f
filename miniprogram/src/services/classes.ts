import type { ClassCategory, ClassCourseDto, ClassSessionDto, EnrolInput, EnrolResult, MyEnrolmentDto } from '@zjh/shared';
import { api, withQuery, type AuthMode } from './api';
import { readToken, TOKEN_KEY } from './storage';

interface List<T> {
  items: T[];
  nextCursor?: string | null;
}

export const CLASSES_PATH = '/pages/classes/index';
export const CLASS_DETAIL_PATH = '/pages/classes/detail';
export const MY_CLASSES_PATH = '/pages/classes/mine';

/** The category tabs of 家长学堂, in this order. */
export const CLASS_TABS: ClassCategory[] = ['family_education', 'mental_health', 'law'];

/**
 * Class lists are public, but when she already has a session the server adds her own status to each
 * session. Browsing never creates an account: the token goes along only if she has one.
 */
function browsing(): AuthMode {
  return readToken(TOKEN_KEY) ? 'user' : 'none';
}

export function listClasses(category?: ClassCategory): Promise<List<ClassCourseDto>> {
  return api<List<ClassCourseDto>>(withQuery('/api/classes', { category }), { auth: browsing() });
}

export function getClass(id: string): Promise<ClassCourseDto> {
  return api<ClassCourseDto>(`/api/classes/${encodeURIComponent(id)}`, { auth: browsing() });
}

export function myEnrolments(): Promise<List<MyEnrolmentDto>> {
  return api<List<MyEnrolmentDto>>('/api/classes/enrollments/mine', { auth: 'user' });
}

/** Enrols her; the same key for every tap on one confirm panel, so a retry never enrols twice. */
export function enrol(sessionId: string, input: EnrolInput, idempotencyKey: string): Promise<EnrolResult> {
  return api<EnrolResult>(`/api/classes/sessions/${encodeURIComponent(sessionId)}/enrollments`, {
    method: 'POST',
    data: input,
    auth: 'user',
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Gives her place back, or leaves the waiting list. */
export function leaveSession(sessionId: string): Promise<{ id: string; status: 'cancelled' }> {
  return api<{ id: string; status: 'cancelled' }>(`/api/classes/sessions/${encodeURIComponent(sessionId)}/enrollments/mine`, {
    method: 'DELETE',
    auth: 'user',
  });
}

/** 余 3 个名额 · 已满，候补 2 人 · 已满，可排队候补 */
export function placesText(s: Pick<ClassSessionDto, 'placesLeft' | 'waitlistLength'>): string {
  if (s.placesLeft > 0) return `余 ${s.placesLeft} 个名额`;
  return s.waitlistLength > 0 ? `已满 · 候补 ${s.waitlistLength} 人` : '已满 · 可候补';
}

/** 线上直播 · or 线下 · venue (center) */
export function whereText(s: Pick<ClassSessionDto, 'online' | 'venue' | 'centerName'>): string {
  if (s.online) return '线上直播';
  const place = s.venue ?? s.centerName ?? '';
  return place ? `线下 · ${place}` : '线下';
}

/** Her status on a session in words: 已报名, 候补第 2 位, 已签到. */
export function myStatusText(status: ClassSessionDto['myStatus'], position: number | null): string {
  if (status === 'enrolled') return '已报名';
  if (status === 'waitlisted') return position ? `候补第 ${position} 位` : '候补中';
  if (status === 'attended') return '已签到';
  if (status === 'cancelled') return '已取消';
  return '';
}
