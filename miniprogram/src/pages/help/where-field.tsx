import { Button, Text, View } from '@tarojs/components';
import { Districts } from '@zjh/shared';
import { formatDistance } from '../../components/center-card';
import { callNumber } from '../../services/phone';
import type { CenterPreview, Whereabouts } from '../../services/requests';
import { DistrictPicker } from '../index/district-picker';

const DISTRICTS: string[] = [...Districts];

export type PreviewState =
  | { status: 'loading' }
  | { status: 'ready'; preview: CenterPreview }
  | { status: 'error'; message: string };

interface WhereFieldProps {
  where: Whereabouts;
  locating: boolean;
  locateFailed: boolean;
  preview: PreviewState;
  error?: string;
  onLocate: () => void;
  onDistrict: (district: string) => void;
  onClear: () => void;
}

/** Where she is (her location, once, or a district) and the center that will take her request. */
export function WhereField({ where, locating, locateFailed, preview, error, onLocate, onDistrict, onClear }: WhereFieldProps) {
  const pick = (label: string) => (
    <DistrictPicker
      districts={DISTRICTS}
      label={label}
      onPick={(index) => {
        const district = DISTRICTS[index];
        if (district) onDistrict(district);
      }}
    />
  );

  return (
    <View className='help-where'>
      {where.kind === 'none' ? (
        <View className='help-where__ask'>
          <Text className='help-hint'>用于安排离你最近的服务中心。也可以不提供。</Text>
          <Button className='help-btn help-btn--soft' {...(locating ? { loading: true, disabled: true } : {})} onClick={onLocate}>
            {locating ? '正在获取位置…' : '使用我的位置'}
          </Button>
          {locateFailed ? <Text className='help-hint'>没有获取到你的位置，可以选择所在区县：</Text> : null}
          {pick('选择所在区县')}
        </View>
      ) : (
        <View className='help-where__chosen'>
          <Text className='help-where__value'>{where.kind === 'point' ? '已使用你的大致位置（约 100 米）' : `所在区县：${where.district}`}</Text>
          <Text className='help-link' onClick={onClear}>
            更改
          </Text>
        </View>
      )}
      {error ? <Text className='help-error'>{error}</Text> : null}

      <View className='help-center'>
        <Text className='help-center__label'>将由这个服务中心为你提供帮助</Text>
        {preview.status === 'loading' ? <Text className='help-hint'>正在查找服务中心…</Text> : null}
        {preview.status === 'error' ? <Text className='help-hint'>{preview.message}</Text> : null}
        {preview.status === 'ready' ? (
          <View className='help-center__card'>
            <Text className='help-center__name'>{preview.preview.center.name}</Text>
            <Text className='help-center__meta'>
              {preview.preview.center.district}
              {preview.preview.distanceKm !== undefined ? ` · ${formatDistance(preview.preview.distanceKm)}` : ''}
            </Text>
            <Text className='help-center__meta'>电话 {preview.preview.center.phone}</Text>
            <Button className='help-btn help-btn--soft help-btn--small' onClick={() => callNumber(preview.preview.center.phone)}>
              拨打 {preview.preview.center.phone}
            </Button>
          </View>
        ) : null}
        {where.kind === 'none' ? <Text className='help-hint'>不提供位置时，由湛江市 12338 妇联维权服务中心受理。</Text> : null}
        {where.kind === 'point' ? <Text className='help-hint'>提交时，这个大致位置会随求助加密保存，只有负责的服务中心能看到。</Text> : null}
      </View>
    </View>
  );
}
