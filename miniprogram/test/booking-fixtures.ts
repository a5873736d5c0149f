import { shanghaiDate, type BookingDto, type SlotDto } from '@zjh/shared';
import { center } from './helpers';

/*
 * Booking fixtures, relative to the real "now" so the pages' 30-day window and 2-hour cut-off
 * apply to them as they would in use. All times Asia/Shanghai.
 */

const DAY = 86400_000;

export const today = () => shanghaiDate(new Date());

/** The next date (after today) that falls on `weekday` (1 = Monday … 7 = Sunday). */
export function nextWeekday(weekday: number, after = 0): string {
  for (let i = 1 + after; i <= 14 + after; i++) {
    const date = shanghaiDate(new Date(Date.now() + i * DAY));
    const d = new Date(`${date}T00:00:00Z`).getUTCDay();
    if ((d === 0 ? 7 : d) === weekday) return date;
  }
  throw new Error('unreachable');
}

export const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;

export const station = center({
  id: 'ctr_station_00000001',
  code: 'zj-station',
  name: '广东省妇女维权与信息服务站（湛江站）',
  district: '赤坎区',
  phone: '0759-12338',
  lat: 21.271,
  lng: 110.359,
  services: ['psychological', 'legal', 'family_education'],
});
export const wuchuan = center({ id: 'ctr_wuchuan_00000001', code: 'wuchuan', name: '吴川市12338妇联维权服务中心', district: '吴川市', lat: 21.441, lng: 110.779, services: ['legal'] });
export const mazhang = center({ services: ['legal'] });

export const LIN = 'stf_lawyer_lin_000001';
export const WU = 'stf_lawyer_wu_0000001';

export function lawyer(id: string, name: string, centerId = station.id, weekdays = [4]) {
  return {
    id,
    name,
    kind: 'legal' as const,
    centerId,
    slotMinutes: 50,
    bufferMinutes: 10,
    modes: ['in_person', 'phone'] as const,
    rules: weekdays.map((weekday) => ({ weekday, start: '09:00', end: '12:00' })),
  };
}

export function slot(providerId: string, providerName: string, start: string, modes: SlotDto['modes'] = ['in_person', 'phone']): SlotDto {
  const end = new Date(Date.parse(start) + 50 * 60_000);
  return {
    providerId,
    providerName,
    centerId: station.id,
    kind: 'legal',
    start,
    end: `${shanghaiDate(end)}T${new Date(end.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}:00+08:00`,
    modes,
  };
}

export function booking(overrides: Partial<BookingDto> = {}): BookingDto {
  const start = overrides.start ?? at(nextWeekday(4), '09:00');
  const end = overrides.end ?? new Date(Date.parse(start) + 50 * 60_000).toISOString();
  return {
    id: 'bk_0000000000000001',
    status: 'confirmed',
    kind: 'legal',
    mode: 'in_person',
    start,
    end,
    provider: { id: LIN, name: '林律师' },
    center: { id: station.id, name: station.name, address: '湛江市赤坎区示例路 1 号', phone: '0759-12338' },
    canCancel: true,
    cancelReason: null,
    ...overrides,
  };
}

export const device = { statusCode: 200, data: { token: 'her-token', expiresAt: '2099-01-01T00:00:00+08:00' } };
