import type { EnrolmentStatus } from '@zjh/shared';
import { Workflow } from '../../lib/workflow';

/** Who runs classes: the city admin, and a center's staff and family-education advisers for that center. */
export const CLASS_MANAGERS = ['admin', 'center_staff', 'educator'] as const;

/**
 * Her place in a session. Joining (enrolled or waitlisted) is the creating INSERT; after that every
 * move is one row here. Promotion is the system's alone and happens once per waiting-list row (a
 * conditional UPDATE waitlisted → enrolled). 'system' cancels when she deletes her data.
 */
export const enrolmentWorkflow = new Workflow<EnrolmentStatus>('class-enrolment', [
  { from: 'waitlisted', to: 'enrolled', action: 'promote', who: ['system'] },
  { from: 'enrolled', to: 'cancelled', action: 'cancel', who: ['owner', 'system'] },
  { from: 'waitlisted', to: 'cancelled', action: 'leave_waitlist', who: ['owner', 'system'] },
  { from: 'enrolled', to: 'attended', action: 'check_in', who: [...CLASS_MANAGERS] },
]);

export type Publication = 'draft' | 'published';
export const publicationOf = (published: boolean): Publication => (published ? 'published' : 'draft');

/** Publishing a course: draft ⇄ published, by the people who run classes. */
export const courseWorkflow = new Workflow<Publication>('course', [
  { from: 'draft', to: 'published', action: 'publish', who: [...CLASS_MANAGERS] },
  { from: 'published', to: 'draft', action: 'unpublish', who: [...CLASS_MANAGERS] },
]);

/** Class rules: reminder times, when the live link shows, when check-in opens. */
export const CLASS_POLICY = {
  reminders: [
    { key: '24h', beforeMs: 24 * 3600_000 },
    { key: '1h', beforeMs: 3600_000 },
  ],
  liveLinkBeforeMs: 30 * 60_000,
  checkInOpensBeforeMs: 60 * 60_000,
  page: 'pages/classes/mine',
} as const;

export const COURSE_ENTITY = 'course';
export const SESSION_ENTITY = 'class_session';
export const ENROLMENT_ENTITY = 'class_enrolment';
