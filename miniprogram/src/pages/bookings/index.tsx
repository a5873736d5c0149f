import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ConsultationKind, type BookingDto, type Center, type ConsultationMode, type SafeContact, type SlotDto } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { EMPTY_SAFE_CONTACT, type SafeContactDraft } from '../../components/contact-prefs';
import { errorMessage } from '../../services/api';
import { BOOKING_WINDOW_DAYS, listProviders, listSlots } from '../../services/bookings';
import { addDays, dateOf, formatDay, timeOf, todayShanghai } from '../../services/shanghai-time';
import { loadTemplateIds, type TemplateIds } from '../../services/subscribe';
import { CenterStep } from './center-step';
import { ConfirmStep, DoneStep, MINE_PATH } from './confirm-step';
import { DayStep } from './day-step';
import { DetailsStep } from './details-step';
import { KindStep } from './kind-step';
import { ModeStep, SlotStep } from './slot-step';
import { StepFrame } from './step-frame';
import './index.scss';

type Step = 'kind' | 'center' | 'day' | 'slot' | 'mode' | 'details' | 'confirm' | 'done';
const STEPS: Step[] = ['kind', 'center', 'day', 'slot', 'mode', 'details', 'confirm'];
const TITLES: Record<Step, string> = {
  kind: '想预约哪一类咨询？',
  center: '选择服务中心',
  day: '选择日期',
  slot: '选择时间',
  mode: '选择咨询方式',
  details: '联系方式和想咨询的问题',
  confirm: '请确认预约信息',
  done: '已为你预约',
};

export const SLOT_TAKEN_NOTICE = '刚才这个时段已被其他人约走了，请另选一个时间。';

interface Availability {
  slots: SlotDto[];
  /** Weekdays (1–7) on which a provider of this kind usually works at the center. */
  workdays: Set<number>;
}

type Load = { step: 'idle' } | { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; data: Availability };

function isKind(value: unknown): value is ConsultationKind {
  return typeof value === 'string' && (ConsultationKind.codes as string[]).includes(value);
}

/**
 * 预约咨询: kind → center → day → slot → mode → contact and topic → confirm. Everything she
 * chooses or types stays in this page's memory until she confirms.
 */
