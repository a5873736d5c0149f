import { Text, View } from '@tarojs/components';
import { BookingStatus, ConsultationKind, ConsultationMode } from '@zjh/shared';
import { addDays, dateOf, formatDay, timeOf, weekdayName, weekdayOfDate } from '../../../services/shanghai-time';
import type { StaffBooking } from '../../services/bookings';

/** Groups bookings by their Asia/Shanghai date, each day in time order. */
export function byDay(items: StaffBooking[]): Map<string, StaffBooking[]> {
  const days = new Map<string, StaffBooking[]>();
  for (const b of [...items].sort((x, y) => x.start.localeCompare(y.start))) {
    const d = dateOf(b.start);
    days.set(d, [...(days.get(d) ?? []), b]);
  }
  return days;
}

interface ItemProps {
  booking: StaffBooking;
  showProvider: boolean;
  onOpen: (id: string) => void;
}

function CalendarItem({ booking, showProvider, onOpen }: ItemProps) {
  return (
    <View className={`cal-item cal-item--${booking.status}`} onClick={() => onOpen(booking.id)}>
      <Text className='cal-item__time'>
        {timeOf(booking.start)}–{timeOf(booking.end)}
      </Text>
      {showProvider ? <Text className='cal-item__who'>{booking.provider.name}</Text> : null}
      <Text className='cal-item__meta'>
        {ConsultationKind.labels[booking.kind]} · {ConsultationMode.labels[booking.mode]}
      </Text>
      <Text className={`cal-tag cal-tag--${booking.status}`}>{BookingStatus[booking.status]}</Text>
    </View>
  );
}

interface GridProps {
  from: string;
  days: number;
  today: string;
  items: StaffBooking[];
  showProvider: boolean;
  onOpen: (id: string) => void;
}

/**
 * Days side by side on a desktop (a week is seven columns); on a narrow screen the same markup
 * stacks into a list, one day after the other (see the stylesheet).
 */
export function CalendarGrid({ from, days, today, items, showProvider, onOpen }: GridProps) {
  const grouped = byDay(items);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  return (
    <View className={`cal-grid cal-grid--${days === 1 ? 'day' : 'week'}`}>
      {dates.map((date) => {
        const list = grouped.get(date) ?? [];
        const [, m, d] = date.split('-').map(Number);
        return (
          <View key={date} className={`cal-day ${date === today ? 'cal-day--today' : ''}`}>
            <View className='cal-day__head'>
              <Text className='cal-day__weekday'>{days === 1 ? formatDay(date) : weekdayName(weekdayOfDate(date))}</Text>
              {days === 1 ? null : <Text className='cal-day__date'>{`${m}/${d}`}</Text>}
              {date === today ? <Text className='cal-day__today'>今天</Text> : null}
            </View>
            {list.length === 0 ? <Text className='cal-day__empty'>无预约</Text> : null}
            {list.map((b) => (
              <CalendarItem key={b.id} booking={b} showProvider={showProvider} onOpen={onOpen} />
            ))}
          </View>
        );
      })}
    </View>
  );
}
