import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { FieldProblem, PoAnswers } from '@zjh/shared';
import { CheckRow } from '../../components/check-row';
import { missingByStep, STEPS, summaryLines, type StepKey } from './interview';

export const PRIVACY_PATH = '/pages/privacy/index';

interface ReviewProps {
  answers: PoAnswers;
  /** What is still missing (from the server), consent excluded once she has ticked it. */
  missing: FieldProblem[];
  isOpen: (step: StepKey) => boolean;
  onEdit: (step: StepKey) => void;
  consent: boolean;
  onConsent: (checked: boolean) => void;
  submitting: boolean;
  submitError: string;
  onSubmit: () => void;
  resubmit: boolean;
}

/** The last step: what is still missing (each with a way back), a summary, the separate consent, and submit. */
export function Review({ answers, missing, isOpen, onEdit, consent, onConsent, submitting, submitError, onSubmit, resubmit }: ReviewProps) {
  const shown = missing.filter((m) => !(m.path === 'consent.sensitive' && consent));
  const groups = missingByStep(shown.filter((m) => m.path !== 'consent.sensitive'));
  return (
    <View>
      {groups.length ? (
        <View className='ap-missing' id='missing'>
          <Text className='ap-missing__title'>{`还差 ${groups.reduce((n, g) => n + g.items.length, 0)} 项，补上后才能提交`}</Text>
          {groups.map(({ step, items }) => (
            <View key={step.key} className='ap-missing__group'>
              <View className='ap-missing__head'>
                <Text className='ap-missing__step'>{`第 ${STEPS.indexOf(step) + 1} 步 · ${step.title}`}</Text>
                <Text className='ap-link ap-missing__go' id={`go-${step.key}`} onClick={() => onEdit(step.key)}>
                  去填写
                </Text>
              </View>
              {items.map((m) => (
                <Text key={m.path} className='ap-missing__item'>{`· ${m.message}`}</Text>
              ))}
            </View>
          ))}
        </View>
      ) : (
        <View className='ap-note ap-note--ok'>
          <Text className='ap-note__text'>需要填写的内容都已填好。请再看一遍，确认无误后提交。</Text>
        </View>
      )}

      {STEPS.filter((s) => s.key !== 'review').map((s, i) => (
        <View key={s.key} className='ap-summary'>
          <View className='ap-summary__head'>
            <Text className='ap-summary__title'>{`${i + 1}. ${s.title}`}</Text>
            {isOpen(s.key) ? (
              <Text className='ap-link' onClick={() => onEdit(s.key)}>
                修改
              </Text>
            ) : null}
          </View>
          {summaryLines(s.key, answers).map((line, j) => (
            <Text key={j} className='ap-summary__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}

      <View className='ap-card' id='field-consent'>
        <Text className='ap-card__title'>同意处理敏感个人信息</Text>
        <CheckRow id='consent' checked={consent} onChange={onConsent}>
          <Text>
            我同意湛江市妇联和负责的 12338 服务中心处理申请中的经历、证据、住址和联系方式等敏感个人信息，仅用于帮助申请人身安全保护令，并在需要时提交法院。
          </Text>
        </CheckRow>
        <Text className='ap-link' onClick={() => Promise.resolve(Taro.navigateTo({ url: PRIVACY_PATH })).catch(() => undefined)}>
          阅读《个人信息保护说明》
        </Text>
      </View>

      {submitError ? <Text className='ap-error ap-error--form'>{submitError}</Text> : null}
      <Button
        id='submit'
        className='ap-btn ap-btn--primary'
        {...(submitting ? { loading: true, disabled: true } : !consent ? { disabled: true } : {})}
        onClick={onSubmit}
      >
        {submitting ? '正在提交…' : resubmit ? '重新提交' : '提交申请'}
      </Button>
      {!consent ? <Text className='ap-hint'>请先勾选同意处理敏感个人信息，才能提交。</Text> : null}
      <Text className='ap-hint'>提交后由服务中心工作人员核对，需要时会联系你补充，再递交法院。</Text>
    </View>
  );
}
