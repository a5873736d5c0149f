import { Button, Text, View } from '@tarojs/components';
import { MediationPartyRole, MediationSessionForm, MediatorKind, type MediationCaseDetail, type MediationSessionDto } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage } from '../../../services/api';
import { errorFor, fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';
import { dateOf, timeOf, todayShanghai } from '../../../services/shanghai-time';
import { AreaInput, FieldError, LineInput, WhenInput } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { addSession } from '../../services/staff-mediation';
import { checkSession, emptySession, sessionPayload, type SessionDraft } from './case-model';
import { busyProps } from './use-case-action';

const FORM_OPTIONS = Object.entries(MediationSessionForm).map(([value, label]) => ({ value, label }));

function Choice({ id, label, on, onToggle }: { id: string; label: string; on: boolean; onToggle: () => void }) {
  return (
    <Text id={id} className={`md-toggle ${on ? 'md-toggle--on' : ''}`} onClick={onToggle}>
      {`${on ? '☑' : '☐'} ${label}`}
    </Text>
  );
}

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** The sessions held (date and time, form, who attended, notes) and the form to record one. */
export function SessionsPanel({ c, sessions, canAdd, onAdded }: { c: MediationCaseDetail; sessions: MediationSessionDto[]; canAdd: boolean; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<SessionDraft>(() => emptySession(todayShanghai(), timeOf(new Date().toISOString())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SessionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    if (busy) return;
    const local = checkSession(draft);
    setErrors(local);
    setError('');
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await addSession(c.id, sessionPayload(draft));
      setOpen(false);
      setDraft(emptySession(todayShanghai(), timeOf(new Date().toISOString())));
      onAdded();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='staff-card md-panel' id='md-sessions'>
      <Text className='md-panel__title'>{`调解记录（${sessions.length} 次）`}</Text>
      {sessions.length === 0 ? <Text className='md-hint'>还没有调解记录。</Text> : null}
      {sessions.map((s) => (
        <View key={s.id} className='md-session'>
          <View className='md-session__head'>
            <Text className='md-session__at'>{`${dateOf(s.at)} ${timeOf(s.at)}`}</Text>
            <Text className='md-badge'>{MediationSessionForm[s.form]}</Text>
            {s.location ? <Text className='md-party-view__meta'>{s.location}</Text> : null}
            <Text className='md-party-view__meta'>{`记录：${s.recordedBy.name}`}</Text>
          </View>
          <Text className='md-session__who'>
            {`到场：${[
              ...s.attendedParties.map((p) => `${MediationPartyRole[p.role]} ${p.name}`),
              ...s.attendedMediators.map((m) => `${MediatorKind[m.kind]} ${m.name}`),
              ...(s.otherAttendees ? [s.otherAttendees] : []),
            ].join('、')}`}
          </Text>
          {s.notes ? <Text className='md-session__notes'>{s.notes}</Text> : null}
        </View>
      ))}
      {canAdd && !open ? (
        <Button id='session-open' className='staff-btn md-btn md-btn--quiet' onClick={() => setOpen(true)}>
          记录一次调解
        </Button>
      ) : null}
      {open ? (
        <View className='md-move-form' id='session-form'>
          <View className='md-grid'>
            <View className='md-cell md-cell--small'>
              <WhenInput id='session-date' label='日期' mode='date' value={draft.date} onChange={(v) => set({ date: v })} error={errorFor(errors, 'at')} />
            </View>
            <View className='md-cell md-cell--small'>
              <WhenInput id='session-time' label='时间' mode='time' value={draft.time} onChange={(v) => set({ time: v })} />
            </View>
            <View className='md-cell'>
              <SelectField id='session-form-kind' label='调解形式' value={draft.form} options={FORM_OPTIONS} onChange={(v) => set({ form: v as SessionDraft['form'] })} placeholder='选择形式' />
              <FieldError message={errorFor(errors, 'form')} />
            </View>
            <View className='md-cell'>
              <LineInput id='session-location' label='地点（可不填）' value={draft.location} onChange={(v) => set({ location: v })} maxlength={100} />
            </View>
          </View>
          <Text className='ff-label'>到场当事人</Text>
          <View className='md-toggles'>
            {c.parties.map((p, i) => (
              <Choice key={p.id} id={`session-party-${i}`} label={`${MediationPartyRole[p.role]} ${p.name}`} on={draft.partyIds.includes(p.id)} onToggle={() => set({ partyIds: toggle(draft.partyIds, p.id) })} />
            ))}
          </View>
          <FieldError message={errorFor(errors, 'attendedPartyIds')} />
          {c.mediators.length ? (
            <>
              <Text className='ff-label'>到场调解员</Text>
              <View className='md-toggles'>
                {c.mediators.map((m, i) => (
                  <Choice key={m.id} id={`session-mediator-${i}`} label={`${MediatorKind[m.kind]} ${m.name}`} on={draft.mediatorIds.includes(m.id)} onToggle={() => set({ mediatorIds: toggle(draft.mediatorIds, m.id) })} />
                ))}
              </View>
            </>
          ) : null}
          <LineInput id='session-others' label='其他到场人员（可不填）' value={draft.others} onChange={(v) => set({ others: v })} maxlength={200} placeholder='如 双方亲属各一人' />
          <AreaInput id='session-notes' label='调解记录（加密保存）' value={draft.notes} onChange={(v) => set({ notes: v })} maxlength={5000} />
          <View className='md-buttons'>
            <Button id='session-save' className='staff-btn md-btn md-btn--primary' {...busyProps(busy)} onClick={() => void save()}>
              保存调解记录
            </Button>
            <Button className='staff-btn md-btn md-btn--quiet' onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
          {error ? <Text className='staff-error'>{error}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
