import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Channel, RequestCategory, RequestStatus, type StaffRequestDetail, type TimelineItem } from '@zjh/shared';
import { useEffect, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { SafeContactBlock } from '../../components/safe-contact-block';
import { StaffLayout } from '../../components/staff-layout';
import { addNote, getRequest, getTimeline, messageClient } from '../../services/staff-requests';
import { INBOX_PATH } from '../../services/staff-session';
import { useStaff } from '../../services/use-staff';
import { PriorityBadges } from './badges';
import { ReferralPanel } from './referral-panel';
import { TextAction } from './text-action';
import { TimelineList } from './timeline-list';
import { TransferPanel } from './transfer-panel';
import { WorkflowPanel } from './workflow-panel';
import { ToMediationPanel } from '../mediation/to-mediation-panel';
import '../staff.scss';
import './detail.scss';

const when = (iso: string) => `${dateOf(iso)} ${timeOf(iso)}`;

function Field({ label, children }: { label: string; children: string }) {
  return (
    <View className='rq-field'>
      <Text className='rq-field__label'>{label}</Text>
      <Text className='rq-field__value'>{children}</Text>
    </View>
  );
}

/** One request: everything the center knows, her safe-contact wishes beside her phone, the timeline, and every action. */
export default function StaffRequestPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' ? params.id : '';
  const { staff } = useStaff();
  const [request, setRequest] = useState<StaffRequestDetail | null>(null);
  const [timeline, setTimeline] = useState<TimelineItem[]>([]);
  const [error, setError] = useState('');

  const loadTimeline = () =>
    getTimeline(id)
      .then(setTimeline)
      .catch(() => undefined);
  const load = () => {
    setError('');
    getRequest(id)
      .then(setRequest)
      .catch((e: unknown) => setError(errorMessage(e)));
    void loadTimeline();
  };

  useEffect(() => {
    if (staff && id) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, id]);

  const changed = (next: StaffRequestDetail) => {
    setRequest(next);
    void loadTimeline();
  };
  const panel = { onChanged: changed, onStale: load };
  const canManage = staff?.role === 'admin' || staff?.role === 'center_staff';

  const transferred = (centerName: string) => {
    toast(centerName ? `已转交给${centerName}` : '已转交');
    // Center staff no longer see it once it belongs to another center.
    if (staff?.role !== 'admin') Promise.resolve(Taro.redirectTo({ url: INBOX_PATH })).catch(() => undefined);
  };

  if (!request) {
    return (
      <StaffLayout title='求助详情' nav='inbox' wide>
        {error ? <Text className='staff-error'>{error}</Text> : <Text className='rq-panel__hint'>正在加载…</Text>}
      </StaffLayout>
    );
  }

  const r = request;
  return (
    <StaffLayout title={`求助 ${r.ref}`} nav='inbox' wide>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <View className='staff-card rq-head'>
        <View className='rq-head__line'>
          <Text className='rq-head__ref'>{r.ref}</Text>
          <PriorityBadges priority={r.priority} />
          {r.overdue ? <Text className='badge badge--overdue'>超时</Text> : null}
          <Text className={`rq-head__status status status--${r.status}`}>{RequestStatus.labels[r.status]}</Text>
        </View>
        <View className='rq-fields'>
          <Field label='类别'>{RequestCategory.labels[r.category]}</Field>
          <Field label='来源'>{Channel.labels[r.channel]}</Field>
          <Field label='服务中心'>{r.center.name}</Field>
          <Field label='区县'>{r.district ?? '—'}</Field>
          <Field label='涉及人数'>
            {`${r.persons} 人${r.personsDetail ? `（${r.personsDetail.map((p) => `${p.relation}${p.age !== undefined ? ` ${p.age}岁` : ''}`).join('、')}）` : ''}`}
          </Field>
          <Field label='提交时间'>{when(r.createdAt)}</Field>
          <Field label='受理期限'>{r.status === 'new' ? `${when(r.acceptDueAt)}${r.overdue ? '（已超时）' : ''}` : '已受理'}</Field>
          <Field label='经办人'>{r.assignee?.name ?? '未分派'}</Field>
          <Field label='同意处理敏感信息'>{when(r.consentAt)}</Field>
          <Field label='进展通知'>{r.notify ? '她已订阅' : '未订阅'}</Field>
        </View>
      </View>

      <View className='rq-columns'>
        <View className='rq-main'>
          <View className='staff-card rq-panel'>
            <Text className='rq-panel__title'>联系方式与安全联系偏好</Text>
            <SafeContactBlock contact={r.contact} />
          </View>

          <View className='staff-card rq-panel'>
            <Text className='rq-panel__title'>情况</Text>
            <Text className='rq-description'>{r.description}</Text>
          </View>

          <View className='staff-card rq-panel'>
            <Text className='rq-panel__title'>与求助人的消息</Text>
            {r.messages.length === 0 ? <Text className='rq-panel__hint'>还没有消息。</Text> : null}
            {r.messages.map((m) => (
              <View key={m.id} className={`rq-msg rq-msg--${m.from}`}>
                <Text className='rq-msg__who'>{`${m.from === 'staff' ? m.author : '求助人'} · ${when(m.at)}`}</Text>
                <Text className='rq-msg__body'>{m.body}</Text>
              </View>
            ))}
            <TextAction
              id='message-body'
              placeholder='写给求助人的消息（她在“我的求助”里看到；措辞请保持中性）'
              button='发送给求助人'
              send={(body) => messageClient(r.id, body)}
              {...panel}
            />
          </View>

          <View className='staff-card rq-panel'>
            <Text className='rq-panel__title'>时间线</Text>
            <TimelineList items={timeline} />
          </View>
        </View>

        <View className='rq-side'>
          <WorkflowPanel request={r} me={staff} {...panel} />
          {canManage ? <TransferPanel request={r} onTransferred={transferred} {...panel} /> : null}
          {canManage ? <ToMediationPanel requestId={r.id} timeline={timeline} /> : null}
          <ReferralPanel request={r} {...panel} />
          <View className='staff-card rq-panel'>
            <Text className='rq-panel__title'>内部备注</Text>
            <TextAction id='note-body' placeholder='只有工作人员能看到' button='添加备注' send={(note) => addNote(r.id, note)} {...panel} />
          </View>
          {r.rating ? (
            <View className='staff-card rq-panel'>
              <Text className='rq-panel__title'>她的评价</Text>
              <Text className='rq-field__value'>{`${'★'.repeat(r.rating.score)}${'☆'.repeat(5 - r.rating.score)}${r.rating.comment ? ` ${r.rating.comment}` : ''}`}</Text>
            </View>
          ) : null}
        </View>
      </View>
    </StaffLayout>
  );
}
