import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { RequestCategory, RequestStatus } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage, toast } from '../../services/api';
import { deleteMyData, getMyData, mayHaveRequests } from '../../services/requests';
import { dateOf, timeOf } from '../../services/shanghai-time';

export const HOME_PATH = '/pages/index/index';

/** Readable names for the fields of GET /api/me/data; anything else is shown by its own name. */
const FIELD_NAMES: Record<string, string> = {
  account: '账号',
  requests: '求助',
  bookings: '预约',
  mediation: '调解',
  classes: '课程报名',
  content: '阅读与答题',
  quizAttempts: '答题记录',
  articleReads: '阅读记录',
  protectionOrders: '保护令申请',
  id: '编号',
  ref: '求助编号',
  kind: '类型',
  status: '状态',
  category: '类别',
  description: '我写的情况',
  persons: '涉及人数',
  createdAt: '时间',
  updatedAt: '最近更新',
  center: '服务中心',
  name: '名称',
  phone: '电话',
  anonymous: '匿名',
  messages: '消息',
  from: '发送方',
  body: '内容',
  at: '时间',
  events: '进度',
  type: '事项',
  to: '变为',
  canRate: '可以评价',
  rating: '评价',
  score: '分数',
  comment: '留言',
};

const ACCOUNT_KINDS: Record<string, string> = { wechat: '微信账号（匿名标识）', device: '浏览器匿名账号' };
const EVENT_TYPES: Record<string, string> = {
  created: '已提交',
  status: '状态变更',
  transfer: '转给其他服务中心',
  message_to_client: '工作人员的消息',
  message_from_client: '我的留言',
  rated: '评价',
};
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    if (key === 'category' && value in RequestCategory.labels) return RequestCategory.labels[value as keyof typeof RequestCategory.labels];
    if ((key === 'status' || key === 'to') && value in RequestStatus.labels) return RequestStatus.labels[value as keyof typeof RequestStatus.labels];
    if (key === 'kind' && value in ACCOUNT_KINDS) return ACCOUNT_KINDS[value];
    if (key === 'type' && value in EVENT_TYPES) return EVENT_TYPES[value];
    if (key === 'from') return value === 'staff' ? '工作人员' : value === 'me' ? '我' : value;
    if (ISO_INSTANT.test(value)) return `${dateOf(value)} ${timeOf(value)}`;
  }
  return String(value);
}

/** Everything we keep, as indented "名称：值" lines — plain, with nothing hidden or summarised. */
function DataTree({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  const label = FIELD_NAMES[name] ?? name;
  const pad = `my-data__row my-data__row--${Math.min(depth, 4)}`;
  if (Array.isArray(value)) {
    return (
      <View className='my-data__group'>
        <Text className={`${pad} my-data__key`}>{`${label}（${value.length} 项）`}</Text>
        {value.map((item, i) => (
          <DataTree key={i} name={`第 ${i + 1} 项`} value={item} depth={depth + 1} />
        ))}
      </View>
    );
  }
  if (value && typeof value === 'object') {
    return (
      <View className='my-data__group'>
        <Text className={`${pad} my-data__key`}>{label}</Text>
        {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
          <DataTree key={k} name={k} value={v} depth={depth + 1} />
        ))}
      </View>
    );
  }
  return <Text className={pad}>{`${label}：${valueText(name, value)}`}</Text>;
}

/** 查看我的数据 and 删除我的数据 (PIPL arts. 45 and 47). */
export function MyData() {
  const [data, setData] = useState<Record<string, unknown> | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const show = async () => {
    if (loading) return;
    setLoading(true);
    setError('');
    try {
      setData(await getMyData());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  const erase = async () => {
    if (deleting) return;
    setDeleting(true);
    setError('');
    try {
      if (mayHaveRequests()) await deleteMyData();
      setData(undefined);
      setConfirming(false);
      toast('你的数据已删除');
      Promise.resolve(Taro.reLaunch({ url: HOME_PATH })).catch(() => undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <View className='privacy__section my-data'>
      <Text className='privacy__heading'>查看和删除我的数据</Text>
      <Button className='my-data__btn my-data__btn--soft' {...(loading ? { loading: true, disabled: true } : {})} onClick={() => void show()}>
        查看我的数据
      </Button>
      {data === null ? <Text className='privacy__paragraph'>这台设备上没有你的记录。</Text> : null}
      {data ? (
        <View className='my-data__tree'>
          {Object.entries(data).map(([k, v]) => (
            <DataTree key={k} name={k} value={v} depth={0} />
          ))}
        </View>
      ) : null}

      {!confirming ? (
        <Button className='my-data__btn my-data__btn--danger' onClick={() => setConfirming(true)}>
          删除我的数据
        </Button>
      ) : (
        <View className='my-data__confirm'>
          <Text className='privacy__heading'>确定要删除吗？</Text>
          <Text className='privacy__paragraph'>删除后：</Text>
          <Text className='privacy__paragraph'>· 你的账号会被注销，这台设备上的登录凭证会被清除。</Text>
          <Text className='privacy__paragraph'>
            · 你提交过的求助会与你断开关联，其中的联系电话、称呼和位置会被删除；服务中心保留的记录不再能找到你，也无法再联系你。
          </Text>
          <Text className='privacy__paragraph'>· 你将不能在“我的求助”中看到这些记录和工作人员的回复；尚未开始的预约会被取消。</Text>
          <Text className='privacy__paragraph'>· 删除后无法恢复。如仍需要帮助，可以重新提交或拨打 12338。</Text>
          <Button className='my-data__btn my-data__btn--danger' {...(deleting ? { loading: true, disabled: true } : {})} onClick={() => void erase()}>
            确认删除
          </Button>
          <Button className='my-data__btn my-data__btn--soft' onClick={() => setConfirming(false)}>
            取消
          </Button>
        </View>
      )}
      {error ? <Text className='my-data__error'>{error}</Text> : null}
    </View>
  );
}
