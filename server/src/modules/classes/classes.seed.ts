import type { DataSource } from 'typeorm';
import { shanghaiDate, shanghaiInstant, type ClassCategory } from '@zjh/shared';
import { newId } from '../../lib/ids';
import type { CentersService } from '../centers/centers.service';
import { ClassSessionEntity, CourseEntity } from './classes.entity';

/*
 * SAMPLE courses so the app is not empty on first start (marked sample, and said so in the text):
 * the online 家长学堂, a 湛家馨 workshop at the 湛江站, a mental-health open class and a 普法 class.
 * Dates are relative to the day the database is seeded. Links point at example.com until the
 * Federation puts in its real live-stream room.
 */
interface SessionSeed {
  weekday: number; // 1 = Monday
  week: number; // 0 = the next such weekday at least two days ahead
  time: string;
  minutes: number;
  online: boolean;
  capacity: number;
  venue?: string;
}
interface CourseSeed {
  key: string;
  category: ClassCategory;
  title: string;
  description: string;
  audience: string;
  center: string | null;
  sessions: SessionSeed[];
}

const NOTE = '（示例课程，正式开课信息以中心通知为准）';
const STATION_VENUE = '湛江站 湛家馨家庭教育指导工作室（赤坎区，示例地址）';

const COURSES: CourseSeed[] = [
  {
    key: 'parent-online', category: 'family_education', title: '线上家长学堂：和青春期孩子好好说话', audience: '10–16 岁孩子的家长', center: null,
    description: `孩子进入青春期，话越来越少、门越关越紧？本课由家庭教育指导师讲解青春期的身心变化，练习“先听后说”的沟通方法，并解答家长提问。每期 90 分钟，线上直播，结束后可看回放。${NOTE}`,
    sessions: [
      { weekday: 2, week: 0, time: '19:30', minutes: 90, online: true, capacity: 200 },
      { weekday: 2, week: 1, time: '19:30', minutes: 90, online: true, capacity: 200 },
    ],
  },
  {
    key: 'station-workshop', category: 'family_education', title: '湛家馨亲子沟通工作坊', audience: '3–12 岁孩子的家长（可带孩子）', center: 'zj-station',
    description: `在湛家馨家庭教育指导工作室面对面进行的小组工作坊：通过情景练习学习如何表达情绪、如何立规矩而不伤关系。名额有限，报满后可候补。${NOTE}`,
    sessions: [
      { weekday: 6, week: 0, time: '09:30', minutes: 120, online: false, capacity: 20, venue: STATION_VENUE },
      { weekday: 6, week: 2, time: '09:30', minutes: 120, online: false, capacity: 20, venue: STATION_VENUE },
    ],
  },
  {
    key: 'mental-health', category: 'mental_health', title: '心理健康公开课：照顾好自己的情绪', audience: '所有关心自己和家人心理健康的朋友', center: null,
    description: `压力大、睡不好、容易发脾气时可以怎么做？心理咨询师介绍识别情绪信号、简单放松练习和寻求专业帮助的途径。线上直播。${NOTE}`,
    sessions: [{ weekday: 4, week: 0, time: '20:00', minutes: 60, online: true, capacity: 300 }],
  },
  {
    key: 'law-class', category: 'law', title: '普法课堂：认识《反家庭暴力法》与人身安全保护令', audience: '妇女、家长及社区工作者', center: 'zj-station',
    description: `律师用案例讲解什么是家庭暴力、遇到家庭暴力可以向谁求助、怎样申请人身安全保护令，以及《妇女权益保障法》对妇女人身和人格权益的保护。现场设答疑环节。${NOTE}`,
    sessions: [{ weekday: 3, week: 1, time: '15:00', minutes: 90, online: false, capacity: 40, venue: '湛江市12338妇联维权服务中心 培训室（赤坎区，示例地址）' }],
  },
];

/** The Shanghai date of the given weekday, `week` weeks after the first one at least 2 days ahead. */
function dateFor(now: Date, weekday: number, week: number): string {
  for (let d = 2; d < 10; d++) {
    const date = shanghaiDate(new Date(now.getTime() + d * 86400_000));
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
    if (wd === weekday) return shanghaiDate(new Date(Date.parse(`${date}T00:00:00Z`) + week * 7 * 86400_000));
  }
  throw new Error('unreachable');
}

/** Inserts the sample courses when there are none. Returns how many courses it added. */
export async function seedClassesIfEmpty(ds: DataSource, centers: CentersService, now: Date): Promise<number> {
  if ((await ds.getRepository(CourseEntity).count()) > 0) return 0;
  const codes = new Map((await centers.list()).map((c) => [c.code, c.id]));
  for (const seed of COURSES) {
    const centerId = seed.center ? (codes.get(seed.center) ?? null) : null;
    const course: CourseEntity = {
      id: newId(), category: seed.category, title: seed.title, description: seed.description, audience: seed.audience, centerId,
      published: true, sample: true, createdBy: null, createdAt: now, updatedAt: now,
    };
    await ds.getRepository(CourseEntity).insert(course);
    for (const s of seed.sessions) {
      const start = shanghaiInstant(dateFor(now, s.weekday, s.week), s.time);
      const id = newId();
      await ds.getRepository(ClassSessionEntity).insert({
        id, courseId: course.id, startAt: start, endAt: new Date(start.getTime() + s.minutes * 60_000), enrolmentDeadline: new Date(start.getTime() - 3600_000),
        online: s.online, liveUrl: s.online ? `https://example.com/live/${seed.key}` : null, replayUrl: s.online ? `https://example.com/replay/${seed.key}` : null,
        venue: s.venue ?? null, centerId, capacity: s.capacity, taken: 0, waitSeq: 0, version: 0, createdAt: now, updatedAt: now,
      });
    }
  }
  return COURSES.length;
}
