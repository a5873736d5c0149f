import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CenterService, type Center } from '@zjh/shared';
import { callNumber } from '../../services/phone';
import './index.scss';

interface CenterCardProps {
  center: Center;
  /** Kilometres from her, when she shared her location. */
  distanceKm?: number;
  /** Show the services offered (the list and detail pages do; the home card stays short). */
  showServices?: boolean;
  /** Whether tapping the name opens the detail page. */
  linkToDetail?: boolean;
}

export function formatDistance(km: number): string {
  return km < 1 ? `约 ${Math.max(0.1, Math.round(km * 10) / 10)} 公里` : `约 ${km.toFixed(1)} 公里`;
}

export function CenterCard({ center, distanceKm, showServices = false, linkToDetail = true }: CenterCardProps) {
  const openDetail = () => {
    if (!linkToDetail) return;
    Promise.resolve(Taro.navigateTo({ url: `/pages/centers/detail?id=${encodeURIComponent(center.id)}` })).catch(
      () => undefined,
    );
  };

  return (
    <View className='center-card'>
      <View className='center-card__head' onClick={openDetail}>
        <Text className='center-card__name'>{center.name}</Text>
        <View className='center-card__meta'>
          <Text className='center-card__district'>{center.district}</Text>
          {distanceKm !== undefined ? <Text className='center-card__distance'>{formatDistance(distanceKm)}</Text> : null}
        </View>
      </View>
      <View className='center-card__row'>
        <Text className='center-card__label'>地址</Text>
        <Text className='center-card__value'>{center.address}</Text>
      </View>
      <View className='center-card__row'>
        <Text className='center-card__label'>时间</Text>
        <Text className='center-card__value'>{center.hours}</Text>
      </View>
      <View className='center-card__row'>
        <Text className='center-card__label'>电话</Text>
        <Text className='center-card__value' selectable>
          {center.phone}
        </Text>
      </View>
      {showServices && center.services.length > 0 ? (
        <View className='center-card__services'>
          {center.services.map((s) => (
            <Text key={s} className='center-card__service'>
              {CenterService.labels[s] ?? s}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='center-card__actions'>
        <Button className='center-card__call' onClick={() => callNumber(center.phone)}>
          拨打 {center.phone}
        </Button>
        {linkToDetail ? (
          <Button className='center-card__more' onClick={openDetail}>
            查看详情
          </Button>
        ) : null}
      </View>
    </View>
  );
}
