import { Button, Text, View } from '@tarojs/components';
import type { Center } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { CenterCard } from '../../components/center-card';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { listCenters } from '../../services/centers';
import './index.scss';

type State = { step: 'loading' } | { step: 'ready'; items: Center[] } | { step: 'error'; message: string };

/** The twelve 12338 centers, each with its services and a call button. */
export default function CentersPage() {
  const [state, setState] = useState<State>({ step: 'loading' });

  const load = useCallback(async () => {
    setState({ step: 'loading' });
    try {
      const { items } = await listCenters();
      setState({ step: 'ready', items });
    } catch (e) {
      setState({ step: 'error', message: errorMessage(e) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <SafePage className='centers'>
      <Text className='page-title'>12338 妇联维权服务中心</Text>
      <Text className='page-intro'>全市共 12 个服务中心，可到访、来电咨询。紧急危险请拨打 110。</Text>
      {state.step === 'loading' ? <Text className='page-status'>正在加载…</Text> : null}
      {state.step === 'error' ? (
        <View className='page-status'>
          <Text>{state.message}</Text>
          <Button className='page-retry' onClick={() => void load()}>
            重试
          </Button>
        </View>
      ) : null}
      {state.step === 'ready'
        ? state.items.map((center) => <CenterCard key={center.id} center={center} showServices />)
        : null}
    </SafePage>
  );
}
