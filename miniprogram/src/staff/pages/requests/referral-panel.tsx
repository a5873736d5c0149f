import { Button, Text, Textarea, View } from '@tarojs/components';
import { ReferralAgency, ReferralOutcome } from '@zjh/shared';
import { useState } from 'react';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { SelectField } from '../../components/select-field';
import { addReferral, recordReferralOutcome } from '../../services/staff-requests';
import { busyProps, useAction, type PanelProps } from './use-action';

const AGENCY_OPTIONS = ReferralAgency.codes.map((c) => ({ value: c, label: ReferralAgency.labels[c] }));
const OUTCOME_OPTIONS = (Object.keys(ReferralOutcome) as Array<keyof typeof ReferralOutcome>).map((k) => ({ value: k, label: ReferralOutcome[k] }));

/** Referral to an agency (公安, 法院 …) and, later, what came of it. */
export function ReferralPanel({ request, onChanged, onStale }: PanelProps) {
  const { busy, error, setError, run } = useAction({ onChanged, onStale });
  const [agency, setAgency] = useState('');
  const [note, setNote] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, { outcome: string; note: string }>>({});

  const refer = async () => {
    if (!agency) return setError('请选择转介单位');
    const ok = await run(() => addReferral(request.id, { agency: agency as keyof typeof ReferralAgency.labels, ...(note.trim() ? { note: note.trim() } : {}) }));
    if (ok) {
      setAgency('');
      setNote('');
    }
  };

  const record = async (referralId: string) => {
    const o = outcomes[referralId];
    if (!o?.outcome) return setError('请选择转介结果');
    const ok = await run(() =>
      recordReferralOutcome(request.id, referralId, { outcome: o.outcome as keyof typeof ReferralOutcome, ...(o.note.trim() ? { note: o.note.trim() } : {}) }),
    );
    if (ok) setOutcomes((all) => ({ ...all, [referralId]: { outcome: '', note: '' } }));
  };

  return (
    <View className='staff-card rq-panel'>
      <Text className='rq-panel__title'>转介</Text>
      {request.referrals.map((r) => {
        const draft = outcomes[r.id] ?? { outcome: '', note: '' };
        return (
          <View key={r.id} className='rq-referral'>
            <Text className='rq-referral__head'>{`${ReferralAgency.labels[r.agency]} · ${ReferralOutcome[r.outcome as keyof typeof ReferralOutcome] ?? r.outcome}`}</Text>
            <Text className='rq-panel__hint'>{`${dateOf(r.createdAt)} ${timeOf(r.createdAt)}${r.note ? ` · ${r.note}` : ''}`}</Text>
            {r.outcomeNote ? <Text className='rq-panel__hint'>{`结果说明：${r.outcomeNote}`}</Text> : null}
            <SelectField
              id={`outcome-${r.id}`}
              label='记录结果'
              value={draft.outcome}
              options={OUTCOME_OPTIONS}
              onChange={(v) => setOutcomes((all) => ({ ...all, [r.id]: { ...draft, outcome: v } }))}
              placeholder='选择结果'
            />
            <Textarea
              className='rq-textarea rq-textarea--small'
              value={draft.note}
              maxlength={1000}
              placeholder='结果说明（可不填）'
              onInput={(e) => setOutcomes((all) => ({ ...all, [r.id]: { ...draft, note: e.detail.value } }))}
            />
            <Button className='staff-btn rq-btn rq-btn--quiet' {...busyProps(busy)} onClick={() => void record(r.id)}>
              保存结果
            </Button>
          </View>
        );
      })}
      <SelectField id='referral-agency' label='转介到' value={agency} options={AGENCY_OPTIONS} onChange={setAgency} placeholder='选择单位' />
      <Textarea id='referral-note' className='rq-textarea rq-textarea--small' value={note} maxlength={1000} placeholder='转介说明（可不填）' onInput={(e) => setNote(e.detail.value)} />
      <Button className='staff-btn rq-btn rq-btn--primary' {...busyProps(busy)} onClick={() => void refer()}>
        记录转介
      </Button>
      {error ? <Text className='staff-error'>{error}</Text> : null}
    </View>
  );
}
