import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { BookingStatus, ConsultationKind, ConsultationMode, type StaffSummary, type TimelineItem } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { formatRange, timeOf, dateOf, formatDay } from '../../../services/shanghai-time';
import { StaffLayout } from '../../components/staff-layout';
import { bookingHistory, cancelAsStaff, recordAttendance, saveSessionNote, staffBooking, type StaffBooking } from '../../services/bookings';
import { useStaff } from '../../services/use-staff';
import { SafeContactBlock } from '../../components/safe-contact-block';
import '../staff.scss';
import './index.scss';

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; booking: StaffBooking };

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='cal-row'>
      <Text className='cal-row__label'>{label}</Text>
      <Text className='cal-row__value'>{value}</Text>
    </View>
  );
}

const EVENT_LABELS: Record<string, string> = { booked: '预约', rescheduled: '改期', status: '状态变更', note_saved: '保存咨询记录' };

function describeEvent(e: TimelineItem): string {
  const label = EVENT_LABELS[e.type] ?? e.type;
  const status = (v?: string) => (v && v in BookingStatus ? BookingStatus[v as keyof typeof BookingStatus] : v);
  if (e.type === 'status') return `${label}：${status(e.from) ?? ''} → ${status(e.to) ?? ''}${e.note ? `（${e.note}）` : ''}`;
  if (e.type === 'rescheduled' && e.from && e.to) return `${label}：${formatDay(dateOf(e.from))} ${timeOf(e.from)} → ${formatDay(dateOf(e.to))} ${timeOf(e.to)}`;
  return label;
}

