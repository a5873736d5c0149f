import { Button, Text, View } from '@tarojs/components';
import { ConsultationMode, type Center, type SlotDto } from '@zjh/shared';
import { MODE_ORDER } from '../../services/bookings';
import { dateOf, timeOf } from '../../services/shanghai-time';

interface SlotStepProps {
  date: string;
  slots: SlotDto[];
  /** Shown above the list, e.g. when the slot she chose was just taken. */
  notice?: string;
  onPick: (slot: SlotDto) => void;
}

/** The free times of one day, each with who she would see. */
export function SlotStep({ date, slots, notice, onPick }: SlotStepProps) {
  const today = slots.filter((s) => dateOf(s.start) === date);
  return (
    <View>
      {notice ? <Text className='bk-notice'>{notice}</Text> : null}
      {today.length === 0 ? <Text className='bk-status'>这一天已经没有可约的时段了，请返回选择其他日期。</Text> : null}
      <View className='bk-slots'>
        {today.map((slot) => (
          <Button key={`${slot.providerId}|${slot.start}`} className='bk-option bk-slot' onClick={() => onPick(slot)}>
            <Text className='bk-slot__time'>
              {timeOf(slot.start)}–{timeOf(slot.end)}
            </Text>
            <Text className='bk-slot__who'>{slot.providerName}</Text>
          </Button>
        ))}
      </View>
    </View>
  );
}

const MODE_HINTS: Record<ConsultationMode, (center: Center) => string> = {
  in_person: (center) => `到${center.name}当面咨询`,
  phone: () => '到时由咨询人员按你留下的电话打给你',
  video: () => '到时通过视频通话进行，中心会按你留下的电话与你约定方式',
};

interface ModeStepProps {
  slot: SlotDto;
  center: Center;
  onPick: (mode: ConsultationMode) => void;
}

/** How the session happens, among the ways this provider offers. */
export function ModeStep({ slot, center, onPick }: ModeStepProps) {
  const modes = MODE_ORDER.filter((m) => slot.modes.includes(m));
  return (
    <View className='bk-options'>
      {modes.map((mode) => (
        <Button key={mode} className='bk-option' onClick={() => onPick(mode)}>
          <Text className='bk-option__title'>{ConsultationMode.labels[mode]}</Text>
          <Text className='bk-option__hint'>{MODE_HINTS[mode](center)}</Text>
        </Button>
      ))}
    </View>
  );
}