export default function BookingPage() {
  const { params } = useRouter();
  const preset = isKind(params.kind) ? params.kind : undefined;
  const [step, setStep] = useState<Step>(preset ? 'center' : 'kind');
  const [kind, setKind] = useState<ConsultationKind | undefined>(preset);
  const [center, setCenter] = useState<Center>();
  const [date, setDate] = useState<string>();
  const [slot, setSlot] = useState<SlotDto>();
  const [mode, setMode] = useState<ConsultationMode>();
  const [draft, setDraft] = useState<SafeContactDraft>(EMPTY_SAFE_CONTACT);
  const [contact, setContact] = useState<SafeContact>();
  const [topic, setTopic] = useState('');
  const [availability, setAvailability] = useState<Load>({ step: 'idle' });
  const [notice, setNotice] = useState('');
  const [booking, setBooking] = useState<BookingDto>();
  const [templateIds, setTemplateIds] = useState<TemplateIds>({});

  useEffect(() => {
    void loadTemplateIds().then((ids) => {
      if (Object.keys(ids).length) setTemplateIds(ids);
    });
  }, []);

  const loadAvailability = useCallback(async (k: ConsultationKind, c: Center): Promise<Availability | null> => {
    setAvailability({ step: 'loading' });
    const today = todayShanghai();
    try {
      const [slots, providers] = await Promise.all([
        listSlots({ kind: k, centerId: c.id, from: today, to: addDays(today, BOOKING_WINDOW_DAYS) }),
        listProviders({ kind: k, centerId: c.id }),
      ]);
      const data = { slots: slots.items, workdays: new Set(providers.items.flatMap((p) => p.rules.map((r) => r.weekday))) };
      setAvailability({ step: 'ready', data });
      return data;
    } catch (e) {
      setAvailability({ step: 'error', message: errorMessage(e) });
      return null;
    }
  }, []);

  const back = (to: Step) => () => {
    setNotice('');
    setStep(to);
  };

  const slotTaken = async () => {
    if (!kind || !center) return;
    setSlot(undefined);
    setNotice(SLOT_TAKEN_NOTICE);
    const data = await loadAvailability(kind, center);
    const stillFree = data?.slots.some((s) => dateOf(s.start) === date);
    setStep(stillFree ? 'slot' : 'day');
  };

  const summary = [
    kind ? ConsultationKind.labels[kind] : '',
    step !== 'center' && center ? center.name : '',
    step !== 'day' && date ? formatDay(date) : '',
    step !== 'slot' && slot ? `${timeOf(slot.start)} ${slot.providerName}` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  const ready = availability.step === 'ready' ? availability.data : null;
  const index = STEPS.indexOf(step) + 1;

  return (
    <SafePage className='booking'>
      {step === 'done' && booking ? (
        <DoneStep booking={booking} />
      ) : (
        <StepFrame
          title={TITLES[step]}
          index={index || undefined}
          total={STEPS.length}
          summary={step === 'kind' ? undefined : summary}
          onBack={index > 1 ? back(STEPS[index - 2]) : undefined}
        >
          {step === 'kind' ? (
            <View>
              <KindStep
                onPick={(k) => {
                  setKind(k);
                  setStep('center');
                }}
              />
              <Button className='bk-link bk-mine-link' onClick={() => Promise.resolve(Taro.navigateTo({ url: MINE_PATH })).catch(() => undefined)}>
                查看我的预约
              </Button>
            </View>
          ) : null}

          {step === 'center' && kind ? (
            <CenterStep
              kind={kind}
              onPick={(c) => {
                setCenter(c);
                setDate(undefined);
                setSlot(undefined);
                setStep('day');
                void loadAvailability(kind, c);
              }}
            />
          ) : null}

          {(step === 'day' || step === 'slot') && availability.step === 'loading' ? <Text className='bk-status'>正在查询可预约的时间…</Text> : null}
          {(step === 'day' || step === 'slot') && availability.step === 'error' ? (
            <View className='bk-status'>
              <Text>{availability.message}</Text>
              <Button className='bk-secondary' onClick={() => kind && center && void loadAvailability(kind, center)}>
                重试
              </Button>
            </View>
          ) : null}

          {step === 'day' && kind && center && ready ? (
            <View>
              {notice ? <Text className='bk-notice'>{notice}</Text> : null}
              <DayStep
                kind={kind}
                center={center}
                slots={ready.slots}
                workdays={ready.workdays}
                templateIds={templateIds}
                onPick={(d) => {
                  setNotice('');
                  setDate(d);
                  setStep('slot');
                }}
              />
            </View>
          ) : null}

          {step === 'slot' && date && ready ? (
            <SlotStep
              date={date}
              slots={ready.slots}
              notice={notice}
              onPick={(s) => {
                setNotice('');
                setSlot(s);
                setMode(undefined);
                setStep('mode');
              }}
            />
          ) : null}

          {step === 'mode' && slot && center ? (
            <ModeStep
              slot={slot}
              center={center}
              onPick={(m) => {
                setMode(m);
                setStep('details');
              }}
            />
          ) : null}

          {step === 'details' && mode ? (
            <DetailsStep
              mode={mode}
              contact={draft}
              topic={topic}
              onChange={(patch) => {
                if (patch.contact) setDraft(patch.contact);
                if (patch.topic !== undefined) setTopic(patch.topic);
              }}
              onNext={(c) => {
                setContact(c);
                setStep('confirm');
              }}
            />
          ) : null}

          {step === 'confirm' && center && slot && mode ? (
            <ConfirmStep
              center={center}
              slot={slot}
              mode={mode}
              contact={contact}
              topic={topic}
              templateIds={templateIds}
              onBooked={(b) => {
                setBooking(b);
                // What she typed is on the server now; forget it here.
                setDraft(EMPTY_SAFE_CONTACT);
                setContact(undefined);
                setTopic('');
                setStep('done');
              }}
              onSlotTaken={() => void slotTaken()}
            />
          ) : null}
        </StepFrame>
      )}
    </SafePage>
  );
}
