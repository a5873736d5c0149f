import type { ArticleDto, ClassCourseDto, ClassSessionDto, MyEnrolmentDto, StaffClassCourseDto, StaffClassSessionDto, StaffEnrolmentDto } from '@zjh/shared';
import { at, nextWeekday } from './booking-fixtures';

/* 家长学堂 and 普法 fixtures; session times are relative to today, Asia/Shanghai. */

export const device = { statusCode: 200, data: { token: 'her-token', user: { id: 'usr_her_0000000001' } } };

export const tuesday = nextWeekday(2);
export const saturday = nextWeekday(6);

export function session(overrides: Partial<ClassSessionDto> = {}): ClassSessionDto {
  return {
    id: 'ses_online_000000001',
    start: at(tuesday, '19:30'),
    end: at(tuesday, '21:00'),
    online: true,
    capacity: 200,
    placesLeft: 37,
    waitlistLength: 0,
    venue: null,
    centerId: null,
    centerName: null,
    enrolmentDeadline: at(tuesday, '19:30'),
    enrolmentOpen: true,
    myStatus: null,
    myPosition: null,
    liveUrl: null,
    replayUrl: null,
    ...overrides,
  };
}

export const onlineSession = session();
export const fullWorkshop = session({
  id: 'ses_workshop_0000001',
  start: at(saturday, '09:30'),
  end: at(saturday, '11:30'),
  online: false,
  capacity: 20,
  placesLeft: 0,
  waitlistLength: 2,
  venue: '湛家馨家庭教育指导工作室',
  centerId: 'ctr_station_00000001',
  centerName: '湛江站',
  enrolmentDeadline: at(saturday, '08:00'),
});

export function course(overrides: Partial<ClassCourseDto> = {}): ClassCourseDto {
  return {
    id: 'crs_parent_000000001',
    title: '线上家长学堂：和青春期孩子好好说话',
    category: 'family_education',
    categoryLabel: '家庭教育',
    description: '孩子进入青春期，话越来越少？',
    audience: '10–16 岁孩子的家长',
    centerId: null,
    centerName: null,
    sample: true,
    sessions: [onlineSession, fullWorkshop],
    ...overrides,
  };
}

export function enrolment(overrides: Partial<MyEnrolmentDto> = {}): MyEnrolmentDto {
  return {
    id: 'enr_mine_00000000001',
    status: 'enrolled',
    position: null,
    checkInCode: 'K7Q2MX',
    notify: false,
    createdAt: '2026-11-30T10:00:00+08:00',
    course: { id: 'crs_workshop_0000001', title: '湛家馨亲子沟通工作坊', category: 'family_education' },
    session: { ...fullWorkshop, placesLeft: 1, waitlistLength: 0, myStatus: 'enrolled' },
    canCancel: true,
    ...overrides,
  };
}

export function staffSession(overrides: Partial<StaffClassSessionDto> = {}): StaffClassSessionDto {
  const { myStatus: _s, myPosition: _p, ...base } = fullWorkshop;
  return { ...base, liveUrl: null, replayUrl: null, enrolled: 20, attended: 0, ...overrides };
}

export function staffCourse(overrides: Partial<StaffClassCourseDto> = {}): StaffClassCourseDto {
  return {
    id: 'crs_workshop_0000001',
    title: '湛家馨亲子沟通工作坊',
    category: 'family_education',
    categoryLabel: '家庭教育',
    description: '小组工作坊',
    audience: '3–12 岁孩子的家长',
    centerId: 'ctr_station_00000001',
    centerName: '湛江站',
    sample: false,
    published: true,
    createdAt: '2026-11-01T10:00:00+08:00',
    updatedAt: '2026-11-01T10:00:00+08:00',
    sessions: [staffSession()],
    ...overrides,
  };
}

export function staffEnrolment(overrides: Partial<StaffEnrolmentDto> = {}): StaffEnrolmentDto {
  return {
    id: 'enr_wang_00000000001',
    status: 'enrolled',
    position: null,
    name: '王女士',
    phone: null,
    createdAt: '2026-11-30T10:00:00+08:00',
    attendedAt: null,
    ...overrides,
  };
}

export function article(overrides: Partial<ArticleDto> = {}): ArticleDto {
  return {
    id: 'art_dv_law_000000001',
    category: 'law',
    categoryLabel: '普法',
    title: '什么是家庭暴力？读懂《反家庭暴力法》第二条',
    summary: '家庭暴力不只是“动手打人”。',
    coverUrl: null,
    publishedAt: '2026-11-20T09:00:00+08:00',
    views: 12,
    sample: true,
    body: '<p>很多人以为，只有打得头破血流才算家庭暴力。</p><h2>哪些行为属于家庭暴力</h2><ul><li>身体上的伤害</li></ul>',
    ...overrides,
  };
}
