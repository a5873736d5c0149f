import { Button, Text, View } from '@tarojs/components';
import { Districts, type Center } from '@zjh/shared';
import { useState } from 'react';
import { CenterCard } from '../../components/center-card';
import { errorMessage } from '../../services/api';
import { centersInDistrict, nearestCenter } from '../../services/centers';
import { locate, type Point } from '../../services/location';
import { DistrictPicker } from './district-picker';

type State =
  | { step: 'start' }
  | { step: 'locating' }
  | { step: 'pick'; reason?: string }
  | { step: 'loading'; district?: string }
  | { step: 'found'; center: Center; distanceKm?: number; district?: string }
  | { step: 'none'; district: string }
  | { step: 'error'; message: string; district?: string };

const DISTRICTS: string[] = [...Districts];

/**
 * Finds her nearest center. Location is asked only when she taps, and only for this lookup (it is
 * not stored). Without it — refused, failed or not wanted — she picks her district instead.
 */
export function NearestCenter() {
  const [state, setState] = useState<State>({ step: 'start' });

  const locateMe = async () => {
    setState({ step: 'locating' });
    let point: Point;
    try {
      point = await locate();
    } catch {
      setState({ step: 'pick', reason: '没有获取到你的位置。你可以选择所在的区县：' });
      return;
    }
    setState({ step: 'loading' });
    try {
      const result = await nearestCenter(point);
      setState({ step: 'found', center: result.center, distanceKm: result.distanceKm });
    } catch (e) {
      setState({ step: 'pick', reason: `${errorMessage(e)}。你可以选择所在的区县：` });
    }
  };

  const pickDistrict = async (index: number) => {
    const district = DISTRICTS[index];
    if (!district) return;
    setState({ step: 'loading', district });
    try {
      const { items } = await centersInDistrict(district);
      setState(items[0] ? { step: 'found', center: items[0], district } : { step: 'none', district });
    } catch (e) {
      setState({ step: 'error', message: errorMessage(e), district });
    }
  };

  const picker = (label: string) => (
    <DistrictPicker districts={DISTRICTS} label={label} onPick={(index) => void pickDistrict(index)} />
  );

  const district = 'district' in state ? state.district : undefined;

  return (
    <View className='nearest'>
      {state.step === 'start' ? (
        <View className='nearest__ask'>
          <Text className='nearest__text'>告诉我们大概位置，为你找到最近的 12338 服务中心。位置只用于这次查找，不会保存。</Text>
          <Button className='nearest__locate' onClick={() => void locateMe()}>
            使用我的位置
          </Button>
          {picker('或者选择所在区县')}
        </View>
      ) : null}

      {state.step === 'locating' ? <Text className='nearest__status'>正在获取位置…</Text> : null}
      {state.step === 'loading' ? <Text className='nearest__status'>正在查找服务中心…</Text> : null}

      {state.step === 'pick' ? (
        <View className='nearest__ask'>
          {state.reason ? <Text className='nearest__text'>{state.reason}</Text> : null}
          {picker('选择所在区县')}
        </View>
      ) : null}

      {state.step === 'found' ? (
        <View>
          <CenterCard center={state.center} distanceKm={state.distanceKm} />
          {picker(district ? `已选择：${district}（点此更换）` : '不对？选择所在区县')}
        </View>
      ) : null}

      {state.step === 'none' ? (
        <View className='nearest__ask'>
          <Text className='nearest__text'>{state.district}暂时没有服务中心，请拨打 12338 或选择其他区县。</Text>
          {picker('选择其他区县')}
        </View>
      ) : null}

      {state.step === 'error' ? (
        <View className='nearest__ask'>
          <Text className='nearest__text'>{state.message}</Text>
          {picker(district ? `重新选择区县（${district}）` : '选择所在区县')}
        </View>
      ) : null}
    </View>
  );
}
