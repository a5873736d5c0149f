import { Text, View } from '@tarojs/components';
import { Channel, Priority, ReferralAgency, ReferralOutcome, RequestStatus, type TimelineItem } from '@zjh/shared';
import { dateOf, timeOf } from '../../../services/shanghai-time';

const statusLabel = (s?: string) => (s && s in RequestStatus.labels ? RequestStatus.labels[s as keyof typeof RequestStatus.labels] : (s ?? '—'));
const flagsLabel = (s?: string) =>
  !s || s === '—'
    ? '无'
    : s
        .split(',')
        .map((f) => Priority.labels[f as keyof typeof Priority.labels] ?? f)
        .join('');

/** What happened, in the back office's words. */
export function timelineWhat(e: TimelineItem): string {
  switch (e.type) {
    case 'created':
      return `收到求助${e.note && e.note in Channel.labels ? `（${Channel.labels[e.note as keyof typeof Channel.labels]}）` : ''}`;
    case 'status':
      return `状态：${statusLabel(e.from)} → ${statusLabel(e.to)}`;
    case 'priority':
      return `优先级：${flagsLabel(e.from)} → ${flagsLabel(e.to)}`;
    case 'assign':
      return e.to && e.to !== '—' ? `分派给 ${e.to}` : '取消分派';
    case 'transfer':
      return `转交：${e.from ?? ''} → ${e.to ?? ''}`;
    case 'referral':
      return `转介到${ReferralAgency.labels[e.to as keyof typeof ReferralAgency.labels] ?? e.to ?? ''}`;
    case 'referral_outcome':
      return `转介结果：${ReferralOutcome[e.to as keyof typeof ReferralOutcome] ?? e.to ?? ''}`;
    case 'note':
      return '内部备注';
    case 'message_to_client':
      return '发给求助人的消息';
    case 'message_from_client':
      return '求助人留言';
    case 'mediation_opened':
      return `转入调解 ${e.to ?? ''}`;
    case 'rated':
      return `求助人评价：${e.to ?? ''} 星`;
    default:
      return e.type;
  }
}

/** The request's history: who, when, what and why. The creation channel is shown in "what", not as a note. */
export function TimelineList({ items }: { items: TimelineItem[] }) {
  if (items.length === 0) return <Text className='rq-panel__hint'>暂无记录</Text>;
  return (
    <View className='rq-timeline'>
      {items.map((e) => (
        <View key={e.id} className='rq-event'>
          <Text className='rq-event__at'>{`${dateOf(e.at)} ${timeOf(e.at)}`}</Text>
          <View className='rq-event__body'>
            <View className='rq-event__head'>
              <Text className='rq-event__what'>{timelineWhat(e)}</Text>
              <Text className='rq-event__who'>{e.actor.name}</Text>
              <Text className={`rq-event__vis rq-event__vis--${e.visibility}`}>{e.visibility === 'client' ? '她可见' : '内部'}</Text>
            </View>
            {e.note && e.type !== 'created' ? <Text className='rq-event__note'>{e.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
