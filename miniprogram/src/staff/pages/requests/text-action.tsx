import { Button, Text, Textarea, View } from '@tarojs/components';
import type { StaffRequestDetail } from '@zjh/shared';
import { useState } from 'react';
import { busyProps, useAction, type PanelProps } from './use-action';

interface TextActionProps extends Pick<PanelProps, 'onChanged' | 'onStale'> {
  id: string;
  placeholder: string;
  button: string;
  hint?: string;
  send: (text: string) => Promise<StaffRequestDetail>;
}

/** A text box and a button: an internal note, or a message to her. */
export function TextAction({ id, placeholder, button, hint, send, onChanged, onStale }: TextActionProps) {
  const { busy, error, setError, run } = useAction({ onChanged, onStale });
  const [text, setText] = useState('');
  const submit = async () => {
    if (!text.trim()) return setError('请填写内容');
    if (await run(() => send(text.trim()))) setText('');
  };
  return (
    <View className='rq-text-action'>
      {hint ? <Text className='rq-panel__hint'>{hint}</Text> : null}
      <Textarea id={id} className='rq-textarea' value={text} maxlength={2000} placeholder={placeholder} onInput={(e) => setText(e.detail.value)} />
      <Button className='staff-btn rq-btn rq-btn--primary' {...busyProps(busy)} onClick={() => void submit()}>
        {button}
      </Button>
      {error ? <Text className='staff-error'>{error}</Text> : null}
    </View>
  );
}
