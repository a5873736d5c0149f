import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { RequestCategory, RequestStatus, type MyRequest } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage } from '../../services/api';
import { listMyRequests } from '../../services/requests';
import { dateOf, timeOf } from '../../services/shanghai-time';

export const HELP_PATH = '/pages/help/index';

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

/** Her requests, newest first. */
export function RequestList() {
  const [items, setItems] = useState<MyRequest[] | null>(null);
  const [error, setError] = useState('');

  const load = () => {
    setError('');
    listMyRequests()
      .then(setItems)
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  useDidShow(load);

  return (
    <View>
      <Text className='mine-title'>我的求助</Text>
      {error ? (
        <View className='mine-card'>
          <Text className='mine-error'>{error}</Text>
          <Button className='mine-btn mine-btn--soft' onClick={load}>
            重试
          </Button>
        </View>
      ) : null}
      {items === null && !error ? <Text className='mine-hint'>正在加载…</Text> : null}
      {items && items.length === 0 ? (
        <View className='mine-card mine-empty'>
          <Text className='mine-empty__title'>还没有求助记录</Text>
          <Text className='mine-hint'>在这台设备上提交的求助会显示在这里。</Text>
          <Button className='mine-btn mine-btn--primary' onClick={() => go(HELP_PATH)}>
            我要求助
          </Button>
        </View>
      ) : null}
      {items?.map((r) => (
        <View key={r.id} className='mine-card mine-item' onClick={() => go(`/pages/my-requests/index?id=${encodeURIComponent(r.id)}`)}>
          <View className='mine-item__head'>
            <Text className='mine-item__ref'>{r.ref}</Text>
            <Text className={`mine-status mine-status--${r.status}`}>{RequestStatus.labels[r.status]}</Text>
          </View>
          <Text className='mine-item__line'>{RequestCategory.labels[r.category]}</Text>
          <Text className='mine-item__meta'>{`${r.center.name}`}</Text>
          <Text className='mine-item__meta'>{`提交于 ${dateOf(r.createdAt)} ${timeOf(r.createdAt)}`}</Text>
          {r.messages.some((m) => m.from === 'staff') ? <Text className='mine-item__note'>有工作人员的消息</Text> : null}
        </View>
      ))}
      {items && items.length > 0 ? (
        <Button className='mine-btn mine-btn--soft' onClick={() => go(HELP_PATH)}>
          提交新的求助
        </Button>
      ) : null}
    </View>
  );
}
