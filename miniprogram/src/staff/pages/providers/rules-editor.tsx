import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { ConsultationMode } from '@zjh/shared';
import { isH5 } from '../../../services/env';
import { MODE_ORDER } from '../../../services/bookings';
import { addDays, todayShanghai, weekdayName } from '../../../services/shanghai-time';
import { SelectField, type SelectOption } from '../../components/select-field';
import { rowKey, startsOf, TIME_OPTIONS, type RulesDraft } from './rules-draft';

const SLOT_LENGTHS = [30, 45, 50, 60, 90, 120];
const BUFFERS = [0, 5, 10, 15, 20, 30];
const WEEKDAYS: SelectOption[] = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(d) }));

function minutesOptions(values: number[], current: number, unit: (n: number) => string): SelectOption[] {
  const all = values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
  return all.map((n) => ({ value: String(n), label: unit(n) }));
}

function timeOptions(current: string): SelectOption[] {
  const all = TIME_OPTIONS.includes(current) ? TIME_OPTIONS : [...TIME_OPTIONS, current].sort();
  return all.map((t) => ({ value: t, label: t }));
}

function DateField({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  if (isH5()) {
    return (
      <View className='select-field rules-date'>
        <Text className='select-field__label'>日期</Text>
        <input className='select-field__select' type='date' aria-label='日期' value={value} onChange={(e) => onChange(e.target.value)} />
      </View>
    );
  }
  return (
    <View className='select-field rules-date'>
      <Text className='select-field__label'>日期</Text>
      <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='select-field__face'>
          <Text>{value || '选择日期'}</Text>
        </View>
      </Picker>
    </View>
  );
}

interface RulesEditorProps {
  draft: RulesDraft;
  onChange: (draft: RulesDraft) => void;
}

/** Slot length, buffer, modes, weekly hours and time off of one provider. */
export function RulesEditor({ draft, onChange }: RulesEditorProps) {
  const set = (patch: Partial<RulesDraft>) => onChange({ ...draft, ...patch });
  const setRule = (key: string, patch: Partial<RulesDraft['rules'][number]>) => set({ rules: draft.rules.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const setException = (key: string, patch: Partial<RulesDraft['exceptions'][number]>) =>
    set({ exceptions: draft.exceptions.map((e) => (e.key === key ? { ...e, ...patch } : e)) });
  const toggleMode = (mode: (typeof MODE_ORDER)[number]) =>
    set({ modes: draft.modes.includes(mode) ? draft.modes.filter((m) => m !== mode) : MODE_ORDER.filter((m) => m === mode || draft.modes.includes(m)) });

  return (
    <View>
      <View className='staff-card'>
        <Text className='cal-section-title'>时段</Text>
        <View className='rules-line'>
          <SelectField label='每次咨询时长' value={String(draft.slotMinutes)} options={minutesOptions(SLOT_LENGTHS, draft.slotMinutes, (n) => `${n} 分钟`)} onChange={(v) => set({ slotMinutes: Number(v) })} />
          <SelectField label='两次之间休息' value={String(draft.bufferMinutes)} options={minutesOptions(BUFFERS, draft.bufferMinutes, (n) => (n ? `${n} 分钟` : '不休息'))} onChange={(v) => set({ bufferMinutes: Number(v) })} />
        </View>
        <Text className='staff-field__label'>提供的咨询方式</Text>
        <View className='rules-line'>
          {MODE_ORDER.map((mode) => (
            <Button key={mode} className={`cal-btn ${draft.modes.includes(mode) ? 'cal-btn--on' : ''}`} onClick={() => toggleMode(mode)}>
              {draft.modes.includes(mode) ? '✓ ' : ''}
              {ConsultationMode.labels[mode]}
            </Button>
          ))}
        </View>
      </View>

      <View className='staff-card'>
        <Text className='cal-section-title'>每周值班时间</Text>
        {draft.rules.length === 0 ? <Text className='staff-hint'>还没有值班时间，预约人将看不到可约时段。</Text> : null}
        {draft.rules.map((r) => (
          <View key={r.key} className='rules-row'>
            <View className='rules-line'>
              <SelectField label='星期' value={String(r.weekday)} options={WEEKDAYS} onChange={(v) => setRule(r.key, { weekday: Number(v) })} />
              <SelectField label='开始' value={r.start} options={timeOptions(r.start)} onChange={(v) => setRule(r.key, { start: v })} />
              <SelectField label='结束' value={r.end} options={timeOptions(r.end)} onChange={(v) => setRule(r.key, { end: v })} />
              <Button className='cal-btn' onClick={() => set({ rules: draft.rules.filter((x) => x.key !== r.key) })}>
                删除
              </Button>
            </View>
            <Text className='rules-preview'>
              {r.start < r.end ? `可约：${startsOf(r, draft.slotMinutes, draft.bufferMinutes).join('、') || '（时间太短，放不下一次咨询）'}` : '结束时间须晚于开始时间'}
            </Text>
          </View>
        ))}
        <View className='rules-line'>
          <Button className='cal-btn' onClick={() => set({ rules: [...draft.rules, { key: rowKey(), weekday: 1, start: '09:00', end: '12:00' }] })}>
            + 添加一段值班时间
          </Button>
        </View>
      </View>

      <View className='staff-card'>
        <Text className='cal-section-title'>请假 / 休息日</Text>
        <Text className='staff-hint'>整天或某段时间不接受预约（例如请假、节假日）。已有的预约不会自动取消，请在预约日历中处理。</Text>
        {draft.exceptions.map((e) => (
          <View key={e.key} className='rules-row'>
            <View className='rules-line'>
              <DateField value={e.date} onChange={(date) => setException(e.key, { date })} />
              <Button className={`cal-btn ${e.allDay ? 'cal-btn--on' : ''}`} onClick={() => setException(e.key, { allDay: !e.allDay })}>
                {e.allDay ? '✓ 全天' : '全天'}
              </Button>
              {e.allDay ? null : (
                <>
                  <SelectField label='开始' value={e.start} options={timeOptions(e.start)} onChange={(v) => setException(e.key, { start: v })} />
                      <SelectField label='结束' value={e.end} options={timeOptions(e.end)} onChange={(v) => setException(e.key, { end: v })} />
                </>
              )}
              <Input className='staff-field__input rules-reason' value={e.reason} maxlength={100} placeholder='原因（可不填）' onInput={(ev) => setException(e.key, { reason: ev.detail.value })} />
              <Button className='cal-btn' onClick={() => set({ exceptions: draft.exceptions.filter((x) => x.key !== e.key) })}>
                删除
              </Button>
            </View>
          </View>
        ))}
        <View className='rules-line'>
          <Button
            className='cal-btn'
            onClick={() => set({ exceptions: [...draft.exceptions, { key: rowKey(), date: addDays(todayShanghai(), 1), allDay: true, start: '09:00', end: '12:00', reason: '' }] })}
          >
            + 添加请假 / 休息
          </Button>
        </View>
      </View>
    </View>
  );
}
