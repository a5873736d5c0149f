import { CenterEntity } from '../../modules/centers/center.entity';
import { AppUserEntity, LoginFailureEntity, SessionEntity, StaffEntity } from '../../modules/auth/auth.entity';
import { AuditEntryEntity } from '../../modules/audit/audit.entity';
import { TimelineEventEntity } from '../../modules/timeline/timeline.entity';
import { OutboxEntity } from '../../modules/notifications/outbox.entity';
import { HelpRequestEntity, RequestReferralEntity } from '../../modules/requests/request.entity';
import { IdempotencyKeyEntity } from '../idempotency';
import { RateLimitEntity } from '../rate-limit';
import { ProtectionOrderEntity, ProtectionOrderFileEntity } from '../../modules/protection-orders/protection-order.entity';
import { ClassEnrolmentEntity, ClassSessionEntity, CourseEntity } from '../../modules/classes/classes.entity';
import { ArticleEntity, ArticleViewEntity, QuizAttemptEntity, QuizQuestionEntity } from '../../modules/content/content.entity';
import { MediationCaseEntity, MediationMediatorEntity, MediationSessionEntity } from '../../modules/mediation/mediation.entity';
import { AvailabilityExceptionEntity, AvailabilityRuleEntity, BookingEntity, ProviderProfileEntity, SlotWatchEntity } from '../../modules/bookings/booking.entity';

/** Every entity the app maps; each domain adds its own line here. */
export const ENTITIES = [
  CenterEntity,
  AppUserEntity,
  StaffEntity,
  SessionEntity,
  LoginFailureEntity,
  AuditEntryEntity,
  TimelineEventEntity,
  OutboxEntity,
  IdempotencyKeyEntity,
  RateLimitEntity,
  HelpRequestEntity,
  RequestReferralEntity,
  ProviderProfileEntity,
  AvailabilityRuleEntity,
  AvailabilityExceptionEntity,
  BookingEntity,
  SlotWatchEntity,
  ProtectionOrderEntity,
  ProtectionOrderFileEntity,
  CourseEntity,
  ClassSessionEntity,
  ClassEnrolmentEntity,
  ArticleEntity,
  ArticleViewEntity,
  QuizQuestionEntity,
  QuizAttemptEntity,
  MediationCaseEntity,
  MediationMediatorEntity,
  MediationSessionEntity,
];
