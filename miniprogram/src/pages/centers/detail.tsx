import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Center } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { CenterCard } from '../../components/center-card';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { getCenter } from '../../services/centers';
import './index.scss';

type State = { step: 'loading' } | { step: 'ready'; center: Center } | { step: 'error'; message: string };

/** One center: address, hours, phone (tap to call) and what it offers. */
export default function CenterDetailPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' ? decodeURIComponent(params.id) : '';
  const [state, setState] = useState<State>({ step: 'loading' });

  const load = useCallback(async () => {
    if (!id) {
      setState({ step: 'error', message: '找不到该服务中心' });
      return;
    }
    setState({ step: 'loading' });
    try {
      const { center } = await getCenter(id);
      setState({ step: 'ready', center });
    } catch (e) {
      setState({ step: 'error', message: errorMessage(e) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <SafePage className='center-detail'>
      {state.step === 'loading' ? <Text className='page-status'>正在加载…</Text> : null}
      {state.step === 'error' ? (
        <View className='page-status'>
          <Text>{state.message}</Text>
          <Button className='page-retry' onClick={() => void load()}>
            重试
          </Button>
        </View>
      ) : null}
      {state.step === 'ready' ? (
        <View>
          <CenterCard center={state.center} showServices linkToDetail={false} />
          {state.center.note ? (
            <View className='page-note'>
              <Text>{state.center.note}</Text>
            </View>
          ) : null}
          {state.center.sampleLocation ? (
            <Text className='page-intro'>距离按中心的大致位置估算；出发前可先来电确认地址和开放时间。</Text>
          ) : null}
        </View>
      ) : null}
    </SafePage>
  );
}
