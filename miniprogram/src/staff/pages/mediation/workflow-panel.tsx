import { Button, Text, View } from '@tarojs/components';
import type { MediationStatus, MediationTransitionInput } from '@zjh/shared';
import { useState } from 'react';
import { errorFor, type FieldErrors } from '../../../services/field-errors';
import { todayShanghai } from '../../../services/shanghai-time';
import { AreaInput, FieldError, LineInput, WhenInput } from '../../components/form-fields';
import { moveCase } from '../../services/staff-mediation';
import { actionLabel, agreementPayload, checkAgreement, chineseOrdinal, emptyAgreement, missingConsentText, needsReason, type AgreementDraft } from './case-model';
import { busyProps, useCaseAction, type CasePanelProps } from './use-case-action';

/** The agreement's terms: numbered clauses (add, edit, remove), how and by when, copies, signing date. */
function AgreementFields({ value, onChange, errors }: { value: AgreementDraft; onChange: (a: AgreementDraft) => void; errors: FieldErrors }) {
  const setClause = (i: number, text: string) => onChange({ ...value, clauses: value.clauses.map((c, j) => (j === i ? text : c)) });
  return (
    <View className='md-agreement-form'>
      <Text className='md-form__title'>协议条款</Text>
      {value.clauses.map((c, i) => (
        <View key={i} className='md-clause'>
          <Text className='md-clause__n'>{`${chineseOrdinal(i + 1)}、`}</Text>
          <View className='md-clause__text'>
            <AreaInput id={`clause-${i}`} label='' value={c} onChange={(t) => setClause(i, t)} maxlength={1000} placeholder='如 双方自愿离婚' error={errorFor(errors, `agreement.clauses.${i}`)} />
          </View>
          {value.clauses.length > 1 ? (
            <Text className='md-link md-clause__remove' onClick={() => onChange({ ...value, clauses: value.clauses.filter((_, j) => j !== i) })}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
      <FieldError message={errors['agreement.clauses']} />
      <Button id='clause-add' className='staff-btn md-btn md-btn--quiet' onClick={() => onChange({ ...value, clauses: [...value.clauses, ''] })}>
        添加一条
      </Button>
      <AreaInput id='agreement-performance' label='履行方式、时限' value={value.performance} onChange={(t) => onChange({ ...value, performance: t })} maxlength={1000} placeholder='如 于 2027 年 1 月 31 日前一次性支付' error={errorFor(errors, 'agreement.performance')} />
      <View className='md-grid'>
        <View className='md-cell md-cell--small'>
          <LineInput id='agreement-copies' label='一式几份（可不填）' type='number' value={value.copies} onChange={(t) => onChange({ ...value, copies: t })} maxlength={2} placeholder='当事人人数加一' error={errorFor(errors, 'agreement.copies')} />
        </View>
        <View className='md-cell md-cell--small'>
          <WhenInput id='agreement-signed' label='签订日期' mode='date' value={value.signedOn} onChange={(t) => onChange({ ...value, signedOn: t })} error={errorFor(errors, 'agreement.signedOn')} />
        </View>
      </View>
    </View>
  );
}

type Target = MediationStatus;

/** The moves the case can make now (from the server's nextStatuses), each with what it records. */
export function WorkflowPanel(props: CasePanelProps) {
  const { c } = props;
  const { busy, error, setError, errors, setErrors, run } = useCaseAction(props);
  const [target, setTarget] = useState<Target | null>(null);
  const [reason, setReason] = useState('');
  const [court, setCourt] = useState({ name: '', caseNumber: '' });
  const [agreement, setAgreement] = useState<AgreementDraft>(() => emptyAgreement(todayShanghai()));
  const consentText = c.status === 'registered' ? missingConsentText(c) : '';

  const choose = (to: Target) => {
    setError('');
    setErrors({});
    setTarget(to === target ? null : to);
  };

  const payload = (to: Target): MediationTransitionInput | null => {
    const why = reason.trim() ? { reason: reason.trim() } : {};
    switch (to) {
      case 'in_mediation':
        return { to, ...why };
      case 'agreement_reached': {
        const local = checkAgreement(agreement);
        if (Object.keys(local).length) {
          setErrors(local);
          return null;
        }
        return { to, agreement: agreementPayload(agreement), ...why };
      }
      case 'transferred_to_court': {
        const local: FieldErrors = {};
        if (!court.name.trim()) local['court.name'] = '请填写法院';
        if (!court.caseNumber.trim()) local['court.caseNumber'] = '请填写诉前联调案号';
        if (Object.keys(local).length) {
          setErrors(local);
          return null;
        }
        return { to, court: { name: court.name.trim(), caseNumber: court.caseNumber.trim() }, ...why };
      }
      case 'not_reached':
      case 'withdrawn':
        return { to, ...why };
      default:
        return null;
    }
  };

  const confirm = async (to: Target) => {
    if (needsReason(c.status, to) && !reason.trim()) {
      setErrors({ reason: '请填写原因' });
      return;
    }
    const body = payload(to);
    if (!body) return;
    if (await run(() => moveCase(c.id, body))) {
      setTarget(null);
      setReason('');
    }
  };

  if (!c.nextStatuses.length) return null;
  return (
    <View className='staff-card md-panel' id='md-workflow'>
      <Text className='md-panel__title'>办理</Text>
      {consentText ? (
        <Text className='md-hint md-hint--warn' id='md-consent-hint'>
          {consentText}
        </Text>
      ) : null}
      <View className='md-buttons'>
        {c.nextStatuses.map((to) => (
          <Button key={to} id={`move-${to}`} className={`staff-btn md-btn ${target === to ? 'md-btn--primary' : 'md-btn--quiet'}`} onClick={() => choose(to)}>
            {actionLabel(c.status, to)}
          </Button>
        ))}
      </View>
      {target ? (
        <View className='md-move-form' id={`form-${target}`}>
          {target === 'agreement_reached' ? <AgreementFields value={agreement} onChange={setAgreement} errors={errors} /> : null}
          {target === 'transferred_to_court' ? (
            <View className='md-grid'>
              <View className='md-cell'>
                <LineInput id='court-name' label='法院' value={court.name} onChange={(v) => setCourt({ ...court, name: v })} maxlength={60} placeholder='如 遂溪县人民法院' error={errorFor(errors, 'court.name')} />
              </View>
              <View className='md-cell'>
                <LineInput id='court-case' label='诉前联调案号' value={court.caseNumber} onChange={(v) => setCourt({ ...court, caseNumber: v })} maxlength={60} error={errorFor(errors, 'court.caseNumber')} />
              </View>
            </View>
          ) : null}
          <AreaInput
            id='move-reason'
            label={needsReason(c.status, target) ? '原因' : '说明（可不填）'}
            value={reason}
            onChange={setReason}
            maxlength={500}
            error={errorFor(errors, 'reason')}
          />
          <Button id='move-confirm' className='staff-btn md-btn md-btn--primary' {...busyProps(busy)} onClick={() => void confirm(target)}>
            {`确认${actionLabel(c.status, target)}`}
          </Button>
        </View>
      ) : null}
      {error ? (
        <Text className='staff-error' id='md-move-error'>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
