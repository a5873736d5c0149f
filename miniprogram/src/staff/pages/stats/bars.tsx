import { Text, View } from '@tarojs/components';
import { barPercent } from './stats-model';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** A second figure shown after the value (e.g. 人次). */
  note?: string;
}

/** Horizontal bars, each as long as its share of the largest value (CSS only, no chart library). */
export function HBars({ id, items, unit }: { id: string; items: BarItem[]; unit: string }) {
  const max = Math.max(0, ...items.map((i) => i.value));
  return (
    <View className='st-hbars' id={id}>
      {items.map((i) => (
        <View key={i.key} className='st-hbar' id={`${id}-${i.key}`}>
          <Text className='st-hbar__label'>{i.label}</Text>
          <View className='st-hbar__track'>
            <View className='st-hbar__fill' style={{ width: `${barPercent(i.value, max)}%` }} />
          </View>
          <Text className='st-hbar__value'>
            <Text className='st-bar-value'>{String(i.value)}</Text>
            {` ${unit}${i.note ? ` · ${i.note}` : ''}`}
          </Text>
        </View>
      ))}
    </View>
  );
}

export interface ColumnItem {
  key: string;
  label: string;
  values: number[];
}

/** Vertical grouped columns (per month: cases and persons), heights as a share of the largest value. */
export function Columns({ id, items, series }: { id: string; items: ColumnItem[]; series: string[] }) {
  const max = Math.max(0, ...items.flatMap((i) => i.values));
  return (
    <View className='st-columns' id={id}>
      <View className='st-legend'>
        {series.map((s, n) => (
          <View key={s} className='st-legend__item'>
            <View className={`st-swatch st-swatch--${n}`} />
            <Text>{s}</Text>
          </View>
        ))}
      </View>
      <View className='st-columns__plot'>
        {items.map((i) => (
          <View key={i.key} className='st-column' id={`${id}-${i.key}`}>
            <View className='st-column__bars'>
              {i.values.map((v, n) => (
                <View key={n} className='st-column__bar'>
                  <Text className='st-column__value st-bar-value'>{String(v)}</Text>
                  <View className={`st-column__fill st-swatch--${n}`} style={{ height: `${barPercent(v, max)}%` }} />
                </View>
              ))}
            </View>
            <Text className='st-column__label'>{i.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
