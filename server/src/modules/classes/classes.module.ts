import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PersonalDataHandler } from '../privacy/privacy.service';
import { CoursesService } from './courses.service';
import { EnrolmentsService } from './enrolments.service';
import { StaffClassesService } from './staff-classes.service';
import { AttendanceService } from './attendance.service';
import { seedClassesIfEmpty } from './classes.seed';

/** Builds the classes domain; app.ts keeps it under `services.classes`. */
export function createClassesServices(ds: DataSource, centers: CentersService, notifications: NotificationsService, audit: AuditService, now: () => Date) {
  const enrolments = new EnrolmentsService(ds, centers, notifications, now);
  const attendance = new AttendanceService(ds, audit, now);
  const privacy: PersonalDataHandler = {
    name: 'classes',
    export: (u) => enrolments.mine(u),
    erase: (em, userId) => enrolments.eraseUser(em, userId),
  };
  return {
    courses: new CoursesService(ds, centers, now),
    enrolments,
    staffClasses: new StaffClassesService(ds, centers, enrolments, notifications, now),
    attendance,
    privacy,
    /** `stats({from, to, centerId})` → {held, attendees}: sessions held and people checked in. */
    stats: (p: { from: Date; to: Date; centerId?: string | null }) => attendance.stats(p),
    seedIfEmpty: () => seedClassesIfEmpty(ds, centers, now()),
  };
}
export type ClassesServices = ReturnType<typeof createClassesServices>;
