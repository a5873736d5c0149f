import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ClassSessionDto, EnrolInput, EnrolResult } from '@zjh/shared';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../services/api';
import { enrol, MY_CLASSES_PATH } from '../../services/classes';
import { newIdempotencyKey } from '../../services/idempotency';
import { askToSubscribe, type TemplateIds } from '../../services/subscribe';

export const WAITLIST_EXPLANATION = '名额已满。报名后进入候补名单，有人取消时按报名先后自动递补，递补成功会通知你。';

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

interface EnrolPanelProps {
  session: ClassSessionDto;
  templateIds: TemplateIds;
  onClose: () => void;
  /** Enrolled or waitlisted: the page shows the outcome and reloads the counts. */
  onDone: (result: EnrolResult) => void;
  /** The session changed under her (closed, started): the page reloads it. */
  onStale: () => void;
}

/**
 * Confirming one session. One Idempotency-Key per panel, so a double tap or a retry after a lost
 * answer cannot enrol her twice; the subscribe sheet (WeChat) is asked for straight from the tap.
 */
export function EnrolPanel({ session, templateIds, onClose, onDone, onStale }: EnrolPanelProps) {
  const [key] = useState(() => newIdempotencyKey('cl'));
  const subscribed = useRef<Promise<boolean> | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; already?: boolean } | null>(null);
  const full = session.placesLeft === 0;

  const confirm = async () => {
    if (busy) return;
    if (!subscribed.current) subscribed.current = askToSubscribe(templateIds, ['class_reminder', 'waitlist_promoted']);
    setBusy(true);
    setError(null);
    try {
      const notify = await subscribed.current;
      const input: EnrolInput = { notify };
      if (!session.online && name.trim()) input.name = name.trim();
      onDone(await enrol(session.id, input, key));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError({ message: errorMessage(e), already: code === 'ALREADY_ENROLLED' });
      if (code === 'ENROLMENT_CLOSED' || code === 'SESSION_STARTED') onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='cl-confirm'>
      <Text className='cl-confirm__title'>{full ? '加入候补名单？' : '确认报名这一场？'}</Text>
      {full ? <Text className='cl-note'>{WAITLIST_EXPLANATION}</Text> : <Text className='cl-note'>报名后可在“我的课程”里查看或取消。</Text>}
      {!session.online ? (
        <View>
          <Text className='cl-label'>称呼（可不填，如“王女士”，方便现场签到）</Text>
          <View className='cl-input'>
            <Input value={name} maxlength={40} placeholder='可不填' onInput={(e) => setName(e.detail.value)} />
          </View>
        </View>
      ) : null}
      {error ? (
        <View>
          <Text className='cl-error'>{error.message}</Text>
          {error.already ? (
            <Button className='cl-secondary' onClick={() => go(MY_CLASSES_PATH)}>
              查看我的课程
            </Button>
          ) : null}
        </View>
      ) : null}
      <Button className='cl-primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void confirm()}>
        {full ? '确认候补' : '确认报名'}
      </Button>
      <Button className='cl-secondary' onClick={onClose}>
        暂不报名
      </Button>
    </View>
  );
}
