import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { BookingStatus, ConsultationKind, ConsultationMode, type BookingDto } from '@zjh/shared';
import { useCallback, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage, toast } from '../../services/api';
import { cancelMyBooking, myBookings } from '../../services/bookings';
import { callNumber } from '../../services/phone';
import { formatRange, timeOf } from '../../services/shanghai-time';
import { ReschedulePanel } from './reschedule-panel';
import './index.scss';

export const CUTOFF_EXPLANATION = '开始前 2 小时内不能在线取消或改期。如需调整，请拨打中心电话。';

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; items: BookingDto[] };

/** Upcoming: still booked and not yet over. Everything else is history. */
export function splitBookings(items: BookingDto[], now: Date = new Date()) {
  const upcoming = items
    .filter((b) => b.status === 'confirmed' && Date.parse(b.end) > now.getTime())
    .sort((a, b) => a.start.localeCompare(b.start));
  const past = items.filter((b) => !upcoming.includes(b)).sort((a, b) => b.start.localeCompare(a.start));
  return { upcoming, past };
}

interface CardProps {
  booking: BookingDto;
  upcoming: boolean;
  onChanged: (b: BookingDto) => void;
}

function BookingCard({ booking, upcoming, onChanged }: CardProps) {
  const [panel, setPanel] = useState<'none' | 'cancel' | 'reschedule'>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const cancel = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      onChanged(await cancelMyBooking(booking.id));
      setPanel('none');
      toast('已取消预约');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const actionable = upcoming && booking.status === 'confirmed';
  return (
    <View className={`bk-card bk-booking ${upcoming ? '' : 'bk-booking--past'}`}>
      <View className='bk-booking__head'>
        <Text className='bk-booking__kind'>{ConsultationKind.labels[booking.kind]}</Text>
        <Text className={`bk-status-tag bk-status-tag--${booking.status}`}>{BookingStatus[booking.status]}</Text>
      </View>
      <View className='bk-row'>
        <Text className='bk-row__label'>时间</Text>
        <Text className='bk-row__value'>{formatRange(booking.start, booking.end)}</Text>
      </View>
      <View className='bk-row'>
        <Text className='bk-row__label'>咨询人员</Text>
        <Text className='bk-row__value'>{booking.provider.name}</Text>
      </View>
      <View className='bk-row'>
        <Text className='bk-row__label'>方式</Text>
        <Text className='bk-row__value'>{ConsultationMode.labels[booking.mode]}</Text>
      </View>
      <View className='bk-row'>
        <Text className='bk-row__label'>中心</Text>
        <Text className='bk-row__value'>{booking.center.name}</Text>
      </View>
      {upcoming && booking.mode === 'in_person' && booking.center.address ? (
        <View className='bk-row'>
          <Text className='bk-row__label'>地址</Text>
          <Text className='bk-row__value'>{booking.center.address}</Text>
        </View>
      ) : null}
      {booking.status === 'cancelled' && booking.cancelReason ? (
        <View className='bk-row'>
          <Text className='bk-row__label'>取消原因</Text>
          <Text className='bk-row__value'>{booking.cancelReason}</Text>
        </View>
      ) : null}

      {actionable && panel === 'none' ? (
        <View className='bk-actions'>
          {booking.canCancel ? null : <Text className='bk-note bk-cutoff'>{CUTOFF_EXPLANATION}</Text>}
          <Button className='bk-secondary' {...(booking.canCancel ? {} : { disabled: true })} onClick={() => setPanel('reschedule')}>
            改期
          </Button>
          <Button className='bk-secondary' {...(booking.canCancel ? {} : { disabled: true })} onClick={() => setPanel('cancel')}>
            取消预约
          </Button>
          {booking.center.phone ? (
            <Button className='bk-link' onClick={() => callNumber(booking.center.phone)}>
              拨打中心电话 {booking.center.phone}
            </Button>
          ) : null}
        </View>
      ) : null}

      {actionable && panel === 'cancel' ? (
        <View className='bk-confirm-box'>
          <Text className='bk-card__title'>确定取消 {timeOf(booking.start)} 的这次预约吗？</Text>
          <Text className='bk-note'>取消后这个时间会留给其他人。</Text>
          <Button className='bk-danger' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void cancel()}>
            确定取消
          </Button>
          <Button className='bk-secondary' onClick={() => setPanel('none')}>
            不取消
          </Button>
        </View>
      ) : null}

      {actionable && panel === 'reschedule' ? (
        <ReschedulePanel
          booking={booking}
          onDone={(b) => {
            onChanged(b);
            setPanel('none');
            toast('已改期');
          }}
          onClose={() => setPanel('none')}
        />
      ) : null}
      {error ? <Text className='bk-error'>{error}</Text> : null}
    </View>
  );
}

/** 我的预约: upcoming bookings with cancel and reschedule, then past ones. */
export default function MyBookingsPage() {
  const [load, setLoad] = useState<Load>({ step: 'loading' });

  const fetchMine = useCallback(async () => {
    setLoad({ step: 'loading' });
    try {
      const { items } = await myBookings();
      setLoad({ step: 'ready', items });
    } catch (e) {
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, []);

  useDidShow(() => {
    void fetchMine();
  });

  const replace = (updated: BookingDto) =>
    setLoad((l) => (l.step === 'ready' ? { step: 'ready', items: l.items.map((b) => (b.id === updated.id ? updated : b)) } : l));

  const book = () => Promise.resolve(Taro.navigateTo({ url: '/pages/bookings/index' })).catch(() => undefined);
  const { upcoming, past } = load.step === 'ready' ? splitBookings(load.items) : { upcoming: [], past: [] };

  return (
    <SafePage className='my-bookings'>
      <Text className='bk-title'>我的预约</Text>
      {load.step === 'loading' ? <Text className='bk-status'>正在加载…</Text> : null}
      {load.step === 'error' ? (
        <View className='bk-status'>
          <Text>{load.message}</Text>
          <Button className='bk-secondary' onClick={() => void fetchMine()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' && load.items.length === 0 ? (
        <View className='bk-status'>
          <Text>你还没有预约。</Text>
        </View>
      ) : null}
      {upcoming.length ? <Text className='bk-section-title'>即将开始</Text> : null}
      {upcoming.map((b) => (
        <BookingCard key={b.id} booking={b} upcoming onChanged={replace} />
      ))}
      {past.length ? <Text className='bk-section-title'>已结束或已取消</Text> : null}
      {past.map((b) => (
        <BookingCard key={b.id} booking={b} upcoming={false} onChanged={replace} />
      ))}
      {load.step === 'ready' ? (
        <Button className='bk-primary' onClick={() => void book()}>
          预约新的咨询
        </Button>
      ) : null}
    </SafePage>
  );
}
