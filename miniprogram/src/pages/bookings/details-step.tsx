import { Button, Text, Textarea, View } from '@tarojs/components';
import type { ConsultationMode, SafeContact } from '@zjh/shared';
import { useState } from 'react';
import { SafeContactFields, toSafeContact, type SafeContactDraft } from '../../components/contact-prefs';

export const TOPIC_MAX = 500;

interface DetailsStepProps {
  mode: ConsultationMode;
  contact: SafeContactDraft;
  topic: string;
  onChange: (patch: { contact?: SafeContactDraft; topic?: string }) => void;
  onNext: (contact: SafeContact | undefined) => void;
}

/** How we may reach her (optional for a visit, needed for phone or video) and what she wants to ask. */
export function DetailsStep({ mode, contact, topic, onChange, onNext }: DetailsStepProps) {
  const [error, setError] = useState('');
  const remote = mode !== 'in_person';

  const next = () => {
    const result = toSafeContact(contact, remote);
    if (result.error) {
      setError(result.error);
      return;
    }
    setError('');
    onNext(result.contact);
  };

  return (
    <View>
      <View className='bk-card'>
        <Text className='bk-card__title'>联系方式{remote ? '' : '（可不填）'}</Text>
        <Text className='bk-note'>
          {remote
            ? '电话或视频咨询需要一个能联系到你的电话。请告诉我们怎样联系你才安全。'
            : '如果预约有变化，我们可以按你的意愿联系你。不填也可以预约。'}
        </Text>
        <SafeContactFields value={contact} onChange={(c) => onChange({ contact: c })} />
      </View>
      <View className='bk-card'>
        <Text className='bk-card__title'>想咨询的问题（可不填）</Text>
        <Text className='bk-note'>简单写几句，方便咨询人员提前准备。只有为你提供咨询的人员能看到。</Text>
        <Textarea
          className='bk-textarea'
          value={topic}
          maxlength={TOPIC_MAX}
          placeholder='可以不填'
          onInput={(e) => onChange({ topic: e.detail.value })}
        />
      </View>
      {error ? <Text className='bk-error'>{error}</Text> : null}
      <Button className='bk-primary' onClick={next}>
        下一步
      </Button>
    </View>
  );
}
