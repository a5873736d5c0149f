import { useDidShow } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { RequestCategory, RequestStatus, type MyRequest } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage } from '../../services/api';
import { callNumber } from '../../services/phone';
import { getMyRequest, replyToRequest } from '../../services/requests';
import { dateOf, timeOf } from '../../services/shanghai-time';
import { RatingForm } from './rating-form';

const REPLY_MAX = 2000;

function when(iso: string): string {
  return `${dateOf(iso)} ${timeOf(iso)}`;
}

/** What each step of her request means, in her words. */
export function eventText(e: MyRequest['events'][number]): string {
  switch (e.type) {
    case 'created':
      return '已提交';
    case 'status':
      return e.to && e.to in RequestStatus.labels ? `状态更新为“${RequestStatus.labels[e.to as keyof typeof RequestStatus.labels]}”` : '状态已更新';
    case 'transfer':
      return '已转给更合适的服务中心';
    case 'message_to_client':
      return '工作人员给你发了消息';
    case 'message_from_client':
      return '你发送了消息';
    case 'rated':
      return '你评价了这次帮助';
    default:
      return '有新的进展';
  }
}

/** One of her requests: status, the center, messages both ways, progress, and rating once resolved. */
export function RequestView({ id }: { id: string }) {
  const [request, setRequest] = useState<MyRequest | null>(null);
  const [error, setError] = useState('');
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState('');
  const [sending, setSending] = useState(false);

  const load = () => {
    setError('');
    getMyRequest(id)
      .then(setRequest)
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  useDidShow(load);

  const send = async () => {
    if (sending) return;
    const body = reply.trim();
    if (!body) {
      setReplyError('请填写要发送的内容');
      return;
    }
    setSending(true);
    setReplyError('');
    try {
      setRequest(await replyToRequest(id, body));
      setReply('');
    } catch (e) {
      setReplyError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  if (error) {
    return (
      <View className='mine-card'>
        <Text className='mine-error'>{error}</Text>
        <Button className='mine-btn mine-btn--soft' onClick={load}>
          重试
        </Button>
      </View>
    );
  }
  if (!request) return <Text className='mine-hint'>正在加载…</Text>;

  const r = request;
  return (
    <View>
      <View className='mine-card'>
        <View className='mine-item__head'>
          <Text className='mine-item__ref'>{r.ref}</Text>
          <Text className={`mine-status mine-status--${r.status}`}>{RequestStatus.labels[r.status]}</Text>
        </View>
        <Text className='mine-item__line'>{RequestCategory.labels[r.category]}</Text>
        <Text className='mine-item__meta'>{`提交于 ${when(r.createdAt)} · 涉及 ${r.persons} 人`}</Text>
        <Text className='mine-label'>负责的服务中心</Text>
        <Text className='mine-center'>{r.center.name}</Text>
        <Button className='mine-btn mine-btn--soft' onClick={() => callNumber(r.center.phone)}>
          拨打 {r.center.phone}
        </Button>
      </View>

      <View className='mine-card'>
        <Text className='mine-section-title'>消息</Text>
        {r.messages.length === 0 ? <Text className='mine-hint'>还没有消息。工作人员回复后会显示在这里。</Text> : null}
        {r.messages.map((m) => (
          <View key={m.id} className={`mine-msg mine-msg--${m.from}`}>
            <Text className='mine-msg__who'>{`${m.from === 'staff' ? '工作人员' : '我'} · ${when(m.at)}`}</Text>
            <Text className='mine-msg__body' selectable>
              {m.body}
            </Text>
          </View>
        ))}
        {r.status === 'closed' ? (
          <Text className='mine-hint'>这条求助已结案。如需帮助，可以重新提交或拨打 12338。</Text>
        ) : (
          <View className='mine-reply'>
            <Textarea
              id='reply'
              className='mine-textarea'
              value={reply}
              maxlength={REPLY_MAX}
              placeholder='给工作人员留言'
              onInput={(e) => setReply(e.detail.value)}
            />
            {replyError ? <Text className='mine-error'>{replyError}</Text> : null}
            <Button className='mine-btn mine-btn--primary' {...(sending ? { loading: true, disabled: true } : {})} onClick={() => void send()}>
              发送
            </Button>
          </View>
        )}
      </View>

      {r.canRate ? <RatingForm id={r.id} onRated={setRequest} /> : null}
      {r.rating ? (
        <View className='mine-card'>
          <Text className='mine-section-title'>你的评价</Text>
          <Text className='mine-stars'>{'★'.repeat(r.rating.score) + '☆'.repeat(5 - r.rating.score)}</Text>
          {r.rating.comment ? <Text className='mine-paragraph'>{r.rating.comment}</Text> : null}
        </View>
      ) : null}

      <View className='mine-card'>
        <Text className='mine-section-title'>进度</Text>
        {r.events.map((e, i) => (
          <View key={`${e.at}-${i}`} className='mine-event'>
            <Text className='mine-event__at'>{when(e.at)}</Text>
            <Text className='mine-event__text'>{eventText(e)}</Text>
          </View>
        ))}
      </View>

      <View className='mine-card'>
        <Text className='mine-section-title'>我写的情况</Text>
        <Text className='mine-paragraph' selectable>
          {r.description}
        </Text>
      </View>
    </View>
  );
}
