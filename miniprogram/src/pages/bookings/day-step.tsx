import { Button, Text, View } from '@tarojs/components';
import type { Center, ConsultationKind, SlotDto } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage } from '../../services/api';
import { BOOKING_WINDOW_DAYS, watchDay } from '../../services/bookings';
import { isWeapp } from '../../services/env';
import { callNumber } from '../../services/phone';
import { addDays, dateOf, formatDay, relativeDay, todayShanghai, weekdayOfDate } from '../../services/shanghai-time';
import { askToSubscribe, type TemplateIds } from '../../services/subscribe';

export interface DayInfo {
  date: string;
  free: number;
}

/**
 * The days to show: every day in the booking window with a free slot, plus the days the providers
 * usually work that are already full (so she can ask to be told when one frees up). Today is
 * left out once nothing is free any more: its sessions may simply be over.
 */
export function dayList(slots: SlotDto[], workdays: Set<number>, today: string, days = BOOKING_WINDOW_DAYS): DayInfo[] {
  const free = new Map<string, number>();
  for (const s of slots) free.set(dateOf(s.start), (free.get(dateOf(s.start)) ?? 0) + 1);
  const out: DayInfo[] = [];
  for (let i = 0; i <= days; i++) {
    const date = addDays(today, i);
    const n = free.get(date) ?? 0;
    if (n > 0 || (i > 0 && workdays.has(weekdayOfDate(date)))) out.push({ date, free: n });
  }
  return out;
}

type WatchState = 'busy' | 'done' | { error: string };

interface DayStepProps {
  kind: ConsultationKind;
  center: Center;
  slots: SlotDto[];
  workdays: Set<number>;
  templateIds: TemplateIds;
  onPick: (date: string) => void;
}

export function DayStep({ kind, center, slots, workdays, templateIds, onPick }: DayStepProps) {
  const [watches, setWatches] = useState<Record<string, WatchState>>({});
  const days = dayList(slots, workdays, todayShanghai());

  const watch = async (date: string) => {
    if (watches[date] === 'busy' || watches[date] === 'done') return;
    // WeChat shows its permission sheet only straight from a tap, so ask before anything is awaited.
    const asked = askToSubscribe(templateIds, ['slot_available']);
    setWatches((w) => ({ ...w, [date]: 'busy' }));
    try {
      await asked;
      await watchDay({ kind, centerId: center.id, date });
      setWatches((w) => ({ ...w, [date]: 'done' }));
    } catch (e) {
      setWatches((w) => ({ ...w, [date]: { error: errorMessage(e) } }));
    }
  };

  if (days.length === 0) {
    return (
      <View className='bk-status'>
        <Text>这个中心近期没有可在线预约的时间。你可以来电咨询，或选择其他中心。</Text>
        <Button className='bk-secondary' onClick={() => callNumber(center.phone)}>
          拨打 {center.phone}
        </Button>
      </View>
    );
  }

  return (
    <View className='bk-days'>
      {days.map(({ date, free }) => {
        const rel = relativeDay(date);
        const label = `${formatDay(date)}${rel ? `（${rel}）` : ''}`;
        if (free > 0) {
          return (
            <Button key={date} className='bk-option bk-day' onClick={() => onPick(date)}>
              <Text className='bk-option__title'>{label}</Text>
              <Text className='bk-option__hint'>{free} 个可约时段</Text>
            </Button>
          );
        }
        const state = watches[date];
        return (
          <View key={date} className='bk-day bk-day--full'>
            <Text className='bk-option__title'>{label}</Text>
            <Text className='bk-option__hint'>已约满</Text>
            {state === 'done' ? (
              <Text className='bk-done-note'>
                {isWeapp() ? '已登记。有人取消时会通知你。' : '已登记。浏览器中收不到通知，请过一两天再来看看，或来电咨询。'}
              </Text>
            ) : (
              <Button className='bk-link' {...(state === 'busy' ? { disabled: true } : {})} onClick={() => void watch(date)}>
                有空位时通知我
              </Button>
            )}
            {state && typeof state === 'object' ? <Text className='bk-error'>{state.error}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
