import { Button, Text, View } from '@tarojs/components';
import { maxValidTo, PoMeasure, PoSection, PoStatus, ZhanjiangCourts, type PoStatus as Status, type PoTransitionInput, type StaffPoDetail } from '@zjh/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../services/api';
import { errorFor, fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';
import { timeOf, todayShanghai } from '../../../services/shanghai-time';
import { AreaInput, FieldError, LineInput, Toggles, WhenInput } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { transition } from '../../services/staff-protection-orders';

/** Longest free text of a step (notes, messages, reasons). */
const NOTE_MAX = 2000;

/** What each step is called on its button. */
export const TRANSITION_ACTIONS: Record<Exclude<Status, 'draft'>, string> = {
  submitted: '退回她修改',
  under_review: '开始审核',
  needs_info: '请她补充材料',
  filed: '已递交法院（立案）',
  granted: '法院已签发保护令',
  rejected: '法院驳回申请',
  delivered: '已送达公安和居（村）委会',
  withdrawn: '撤回申请',
};

/** The form of every step, as typed (dates and times in Asia/Shanghai). */
export interface TransitionForm {
  note: string;
  message: string;
  sections: Array<keyof typeof PoSection.labels>;
  court: string;
  filedOn: string;
  filedTime: string;
  caseNumber: string;
  urgent: boolean;
  orderNumber: string;
  measures: Array<keyof typeof PoMeasure.labels>;
  otherMeasureText: string;
  validFrom: string;
  validTo: string;
  decidedOn: string;
  decidedTime: string;
  reason: string;
  policeStation: string;
  policeDeliveredOn: string;
  committee: string;
  committeeDeliveredOn: string;
}

export function initialForm(r: StaffPoDetail, now: Date = new Date()): TransitionForm {
  const today = todayShanghai(now);
  const time = timeOf(now.toISOString());
  return {
    note: '',
    message: '',
    sections: [],
    court: r.filing?.court ?? r.answers.court?.name ?? '',
    filedOn: today,
    filedTime: time,
    caseNumber: '',
    urgent: r.urgent,
    orderNumber: '',
    measures: [...(r.answers.measures?.items ?? [])],
    otherMeasureText: r.answers.measures?.otherText ?? '',
    validFrom: today,
    validTo: maxValidTo(today),
    decidedOn: today,
    decidedTime: time,
    reason: '',
    policeStation: '',
    policeDeliveredOn: today,
    committee: '',
    committeeDeliveredOn: today,
  };
}

/** An instant from a Shanghai date and time of day. */
export function shanghaiInstant(date: string, time: string): string {
  const at = Date.parse(`${date}T${time}:00+08:00`);
  if (Number.isNaN(at)) throw new ApiError(400, 'VALIDATION_FAILED', '请填写日期和时间');
  return new Date(at).toISOString();
}

/** The request body of a step, one shape per target status (the server checks the rest). */
export function transitionPayload(status: Exclude<Status, 'draft' | 'submitted'>, f: TransitionForm): PoTransitionInput {
  const t = (s: string) => s.trim();
  switch (status) {
    case 'under_review':
      return { status, ...(t(f.note) ? { note: t(f.note) } : {}) };
    case 'needs_info':
      return { status, message: t(f.message), ...(f.sections.length ? { sections: f.sections } : {}) };
    case 'filed':
      return { status, court: f.court as Extract<PoTransitionInput, { status: 'filed' }>['court'], filedAt: shanghaiInstant(f.filedOn, f.filedTime), caseNumber: t(f.caseNumber), urgent: f.urgent };
    case 'granted':
      return {
        status,
        orderNumber: t(f.orderNumber),
        measures: f.measures,
        ...(f.measures.includes('other') && t(f.otherMeasureText) ? { otherMeasureText: t(f.otherMeasureText) } : {}),
        validFrom: f.validFrom,
        validTo: f.validTo,
        decidedAt: shanghaiInstant(f.decidedOn, f.decidedTime),
      };
    case 'rejected':
      return { status, reason: t(f.reason), decidedAt: shanghaiInstant(f.decidedOn, f.decidedTime) };
    case 'delivered':
      return { status, policeStation: t(f.policeStation), policeDeliveredOn: f.policeDeliveredOn, committee: t(f.committee), committeeDeliveredOn: f.committeeDeliveredOn };
    case 'withdrawn':
      return { status, reason: t(f.reason) };
  }
}

const COURTS = ZhanjiangCourts.map((c) => ({ value: c.name, label: c.name }));
const MEASURES = PoMeasure.codes.map((m) => ({ value: m, label: PoMeasure.labels[m] }));
const SECTIONS = PoSection.codes.map((s) => ({ value: s, label: PoSection.labels[s] }));

interface FieldsProps {
  status: Exclude<Status, 'draft' | 'submitted'>;
  form: TransitionForm;
  set: (patch: Partial<TransitionForm>) => void;
  errors: FieldErrors;
}

function Fields({ status, form, set, errors }: FieldsProps) {
  const err = (p: string) => errorFor(errors, p);
  switch (status) {
    case 'under_review':
      return <AreaInput maxlength={NOTE_MAX} id='t-note' label='内部备注（可不填）' value={form.note} onChange={(note) => set({ note })} error={err('note')} />;
    case 'needs_info':
      return (
        <View>
          <AreaInput maxlength={NOTE_MAX} id='t-message' label='请她补充什么（她会看到，措辞请保持中性）' value={form.message} onChange={(message) => set({ message })} error={err('message')} />
          <Toggles id='t-sections' label='她可以修改的部分（不选则全部可改）' options={SECTIONS} value={form.sections} onChange={(sections) => set({ sections })} error={err('sections')} />
        </View>
      );
    case 'filed':
      return (
        <View>
          <SelectField id='t-court' label='受理法院' value={form.court} options={COURTS} onChange={(court) => set({ court })} placeholder='选择法院' />
          <FieldError message={err('court')} />
          <View className='po-when'>
            <WhenInput id='t-filed-on' label='立案日期' mode='date' value={form.filedOn} onChange={(filedOn) => set({ filedOn })} error={err('filedAt')} />
            <WhenInput id='t-filed-time' label='时间' mode='time' value={form.filedTime} onChange={(filedTime) => set({ filedTime })} />
          </View>
          <LineInput id='t-case' label='案号' placeholder='如：（2026）粤0883民保令1号' value={form.caseNumber} onChange={(caseNumber) => set({ caseNumber })} error={err('caseNumber')} />
          <Toggles
            id='t-urgent'
            label='裁定时限'
            options={[{ value: 'urgent', label: '法院按紧急情况处理（24 小时内裁定）' }]}
            value={form.urgent ? ['urgent'] : []}
            onChange={(v) => set({ urgent: v.length > 0 })}
          />
        </View>
      );
    case 'granted':
      return (
        <View>
          <LineInput id='t-order' label='保护令文号' value={form.orderNumber} onChange={(orderNumber) => set({ orderNumber })} error={err('orderNumber')} />
          <Toggles id='t-measures' label='法院作出的措施' options={MEASURES} value={form.measures} onChange={(measures) => set({ measures })} error={err('measures')} />
          {form.measures.includes('other') ? (
            <AreaInput maxlength={NOTE_MAX} id='t-other' label='其他措施' value={form.otherMeasureText} onChange={(otherMeasureText) => set({ otherMeasureText })} error={err('otherMeasureText')} />
          ) : null}
          <View className='po-when'>
            <WhenInput id='t-valid-from' label='有效期自' mode='date' value={form.validFrom} onChange={(validFrom) => set({ validFrom, validTo: validFrom ? maxValidTo(validFrom) : form.validTo })} error={err('validFrom')} />
            <WhenInput id='t-valid-to' label='至（最长 6 个月）' mode='date' value={form.validTo} onChange={(validTo) => set({ validTo })} error={err('validTo')} />
          </View>
          <View className='po-when'>
            <WhenInput id='t-decided-on' label='裁定日期' mode='date' value={form.decidedOn} onChange={(decidedOn) => set({ decidedOn })} error={err('decidedAt')} />
            <WhenInput id='t-decided-time' label='时间' mode='time' value={form.decidedTime} onChange={(decidedTime) => set({ decidedTime })} />
          </View>
        </View>
      );
    case 'rejected':
      return (
        <View>
          <AreaInput maxlength={NOTE_MAX} id='t-reason' label='驳回理由（她会看到）' value={form.reason} onChange={(reason) => set({ reason })} error={err('reason')} />
          <View className='po-when'>
            <WhenInput id='t-decided-on' label='裁定日期' mode='date' value={form.decidedOn} onChange={(decidedOn) => set({ decidedOn })} error={err('decidedAt')} />
            <WhenInput id='t-decided-time' label='时间' mode='time' value={form.decidedTime} onChange={(decidedTime) => set({ decidedTime })} />
          </View>
          <Text className='staff-hint'>她可以在裁定后 5 日内向作出裁定的法院申请复议一次（第三十一条）。</Text>
        </View>
      );
    case 'delivered':
      return (
        <View>
          <LineInput id='t-police' label='送达的公安派出所' value={form.policeStation} onChange={(policeStation) => set({ policeStation })} error={err('policeStation')} />
          <WhenInput id='t-police-on' label='送达日期' mode='date' value={form.policeDeliveredOn} onChange={(policeDeliveredOn) => set({ policeDeliveredOn })} error={err('policeDeliveredOn')} />
          <LineInput id='t-committee' label='送达的居民委员会或村民委员会' value={form.committee} onChange={(committee) => set({ committee })} error={err('committee')} />
          <WhenInput id='t-committee-on' label='送达日期' mode='date' value={form.committeeDeliveredOn} onChange={(committeeDeliveredOn) => set({ committeeDeliveredOn })} error={err('committeeDeliveredOn')} />
        </View>
      );
    case 'withdrawn':
      return <AreaInput maxlength={NOTE_MAX} id='t-reason' label='撤回原因（她会看到）' value={form.reason} onChange={(reason) => set({ reason })} error={err('reason')} />;
  }
}

interface TransitionPanelProps {
  order: StaffPoDetail;
  onChanged: (next: StaffPoDetail) => void;
  onStale: () => void;
}

/** The next steps the workflow allows from here, each with the form of what it records. */
export function TransitionPanel({ order, onChanged, onStale }: TransitionPanelProps) {
  const [target, setTarget] = useState<Exclude<Status, 'draft' | 'submitted'> | null>(null);
  const [form, setForm] = useState<TransitionForm>(() => initialForm(order));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = order.nextStatuses.filter((s): s is Exclude<Status, 'draft' | 'submitted'> => s !== 'draft' && s !== 'submitted');

  const choose = (s: Exclude<Status, 'draft' | 'submitted'>) => {
    setTarget(s === target ? null : s);
    setForm(initialForm(order));
    setErrors({});
    setError('');
  };

  const send = async () => {
    if (!target || busy) return;
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const updated = await transition(order.id, transitionPayload(target, form));
      setTarget(null);
      onChanged(updated);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='staff-card po-panel' id='transitions'>
      <Text className='po-panel__title'>{`当前状态：${PoStatus.labels[order.status]}`}</Text>
      {next.length === 0 ? <Text className='staff-hint'>这份申请已经走完流程。</Text> : <Text className='po-panel__hint'>下一步</Text>}
      <View className='po-buttons'>
        {next.map((s) => (
          <Button key={s} id={`move-${s}`} className={`staff-btn po-btn ${s === 'withdrawn' || s === 'rejected' ? 'po-btn--danger' : 'po-btn--quiet'} ${target === s ? 'po-btn--on' : ''}`} onClick={() => choose(s)}>
            {TRANSITION_ACTIONS[s]}
          </Button>
        ))}
      </View>
      {target ? (
        <View className='po-form' id={`form-${target}`}>
          <Fields status={target} form={form} set={(patch) => setForm((f) => ({ ...f, ...patch }))} errors={errors} />
          {error ? <Text className='staff-error'>{error}</Text> : null}
          <View className='po-buttons'>
            <Button id='confirm-transition' className='staff-btn po-btn po-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void send()}>
              {`确认：${TRANSITION_ACTIONS[target]}`}
            </Button>
            <Button className='staff-btn po-btn po-btn--quiet' onClick={() => setTarget(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
