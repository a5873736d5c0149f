import { Button, Text, View } from '@tarojs/components';
import { JudicialConfirmationResult, type JudicialConfirmationInput } from '@zjh/shared';
import { useState } from 'react';
import { errorFor } from '../../../services/field-errors';
import { todayShanghai } from '../../../services/shanghai-time';
import { AreaInput, FieldError, LineInput, WhenInput } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { recordJudicialConfirmation } from '../../services/staff-mediation';
import { busyProps, useCaseAction, type CasePanelProps } from './use-case-action';

type Result = keyof typeof JudicialConfirmationResult;
const RESULT_OPTIONS = Object.entries(JudicialConfirmationResult).map(([value, label]) => ({ value, label }));

/** 司法确认 (人民调解法 第三十三条): recorded after an agreement, updated when the court rules. */
export function JudicialPanel(props: CasePanelProps) {
  const { c } = props;
  const j = c.judicialConfirmation;
  const { busy, error, errors, setErrors, run } = useCaseAction(props);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(() => ({
    appliedOn: j?.appliedOn ?? todayShanghai(),
    court: j?.court ?? '',
    result: (j?.result ?? 'pending') as Result,
    decidedOn: j?.decidedOn ?? '',
    note: j?.note ?? '',
  }));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const save = async () => {
    if (!form.court.trim()) return setErrors({ court: '请填写法院' });
    if (form.result !== 'pending' && !form.decidedOn) return setErrors({ decidedOn: '请填写法院裁定日期' });
    const input: JudicialConfirmationInput = {
      appliedOn: form.appliedOn,
      court: form.court.trim(),
      result: form.result,
      ...(form.result !== 'pending' && form.decidedOn ? { decidedOn: form.decidedOn } : {}),
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    };
    if (await run(() => recordJudicialConfirmation(c.id, input))) setOpen(false);
  };

  return (
    <View className='staff-card md-panel' id='md-judicial'>
      <Text className='md-panel__title'>司法确认</Text>
      {j ? (
        <View className='md-facts'>
          <Text className='md-fact'>{`${j.court} · ${j.appliedOn} 申请`}</Text>
          <Text className={`md-status md-status--judicial-${j.result}`}>{JudicialConfirmationResult[j.result]}</Text>
          {j.decidedOn ? <Text className='md-fact'>{`裁定日期 ${j.decidedOn}`}</Text> : null}
          {j.note ? <Text className='md-fact'>{j.note}</Text> : null}
        </View>
      ) : (
        <Text className='md-hint'>当事人可自协议生效之日起三十日内共同向人民法院申请司法确认。</Text>
      )}
      {open ? (
        <View className='md-move-form'>
          <View className='md-grid'>
            <View className='md-cell md-cell--small'>
              <WhenInput id='jc-applied' label='申请日期' mode='date' value={form.appliedOn} onChange={(v) => set({ appliedOn: v })} error={errorFor(errors, 'appliedOn')} />
            </View>
            <View className='md-cell'>
              <LineInput id='jc-court' label='法院' value={form.court} onChange={(v) => set({ court: v })} maxlength={60} placeholder='如 遂溪县人民法院' error={errorFor(errors, 'court')} />
            </View>
            <View className='md-cell'>
              <SelectField id='jc-result' label='结果' value={form.result} options={RESULT_OPTIONS} onChange={(v) => set({ result: v as Result })} />
            </View>
            {form.result !== 'pending' ? (
              <View className='md-cell md-cell--small'>
                <WhenInput id='jc-decided' label='裁定日期' mode='date' value={form.decidedOn} onChange={(v) => set({ decidedOn: v })} error={errorFor(errors, 'decidedOn')} />
              </View>
            ) : null}
          </View>
          <AreaInput id='jc-note' label='说明（可不填）' value={form.note} onChange={(v) => set({ note: v })} maxlength={500} />
          <View className='md-buttons'>
            <Button id='jc-save' className='staff-btn md-btn md-btn--primary' {...busyProps(busy)} onClick={() => void save()}>
              保存司法确认
            </Button>
            <Button className='staff-btn md-btn md-btn--quiet' onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <Button id='jc-open' className='staff-btn md-btn md-btn--quiet' onClick={() => setOpen(true)}>
          {j ? '更新司法确认' : '记录司法确认申请'}
        </Button>
      )}
      <FieldError message={error} />
    </View>
  );
}