/** Attendance, staff cancellation with a reason, and the confidential note (the provider herself only). */
function Actions({ booking, staff, onChanged }: { booking: StaffBooking; staff: StaffSummary; onChanged: (updated?: StaffBooking) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const started = Date.parse(booking.start) <= Date.now();

  const run = async (work: () => Promise<StaffBooking | undefined>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const updated = await work();
      toast(done);
      setCancelling(false);
      onChanged(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    if (!reason.trim()) {
      setError('请填写取消原因');
      return;
    }
    void run(() => cancelAsStaff(booking.id, reason.trim()).then(() => undefined), '已取消预约');
  };

  const busyProps = busy ? { disabled: true } : {};
  return (
    <View className='staff-card'>
      <Text className='cal-section-title'>处理</Text>
      {booking.status !== 'cancelled' ? (
        started ? (
          <View className='cal-actions'>
            <Button className={`staff-btn ${booking.status === 'attended' ? 'staff-btn--primary' : 'staff-btn--quiet'}`} {...busyProps} onClick={() => void run(() => recordAttendance(booking.id, 'attended'), '已记录：已到场')}>
              已到场
            </Button>
            <Button className={`staff-btn ${booking.status === 'no_show' ? 'staff-btn--primary' : 'staff-btn--quiet'}`} {...busyProps} onClick={() => void run(() => recordAttendance(booking.id, 'no_show'), '已记录：未到场')}>
              未到场
            </Button>
          </View>
        ) : (
          <Text className='staff-hint'>预约开始后（{timeOf(booking.start)}起）可以记录到场情况。</Text>
        )
      ) : (
        <Text className='staff-hint'>该预约已取消{booking.cancelReason ? `：${booking.cancelReason}` : ''}。</Text>
      )}

      {booking.status === 'confirmed' && !cancelling ? (
        <View className='cal-actions'>
          <Button className='staff-btn staff-btn--quiet' onClick={() => setCancelling(true)}>
            取消预约…
          </Button>
        </View>
      ) : null}
      {booking.status === 'confirmed' && cancelling ? (
        <View>
          <Text className='staff-field__label'>取消原因（会显示给预约人）</Text>
          <Textarea className='cal-textarea' value={reason} maxlength={500} placeholder='例如：咨询师临时有事，已电话告知' onInput={(e) => setReason(e.detail.value)} />
          <View className='cal-actions'>
            <Button className='staff-btn staff-btn--danger' {...busyProps} onClick={cancel}>
              确认取消
            </Button>
            <Button className='staff-btn staff-btn--quiet' onClick={() => setCancelling(false)}>
              返回
            </Button>
          </View>
        </View>
      ) : null}
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {staff.id === booking.provider.id ? <NoteEditor booking={booking} onSaved={onChanged} /> : null}
    </View>
  );
}

function NoteEditor({ booking, onSaved }: { booking: StaffBooking; onSaved: (updated: StaffBooking) => void }) {
  const [note, setNote] = useState(booking.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const updated = await saveSessionNote(booking.id, note);
      toast('咨询记录已保存');
      onSaved(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='cal-note'>
      <Text className='staff-field__label'>保密咨询记录（仅你本人和市妇联管理员可见，加密保存）</Text>
      <Textarea className='cal-textarea' value={note} maxlength={5000} placeholder='本次咨询的要点、后续安排' onInput={(e) => setNote(e.detail.value)} />
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <Button className='staff-btn staff-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
        保存咨询记录
      </Button>
    </View>
  );
}

/** One booking for staff: the session, her contact wishes beside her number, actions and history. */
export default function StaffBookingDetailPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' ? decodeURIComponent(params.id) : '';
  const { staff, error: staffError } = useStaff();
  const [load, setLoad] = useState<Load>({ step: 'loading' });
  const [history, setHistory] = useState<TimelineItem[]>([]);

  const fetchHistory = useCallback(() => {
    bookingHistory(id).then(({ items }) => setHistory(items), () => setHistory([]));
  }, [id]);

  const fetchOne = useCallback(async () => {
    if (!id) {
      setLoad({ step: 'error', message: '找不到该预约' });
      return;
    }
    try {
      const booking = await staffBooking(id);
      setLoad({ step: 'ready', booking });
      fetchHistory();
    } catch (e) {
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, [id, fetchHistory]);

  // Attendance and notes answer with the updated booking; a cancellation is read again.
  const changed = (updated?: StaffBooking) => {
    if (updated) {
      setLoad({ step: 'ready', booking: updated });
      fetchHistory();
    } else void fetchOne();
  };

  useEffect(() => {
    if (staff) void fetchOne();
  }, [staff, fetchOne]);

  const back = () => Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url: '/staff/pages/bookings/index' }));
  const b = load.step === 'ready' ? load.booking : null;

  return (
    <StaffLayout
      title='预约详情'
      nav='bookings'
      actions={
        <Button className='staff-btn staff-btn--quiet' onClick={() => void back()}>
          返回日历
        </Button>
      }
    >
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      {load.step === 'loading' ? <Text className='cal-status'>正在加载…</Text> : null}
      {load.step === 'error' ? <Text className='staff-error'>{load.message}</Text> : null}
      {b && staff ? (
        <View className='cal-detail'>
          <View className='cal-detail__main'>
            <View className='staff-card'>
              <Text className='cal-section-title'>预约</Text>
              <Row label='时间' value={formatRange(b.start, b.end)} />
              <Row label='状态' value={BookingStatus[b.status]} />
              <Row label='类型' value={ConsultationKind.labels[b.kind]} />
              <Row label='方式' value={ConsultationMode.labels[b.mode]} />
              <Row label='咨询人员' value={b.provider.name} />
              <Row label='中心' value={b.center.name} />
              <Row label='想咨询' value={b.topic ?? '（未填写）'} />
            </View>
            <View className='staff-card'>
              <Text className='cal-section-title'>联系方式与安全提示</Text>
              <SafeContactBlock contact={b.client.contact} />
            </View>
          </View>
          <View className='cal-detail__side'>
            <Actions key={`${b.status}|${b.note ?? ''}`} booking={b} staff={staff} onChanged={changed} />
            {staff.id !== b.provider.id && b.note ? (
              <View className='staff-card'>
                <Text className='cal-section-title'>保密咨询记录（只读）</Text>
                <Text className='cal-row__value'>{b.note}</Text>
              </View>
            ) : null}
            {history.length ? (
              <View className='staff-card'>
                <Text className='cal-section-title'>变更记录</Text>
                {history.map((e) => (
                  <View key={e.id} className='cal-history__item'>
                    <Text className='cal-history__at'>
                      {formatDay(dateOf(e.at))} {timeOf(e.at)} · {e.actor.name}
                    </Text>
                    <Text>{describeEvent(e)}</Text>
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
    </StaffLayout>
  );
}
