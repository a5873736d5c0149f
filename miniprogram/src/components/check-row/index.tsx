import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface CheckRowProps {
  id?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/**
 * A large tappable checkbox row (the whole row toggles). WeChat's <checkbox> only reports changes
 * through a checkbox-group, and its box is a small target; this works the same on both builds.
 */
export function CheckRow({ id, checked, onChange, children }: CheckRowProps) {
  return (
    <View id={id} className={`check-row ${checked ? 'check-row--on' : ''}`} onClick={() => onChange(!checked)}>
      <View className='check-row__box'>{checked ? <Text className='check-row__tick'>✓</Text> : null}</View>
      <View className='check-row__text'>{children}</View>
    </View>
  );
}
