import { Button, Text, View } from '@tarojs/components';
import type { BookingDto, SlotDto } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../services/api';
import { BOOKING_WINDOW_DAYS, listSlots, rescheduleMyBooking } from '../../services/bookings';
import { addDays, dateOf, formatDay, formatRange, timeOf, todayShanghai } from '../../services/shanghai-time';

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; slots: SlotDto[] };

interface ReschedulePanelProps {
  booking: BookingDto;
  onDone: (updated: BookingDto) => void;
  onClose: () => void;
}

/** Another free time with the same provider, within the booking window. */
export function ReschedulePanel({ booking, onDone, onClose }: ReschedulePanelProps) {
  const [load, setLoad] = useState<Load>({ step: 'loading' });
  const [chosen, setChosen] = useState<SlotDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const fetchSlots = useCallback(async () => {
    setLoad({ step: 'loading' });
    const today = todayShanghai();
    try {
      const { items } = await listSlots({ kind: booking.kind, providerId: booking.provider.id, from: today, to: addDays(today, BOOKING_WINDOW_DAYS) });
      setLoad({ step: 'ready', slots: items.filter((s) => s.providerId === booking.provider.id) });
    } catch (e) {
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, [booking.kind, booking.provider.id]);

  useEffect(() => {
    void fetchSlots();
  }, [fetchSlots]);

  const confirm = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    setMessage('');
    try {
      onDone(await rescheduleMyBooking(booking.id, chosen.start));
    } catch (e) {
      setChosen(null);
      if (e instanceof ApiError && e.code === 'SLOT_TAKEN') {
        setMessage('这个时间刚被其他人约走了，请另选一个。');
        void fetchSlots();
      } else {
        setMessage(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const days = new Map<string, SlotDto[]>();
  if (load.step === 'ready') {
    for (const s of load.slots) days.set(dateOf(s.start), [...(days.get(dateOf(s.start)) ?? []), s]);
  }

  return (
    <View className='bk-confirm-box bk-reschedule'>
      <Text className='bk-card__title'>改到哪个时间？</Text>
      <Text className='bk-note'>以下是{booking.provider.name}其他可约的时间。</Text>
      {message ? <Text className='bk-notice'>{message}</Text> : null}
      {load.step === 'loading' ? <Text className='bk-note'>正在查询…</Text> : null}
      {load.step === 'error' ? (
        <View>
          <Text className='bk-error'>{load.message}</Text>
          <Button className='bk-secondary' onClick={() => void fetchSlots()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' && days.size === 0 ? <Text className='bk-note'>近期没有其他可约的时间，请来电咨询。</Text> : null}
      {chosen ? (
        <View>
          <Text className='bk-card__title'>改到 {formatRange(chosen.start, chosen.end)}？</Text>
          <Button className='bk-primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void confirm()}>
            确定改期
          </Button>
          <Button className='bk-secondary' onClick={() => setChosen(null)}>
            重新选择
          </Button>
        </View>
      ) : (
        [...days.entries()].map(([date, slots]) => (
          <View key={date} className='bk-reschedule__day'>
            <Text className='bk-row__label'>{formatDay(date)}</Text>
            <View className='bk-reschedule__times'>
              {slots.map((s) => (
                <Button key={s.start} className='bk-time' onClick={() => setChosen(s)}>
                  {timeOf(s.start)}
                </Button>
              ))}
            </View>
          </View>
        ))
      )}
      <Button className='bk-link' onClick={onClose}>
        不改了
      </Button>
    </View>
  );
}
