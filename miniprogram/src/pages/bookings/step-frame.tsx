import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface StepFrameProps {
  title: string;
  /** 1-based position in the flow, shown as 第 n 步. */
  index?: number;
  total?: number;
  /** What she has chosen so far, one line. */
  summary?: string;
  onBack?: () => void;
  children: ReactNode;
}

/** One step of the booking flow: where she is, what she chose, a way back. */
export function StepFrame({ title, index, total, summary, onBack, children }: StepFrameProps) {
  return (
    <View className='bk-step'>
      <View className='bk-step__top'>
        {onBack ? (
          <Button className='bk-step__back' onClick={onBack}>
            ‹ 上一步
          </Button>
        ) : null}
        {index && total ? <Text className='bk-step__count'>第 {index} 步，共 {total} 步</Text> : null}
      </View>
      <Text className='bk-title'>{title}</Text>
      {summary ? <Text className='bk-summary'>{summary}</Text> : null}
      {children}
    </View>
  );
}
