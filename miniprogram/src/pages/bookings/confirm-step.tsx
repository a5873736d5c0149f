import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ConsultationKind, ConsultationMode, type BookingDto, type Center, type CreateBookingInput, type SafeContact, type SlotDto } from '@zjh/shared';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../services/api';
import { createBooking, newIdempotencyKey } from '../../services/bookings';
import { describeWindow } from '../../services/safe-contact';
import { formatRange } from '../../services/shanghai-time';
import { askToSubscribe, type TemplateIds } from '../../services/subscribe';

export const MINE_PATH = '/pages/bookings/mine';

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='bk-row'>
      <Text className='bk-row__label'>{label}</Text>
      <Text className='bk-row__value'>{value}</Text>
    </View>
  );
}

/** A short, readable line about how we may contact her. */
export function describeContact(contact: SafeContact | undefined): string {
  if (!contact) return '未留联系方式';
  const parts = [contact.name ? `${contact.name} ` : '', contact.phone];
  parts.push(contact.safeToCall ? '，可以打电话' : '，不要打电话');
  if (contact.safeToCall && Array.isArray(contact.safeTimes) && contact.safeTimes.length) {
    parts.push(`（${contact.safeTimes.map(describeWindow).join('、')}）`);
  }
  parts.push(contact.allowMessage ? '，可以留言' : '，不要留言');
  return parts.join('');
}

interface ConfirmStepProps {
  center: Center;
  slot: SlotDto;
  mode: ConsultationMode;
  contact?: SafeContact;
  topic: string;
  templateIds: TemplateIds;
  onBooked: (booking: BookingDto) => void;
  onSlotTaken: () => void;
}

/**
 * The last look before booking. One Idempotency-Key per confirm screen: a second tap, or a retry
 * after a lost answer, cannot make a second booking.
 */
export function ConfirmStep({ center, slot, mode, contact, topic, templateIds, onBooked, onSlotTaken }: ConfirmStepProps) {
  const [key] = useState(newIdempotencyKey);
  const subscribed = useRef<Promise<boolean> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; tooMany?: boolean } | null>(null);

  const confirm = async () => {
    if (busy) return;
    // WeChat only shows the subscribe sheet straight from a tap: ask first, once per screen.
    if (!subscribed.current) subscribed.current = askToSubscribe(templateIds, ['appointment_reminder', 'appointment_changed']);
    setBusy(true);
    setError(null);
    try {
      const notify = await subscribed.current;
      const body: CreateBookingInput = { providerId: slot.providerId, start: slot.start, mode, notify };
      if (contact) body.contact = contact;
      if (topic.trim()) body.topic = topic.trim();
      onBooked(await createBooking(body, key));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SLOT_TAKEN') {
        onSlotTaken();
        return;
      }
      setError({ message: errorMessage(e), tooMany: e instanceof ApiError && e.code === 'TOO_MANY_BOOKINGS' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className='bk-card'>
        <Row label='类型' value={ConsultationKind.labels[slot.kind]} />
        <Row label='时间' value={formatRange(slot.start, slot.end)} />
        <Row label='咨询人员' value={slot.providerName} />
        <Row label='方式' value={ConsultationMode.labels[mode]} />
        <Row label='中心' value={center.name} />
        {mode === 'in_person' ? <Row label='地址' value={center.address} /> : null}
        <Row label='联系方式' value={describeContact(contact)} />
        {topic.trim() ? <Row label='想咨询' value={topic.trim()} /> : null}
      </View>
      <Text className='bk-note'>
        你填写的信息只用于安排这次咨询，加密保存，只有为你服务的工作人员能看到。开始前 2 小时以前可以在“我的预约”里取消或改期。
      </Text>
      {error ? (
        <View className='bk-error-box'>
          <Text className='bk-error'>{error.message}</Text>
          {error.tooMany ? (
            <Button className='bk-secondary' onClick={() => go(MINE_PATH)}>
              查看我的预约
            </Button>
          ) : null}
        </View>
      ) : null}
      <Button className='bk-primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void confirm()}>
        确认预约
      </Button>
    </View>
  );
}

interface DoneStepProps {
  booking: BookingDto;
}

/** Booked: when, where, what happens next, and where to find it again. */
export function DoneStep({ booking }: DoneStepProps) {
  const next =
    booking.mode === 'in_person'
      ? `请按时到中心：${booking.center.address}`
      : booking.mode === 'phone'
        ? '到时咨询人员会按你留下的电话联系你。'
        : '中心会按你留下的电话与你约定视频方式。';
  return (
    <View>
      <View className='bk-card bk-done'>
        <Text className='bk-done__title'>预约成功</Text>
        <Row label='时间' value={formatRange(booking.start, booking.end)} />
        <Row label='咨询人员' value={booking.provider.name} />
        <Row label='方式' value={ConsultationMode.labels[booking.mode]} />
        <Row label='中心' value={booking.center.name} />
        <Row label='中心电话' value={booking.center.phone} />
        <Text className='bk-note'>{next}</Text>
        <Text className='bk-note'>如果不能按时参加，请提前在“我的预约”里取消，把时间留给别人。</Text>
      </View>
      <Button className='bk-primary' onClick={() => Promise.resolve(Taro.redirectTo({ url: MINE_PATH })).catch(() => undefined)}>
        查看我的预约
      </Button>
      <Button className='bk-secondary' onClick={() => Promise.resolve(Taro.reLaunch({ url: '/pages/index/index' })).catch(() => undefined)}>
        返回首页
      </Button>
    </View>
  );
}
