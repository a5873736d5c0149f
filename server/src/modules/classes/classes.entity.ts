import { Column, Entity, Index } from 'typeorm';
import type { ClassCategory, EnrolmentStatus } from '@zjh/shared';
import { sealedText } from '../../lib/field-crypto';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../lib/db/columns';

/** A 家长学堂 / 心理健康 / 普法 course. centerId null = a city-wide course the city admin runs. */
@Entity('courses')
export class CourseEntity {
  @IdColumn() id!: string;
  @StringColumn(20) category!: ClassCategory;
  @StringColumn(100) title!: string;
  @TextColumn() description!: string;
  @StringColumn(200) audience!: string;
  @Index('ix_courses_center')
  @RefColumn({ nullable: true })
  centerId!: string | null;
  @BoolColumn({ default: false }) published!: boolean;
  /** Seeded example content, shown as such. */
  @BoolColumn({ default: false }) sample!: boolean;
  @RefColumn({ nullable: true }) createdBy!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/**
 * One session of a course. `taken` counts the places held (enrolled + attended) and only moves by
 * conditional UPDATEs (`taken < capacity`), so the database, not the process, decides who gets a
 * place; `waitSeq` hands out waiting-list numbers the same way; `version` is bumped first by every
 * enrolment change so changes to one session queue on its row (same lock order everywhere).
 */
@Entity('class_sessions')
@Index('ix_class_sessions_course', ['courseId', 'startAt'])
@Index('ix_class_sessions_start', ['startAt'])
export class ClassSessionEntity {
  @IdColumn() id!: string;
  @RefColumn() courseId!: string;
  @InstantColumn() startAt!: Date;
  @InstantColumn() endAt!: Date;
  @InstantColumn() enrolmentDeadline!: Date;
  @BoolColumn({ default: false }) online!: boolean;
  @StringColumn(500, { nullable: true }) liveUrl!: string | null;
  @StringColumn(500, { nullable: true }) replayUrl!: string | null;
  @StringColumn(200, { nullable: true }) venue!: string | null;
  /** Where it takes place (offline) or which center runs it; null = city-wide online. */
  @RefColumn({ nullable: true }) centerId!: string | null;
  @IntColumn() capacity!: number;
  @IntColumn({ default: 0 }) taken!: number;
  @IntColumn({ default: 0 }) waitSeq!: number;
  @IntColumn({ default: 0 }) version!: number;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/**
 * Her place in a session. `activeKey` ("sessionId|userId") is unique while she holds a place or a
 * waiting-list number and NULL once cancelled, so she can be on a session only once at a time;
 * (sessionId, waitSeq) is unique so two people never share a waiting-list number.
 */
@Entity('class_enrolments')
@Index('uq_class_enrolments_wait', ['sessionId', 'waitSeq'], { unique: true })
@Index('uq_class_enrolments_code', ['sessionId', 'checkInCode'], { unique: true })
@Index('ix_class_enrolments_session_status', ['sessionId', 'status'])
export class ClassEnrolmentEntity {
  @IdColumn() id!: string;
  @RefColumn() sessionId!: string;
  @Index('ix_class_enrolments_user')
  @RefColumn({ nullable: true })
  userId!: string | null;
  @StringColumn(12) status!: EnrolmentStatus;
  @Index('uq_class_enrolments_active', { unique: true })
  @StringColumn(80, { nullable: true })
  activeKey!: string | null;
  /** Waiting-list number (set when she joined the waiting list; kept after promotion). */
  @IntColumn({ nullable: true }) waitSeq!: number | null;
  /** Her own 6-character code for this session: she shows it, staff type it to check her in. */
  @StringColumn(6) checkInCode!: string;
  @BoolColumn({ default: false }) notify!: boolean;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) name!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) phone!: string | null;
  @InstantColumn({ nullable: true }) promotedAt!: Date | null;
  @InstantColumn({ nullable: true }) attendedAt!: Date | null;
  @RefColumn({ nullable: true }) checkedInBy!: string | null;
  @InstantColumn({ nullable: true }) cancelledAt!: Date | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
