import { Button, Text, View } from '@tarojs/components';
import { distanceKm, Districts, type Center, type ConsultationKind } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { formatDistance } from '../../components/center-card';
import { api, errorMessage, withQuery } from '../../services/api';
import { listProviders } from '../../services/bookings';
import { centersInDistrict } from '../../services/centers';
import { locate, type Point } from '../../services/location';
import { callNumber } from '../../services/phone';
import { DistrictPicker } from '../index/district-picker';

const DISTRICTS: string[] = [...Districts];

interface Ranked {
  center: Center;
  bookable: boolean;
  km?: number;
}

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; centers: Center[]; bookable: Set<string> };

/** Centers with providers first; within each group the nearest first when we know where she is. */
export function rankCenters(centers: Center[], bookable: Set<string>, from?: Point): Ranked[] {
  return centers
    .map((center) => ({ center, bookable: bookable.has(center.id), km: from ? distanceKm(from, center) : undefined }))
    .sort((a, b) => Number(b.bookable) - Number(a.bookable) || (a.km ?? 0) - (b.km ?? 0));
}

interface CenterStepProps {
  kind: ConsultationKind;
  onPick: (center: Center) => void;
}

/**
 * Choosing the center: only centers offering this kind; those with bookable providers first, the
 * nearest first once she shares her location (used here only, never sent) or picks her district.
 */
export function CenterStep({ kind, onPick }: CenterStepProps) {
  const [load, setLoad] = useState<Load>({ step: 'loading' });
  const [from, setFrom] = useState<{ point: Point; label: string } | null>(null);
  const [hint, setHint] = useState('');

  const fetchCenters = useCallback(async () => {
    setLoad({ step: 'loading' });
    try {
      const [centers, providers] = await Promise.all([
        api<{ items: Center[] }>(withQuery('/api/centers', { service: kind })),
        listProviders({ kind }),
      ]);
      const bookable = new Set(providers.items.filter((p) => p.rules.length > 0).map((p) => p.centerId));
      setLoad({ step: 'ready', centers: centers.items, bookable });
    } catch (e) {
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, [kind]);

  useEffect(() => {
    void fetchCenters();
  }, [fetchCenters]);

  const locateHer = async () => {
    setHint('正在获取位置…');
    try {
      const point = await locate();
      setFrom({ point, label: '按离你的距离排列' });
      setHint('');
    } catch {
      setHint('没有获取到你的位置，可以选择所在区县。');
    }
  };

  const pickDistrict = async (index: number) => {
    const district = DISTRICTS[index];
    if (!district || load.step !== 'ready') return;
    // The district's own center marks where it is (coordinates are approximate district centres).
    let anchor = load.centers.find((c) => c.district === district);
    if (!anchor) {
      try {
        anchor = (await centersInDistrict(district)).items[0];
      } catch {
        anchor = undefined;
      }
    }
    if (anchor) {
      setFrom({ point: { lat: anchor.lat, lng: anchor.lng }, label: `按离${district}的距离排列` });
      setHint('');
    } else {
      setHint(`没有找到${district}的位置，请直接选择中心。`);
    }
  };

  if (load.step === 'loading') return <Text className='bk-status'>正在查找服务中心…</Text>;
  if (load.step === 'error') {
    return (
      <View className='bk-status'>
        <Text>{load.message}</Text>
        <Button className='bk-secondary' onClick={() => void fetchCenters()}>
          重试
        </Button>
      </View>
    );
  }

  const ranked = rankCenters(load.centers, load.bookable, from?.point);
  return (
    <View>
      <View className='bk-where'>
        <Button className='bk-secondary' onClick={() => void locateHer()}>
          使用我的位置（不会保存）
        </Button>
        <DistrictPicker districts={DISTRICTS} label={from ? `${from.label}（点此选择区县）` : '或者选择所在区县'} onPick={(i) => void pickDistrict(i)} />
        {hint ? <Text className='bk-note'>{hint}</Text> : null}
      </View>
      {ranked.map(({ center, bookable, km }) =>
        bookable ? (
          <Button key={center.id} className='bk-option bk-center' onClick={() => onPick(center)}>
            <Text className='bk-option__title'>{center.name}</Text>
            <Text className='bk-option__hint'>
              {center.district}
              {km !== undefined ? ` · ${formatDistance(km)}` : ''}
            </Text>
          </Button>
        ) : (
          <View key={center.id} className='bk-center bk-center--closed'>
            <Text className='bk-option__title'>{center.name}</Text>
            <Text className='bk-option__hint'>
              {center.district}
              {km !== undefined ? ` · ${formatDistance(km)}` : ''} · 暂未开放在线预约，可来电咨询
            </Text>
            <Button className='bk-link' onClick={() => callNumber(center.phone)}>
              拨打 {center.phone}
            </Button>
          </View>
        ),
      )}
    </View>
  );
}
