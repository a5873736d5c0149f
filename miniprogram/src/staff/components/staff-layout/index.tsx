import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface StaffLayoutProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  /** A single small form (sign-in) reads better in a narrow column. */
  narrow?: boolean;
}

/** Back-office frame: a centred column that reads well on a phone and on a desktop browser. */
export function StaffLayout({ title, actions, children, narrow = false }: StaffLayoutProps) {
  return (
    <View className='staff-layout'>
      <View className={`staff-layout__container ${narrow ? 'staff-layout__container--narrow' : ''}`}>
        <View className='staff-layout__header'>
          <View className='staff-layout__brand'>
            <Text className='staff-layout__app'>湛家和 · 工作台</Text>
            <Text className='staff-layout__title'>{title}</Text>
          </View>
          {actions ? <View className='staff-layout__actions'>{actions}</View> : null}
        </View>
        <View className='staff-layout__body'>{children}</View>
      </View>
    </View>
  );
}
