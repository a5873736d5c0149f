import { z } from 'zod';
import { ConsultationKind, ConsultationMode } from '../enums';
import { ZDate, ZId, ZTimeOfDay as ZHHMM } from '../common';
import { ZSafeContact } from '../requests/safe-contact.schema';
import { BookingStatus } from './labels';

export const ZConsultationKind = z.enum(ConsultationKind.codes, { error: '咨询类型只能是 psychological、legal、family_education' });
export const ZConsultationMode = z.enum(ConsultationMode.codes, { error: '方式只能是 in_person、phone、video' });
/** An instant with an explicit offset; a date (YYYY-MM-DD) means that day in Asia/Shanghai. */
const ZWhen = z.union([z.iso.datetime({ offset: true, error: '时间须为带时区的 ISO 8601' }), ZDate]);

export const ZSlotsQuery = z
  .strictObject({
    kind: ZConsultationKind,
    centerId: ZId.optional(),
    providerId: ZId.optional(),
    from: ZWhen.optional(),
    to: ZWhen.optional(),
  })
  .meta({ id: 'SlotsQuery' });
export type SlotsQuery = z.infer<typeof ZSlotsQuery>;

export const ZSlot = z
  .object({
    providerId: z.string(),
    providerName: z.string(),
    centerId: z.string(),
    kind: ZConsultationKind,
    start: z.string(),
    end: z.string(),
    modes: z.array(ZConsultationMode),
  })
  .meta({ id: 'Slot' });
export type SlotDto = z.infer<typeof ZSlot>;

export const ZCreateBookingInput = z
  .strictObject({
    providerId: ZId,
    start: z.iso.datetime({ offset: true, error: '开始时间须为带时区的 ISO 8601，如 2026-12-03T09:00:00+08:00' }),
    mode: ZConsultationMode,
    contact: ZSafeContact.optional(),
    topic: z.string().trim().max(500).optional().describe('想咨询的问题（可不填）'),
    notify: z.boolean().optional(),
  })
  .meta({ id: 'CreateBookingInput' });
export type CreateBookingInput = z.infer<typeof ZCreateBookingInput>;

export { BookingStatus } from './labels';

export const ZBooking = z
  .object({
    id: z.string(),
    status: z.enum(Object.keys(BookingStatus) as [BookingStatus, ...BookingStatus[]]),
    kind: ZConsultationKind,
    mode: ZConsultationMode,
    start: z.string(),
    end: z.string(),
    provider: z.object({ id: z.string(), name: z.string() }),
    center: z.object({ id: z.string(), name: z.string(), address: z.string(), phone: z.string() }),
    canCancel: z.boolean(),
    cancelReason: z.string().nullable(),
  })
  .meta({ id: 'Booking' });
export type BookingDto = z.infer<typeof ZBooking>;

export const ZCancelBookingInput = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() }).meta({ id: 'CancelBookingInput' });
export const ZRescheduleInput = z
  .strictObject({ start: z.iso.datetime({ offset: true, error: '开始时间须为带时区的 ISO 8601' }), reason: z.string().trim().max(500).optional() })
  .meta({ id: 'RescheduleBookingInput' });

export const ZSlotWatchInput = z
  .strictObject({ kind: ZConsultationKind, centerId: ZId, date: ZDate })
  .meta({ id: 'SlotWatchInput' });
export type SlotWatchInput = z.infer<typeof ZSlotWatchInput>;

export const ZStaffBookingsQuery = z
  .strictObject({ from: ZWhen.optional(), to: ZWhen.optional(), providerId: ZId.optional(), centerId: ZId.optional() })
  .meta({ id: 'StaffBookingsQuery' });

export const ZAttendanceInput = z
  .strictObject({
    status: z.enum(['attended', 'no_show'], { error: '只能记录 attended 或 no_show' }).optional(),
    note: z.string().trim().max(5000).optional().describe('保密咨询记录，仅咨询师本人和市妇联管理员可见'),
  })
  .refine((v) => v.status !== undefined || v.note !== undefined, { message: '没有要记录的内容', path: ['status'] })
  .meta({ id: 'AttendanceInput' });

export const ZStaffBooking = ZBooking.extend({
  client: z.object({ contact: ZSafeContact.nullable(), contactAdvice: z.object({ callable: z.boolean(), reason: z.string().optional() }).nullable() }),
  topic: z.string().nullable(),
  note: z.string().nullable().describe('仅咨询师本人和管理员可见'),
}).meta({ id: 'StaffBooking' });

export const ZProviderRulesInput = z
  .strictObject({
    slotMinutes: z.int().min(15).max(240).optional(),
    bufferMinutes: z.int().min(0).max(120).optional(),
    modes: z.array(ZConsultationMode).min(1).optional(),
    rules: z
      .array(z.strictObject({ weekday: z.int().min(1).max(7), start: ZHHMM, end: ZHHMM }).refine((r) => r.start < r.end, { message: '结束须晚于开始', path: ['end'] }))
      .max(50)
      .optional(),
    exceptions: z
      .array(z.strictObject({ date: ZDate, start: ZHHMM.optional(), end: ZHHMM.optional(), reason: z.string().max(100).optional() }))
      .max(200)
      .optional(),
  })
  .meta({ id: 'ProviderRulesInput' });
export type ProviderRulesInput = z.infer<typeof ZProviderRulesInput>;

export const ZProvider = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: ZConsultationKind,
    centerId: z.string(),
    slotMinutes: z.number(),
    bufferMinutes: z.number(),
    modes: z.array(ZConsultationMode),
    rules: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
    exceptions: z.array(
      z.object({ date: z.string(), start: z.string().nullable(), end: z.string().nullable(), reason: z.string().nullable(), global: z.boolean().describe('全体公休（如法定节假日），不是本人的请假') }),
    ),
  })
  .meta({ id: 'Provider' });
export type ProviderDto = z.infer<typeof ZProvider>;
