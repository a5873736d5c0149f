import { Button, Text, View } from '@tarojs/components';
import { MediationConsentMethod, MediationPartyRole, PartyGender, type MediationParty } from '@zjh/shared';
import { useState } from 'react';
import { todayShanghai } from '../../../services/shanghai-time';
import { FieldError, WhenInput } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { recordConsent } from '../../services/staff-mediation';
import { busyProps, useCaseAction, type CasePanelProps } from './use-case-action';

const METHOD_OPTIONS = Object.entries(MediationConsentMethod).map(([value, label]) => ({ value, label }));
type Method = keyof typeof MediationConsentMethod;

/** One party: who they are, and their consent to mediate (recorded here while the case is open). */
export function PartyRow({ party, index, canRecord, ...panel }: CasePanelProps & { party: MediationParty; index: number; canRecord: boolean }) {
  const { busy, error, errors, run } = useCaseAction(panel);
  const [date, setDate] = useState(() => todayShanghai());
  const [method, setMethod] = useState<Method | ''>('');
  const [open, setOpen] = useState(false);
  const p = party;
  const consentNeeded = p.role !== 'other';

  const save = async () => {
    if (!method) return;
    if (await run(() => recordConsent(panel.c.id, { partyId: p.id, date, method }))) setOpen(false);
  };

  return (
    <View className='md-party-view' id={`party-view-${index}`}>
      <View className='md-party-view__head'>
        <Text className='md-party-view__role'>{p.role === 'other' && p.roleNote ? `${MediationPartyRole.other}（${p.roleNote}）` : MediationPartyRole[p.role]}</Text>
        <Text className='md-party-view__name'>{p.name}</Text>
        {p.gender ? <Text className='md-party-view__meta'>{PartyGender[p.gender]}</Text> : null}
        {p.phone ? <Text className='md-party-view__meta'>{p.phone}</Text> : null}
      </View>
      {p.address ? <Text className='md-party-view__meta'>{p.address}</Text> : null}
      <View className='md-consent'>
        {p.consent ? (
          <Text className='md-consent__ok' id={`consent-${index}`}>{`已同意调解 · ${p.consent.date} · ${MediationConsentMethod[p.consent.method]}`}</Text>
        ) : (
          <Text className={consentNeeded ? 'md-consent__missing' : 'md-hint'} id={`consent-${index}`}>
            {consentNeeded ? '尚未记录同意调解' : '未记录同意（其他当事人不要求）'}
          </Text>
        )}
        {canRecord && !open ? (
          <Text className='md-link' id={`consent-open-${index}`} onClick={() => setOpen(true)}>
            {p.consent ? '更正' : '记录同意'}
          </Text>
        ) : null}
      </View>
      {open ? (
        <View className='md-consent-form md-grid'>
          <View className='md-cell md-cell--small'>
            <WhenInput id={`consent-${index}-date`} label='同意日期' mode='date' value={date} onChange={setDate} error={errors.date} />
          </View>
          <View className='md-cell'>
            <SelectField id={`consent-${index}-method`} label='同意方式' value={method} options={METHOD_OPTIONS} onChange={(v) => setMethod(v as Method)} placeholder='选择方式' />
          </View>
          <View className='md-cell md-cell--buttons'>
            <Button id={`consent-${index}-save`} className='staff-btn md-btn md-btn--primary' {...(busy ? busyProps(busy) : !method ? { disabled: true } : {})} onClick={() => void save()}>
              保存
            </Button>
            <Button className='staff-btn md-btn md-btn--quiet' onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
          <FieldError message={error} />
        </View>
      ) : null}
    </View>
  );
}
