import type { ClassCategory, CourseInput, CourseUpdateInput, SessionInput, SessionUpdateInput, StaffClassCourseDto, StaffClassSessionDto } from '@zjh/shared';
import { dateOf, timeOf } from '../../../services/shanghai-time';

/*
 * The editors keep what staff type as strings (dates and times in Asia/Shanghai) and turn it into
 * the API's shape only on save, with the same checks the server makes, in plain words.
 */

export interface CourseDraft {
  category: ClassCategory | '';
  title: string;
  description: string;
  audience: string;
  /** '' = 全市课程 (admin only); otherwise a center id. */
  centerId: string;
  published: boolean;
}

export const emptyCourse = (centerId = ''): CourseDraft => ({ category: '', title: '', description: '', audience: '', centerId, published: false });

export function courseDraftOf(c: StaffClassCourseDto): CourseDraft {
  return { category: c.category, title: c.title, description: c.description, audience: c.audience, centerId: c.centerId ?? '', published: c.published };
}

type Problems = Record<string, string>;

function checkCourse(d: CourseDraft): Problems {
  const p: Problems = {};
  if (!d.category) p.category = '请选择类别';
  if (d.title.trim().length < 2) p.title = '请填写课程名称（至少 2 个字）';
  return p;
}

/** The POST body of a new course. Admins choose a center or the whole city; others get their own center. */
export function toCourseInput(d: CourseDraft, isAdmin: boolean): { input?: CourseInput; errors: Problems } {
  const errors = checkCourse(d);
  if (Object.keys(errors).length) return { errors };
  const input: CourseInput = {
    category: d.category as ClassCategory,
    title: d.title.trim(),
    description: d.description.trim(),
    audience: d.audience.trim(),
    published: d.published,
  };
  if (isAdmin) input.centerId = d.centerId || null;
  return { input, errors };
}

/** The PATCH body of an edited course (the center cannot change; publishing has its own button). */
export function toCourseUpdate(d: CourseDraft): { input?: CourseUpdateInput; errors: Problems } {
  const errors = checkCourse(d);
  if (Object.keys(errors).length) return { errors };
  return { input: { category: d.category as ClassCategory, title: d.title.trim(), description: d.description.trim(), audience: d.audience.trim() }, errors };
}

export interface SessionDraft {
  date: string;
  startTime: string;
  endTime: string;
  online: boolean;
  venue: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  liveUrl: string;
  replayUrl: string;
}

export const emptySession = (): SessionDraft => ({
  date: '',
  startTime: '19:30',
  endTime: '21:00',
  online: true,
  venue: '',
  capacity: '30',
  deadlineDate: '',
  deadlineTime: '',
  liveUrl: '',
  replayUrl: '',
});

export function sessionDraftOf(s: StaffClassSessionDto): SessionDraft {
  return {
    date: dateOf(s.start),
    startTime: timeOf(s.start),
    endTime: timeOf(s.end),
    online: s.online,
    venue: s.venue ?? '',
    capacity: String(s.capacity),
    deadlineDate: dateOf(s.enrolmentDeadline),
    deadlineTime: timeOf(s.enrolmentDeadline),
    liveUrl: s.liveUrl ?? '',
    replayUrl: s.replayUrl ?? '',
  };
}

/** An Asia/Shanghai date and time as the API's instant. */
export const shanghaiIso = (date: string, time: string) => `${date}T${time}:00+08:00`;

const LINK = /^https?:\/\/[^\s]+$/i;

function checkSession(d: SessionDraft): Problems {
  const p: Problems = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) p.date = '请选择日期';
  if (!/^\d{2}:\d{2}$/.test(d.startTime)) p.start = '请选择开始时间';
  if (!/^\d{2}:\d{2}$/.test(d.endTime)) p.end = '请选择结束时间';
  else if (!p.start && d.endTime <= d.startTime) p.end = '结束时间须晚于开始时间';
  const capacity = Number(d.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5000) p.capacity = '名额须为 1–5000 的整数';
  if (!d.online && d.venue.trim().length < 2) p.venue = '线下课程须填写上课地点';
  if (d.liveUrl.trim() && !LINK.test(d.liveUrl.trim())) p.liveUrl = '链接须以 http:// 或 https:// 开头';
  if (d.replayUrl.trim() && !LINK.test(d.replayUrl.trim())) p.replayUrl = '链接须以 http:// 或 https:// 开头';
  if (Boolean(d.deadlineDate) !== Boolean(d.deadlineTime)) p.enrolmentDeadline = '报名截止须同时填写日期和时间（或都不填，默认开课时截止）';
  else if (d.deadlineDate && !p.date && !p.start && `${d.deadlineDate} ${d.deadlineTime}` > `${d.date} ${d.startTime}`) {
    p.enrolmentDeadline = '报名截止时间不能晚于开课时间';
  }
  return p;
}

/** The POST body of a new session. */
export function toSessionInput(d: SessionDraft): { input?: SessionInput; errors: Problems } {
  const errors = checkSession(d);
  if (Object.keys(errors).length) return { errors };
  const input: SessionInput = {
    start: shanghaiIso(d.date, d.startTime),
    end: shanghaiIso(d.date, d.endTime),
    online: d.online,
    capacity: Number(d.capacity),
  };
  if (!d.online) input.venue = d.venue.trim();
  if (d.liveUrl.trim()) input.liveUrl = d.liveUrl.trim();
  if (d.replayUrl.trim()) input.replayUrl = d.replayUrl.trim();
  if (d.deadlineDate) input.enrolmentDeadline = shanghaiIso(d.deadlineDate, d.deadlineTime);
  return { input, errors };
}

/** The PATCH body of an edited session: emptied links are cleared (null); online/offline stays as created. */
export function toSessionUpdate(d: SessionDraft): { input?: SessionUpdateInput; errors: Problems } {
  const errors = checkSession(d);
  if (Object.keys(errors).length) return { errors };
  const input: SessionUpdateInput = {
    start: shanghaiIso(d.date, d.startTime),
    end: shanghaiIso(d.date, d.endTime),
    capacity: Number(d.capacity),
    liveUrl: d.liveUrl.trim() || null,
    replayUrl: d.replayUrl.trim() || null,
  };
  if (!d.online) input.venue = d.venue.trim();
  if (d.deadlineDate) input.enrolmentDeadline = shanghaiIso(d.deadlineDate, d.deadlineTime);
  return { input, errors };
}
