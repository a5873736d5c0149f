import { Picker, Text, View } from '@tarojs/components';
import { isH5 } from '../../services/env';
import './district-picker.scss';

interface DistrictPickerProps {
  districts: string[];
  label: string;
  onPick: (index: number) => void;
}

/**
 * Choosing a district. WeChat: the native Picker. Browser: a native <select> laid invisibly over the
 * same button, so phones show their own list — Taro's H5 picker opens a page-covering mask above
 * the page's stacking context, which would put the quick-exit button out of reach.
 */
export function DistrictPicker({ districts, label, onPick }: DistrictPickerProps) {
  const face = (
    <View className='nearest__picker'>
      <Text>{label}</Text>
      <Text className='nearest__picker-arrow'>›</Text>
    </View>
  );

  if (isH5()) {
    return (
      <View className='nearest__picker-wrap'>
        {face}
        <select
          className='nearest__select'
          aria-label={label}
          value=''
          onChange={(e) => {
            if (e.target.value !== '') onPick(Number(e.target.value));
          }}
        >
          <option value='' disabled>
            选择所在区县
          </option>
          {districts.map((district, index) => (
            <option key={district} value={index}>
              {district}
            </option>
          ))}
        </select>
      </View>
    );
  }

  return (
    <Picker mode='selector' range={districts} onChange={(e) => onPick(Number(e.detail.value))}>
      {face}
    </Picker>
  );
}
