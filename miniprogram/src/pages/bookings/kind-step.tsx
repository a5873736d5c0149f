import { Button, Text, View } from '@tarojs/components';
import { ConsultationKind } from '@zjh/shared';

/** What each kind of consultation is for, in plain words. */
export const KIND_HINTS: Record<ConsultationKind, string> = {
  psychological: '情绪困扰、压力大、睡不好，想找人聊一聊',
  legal: '婚姻家庭、子女抚养、财产等问题，听听律师的意见',
  family_education: '湛家馨 · 一对一家庭教育指导，亲子沟通与孩子成长',
};

export function KindStep({ onPick }: { onPick: (kind: ConsultationKind) => void }) {
  return (
    <View className='bk-options'>
      {ConsultationKind.codes.map((kind) => (
        <Button key={kind} className='bk-option' onClick={() => onPick(kind)}>
          <Text className='bk-option__title'>{ConsultationKind.labels[kind]}</Text>
          <Text className='bk-option__hint'>{KIND_HINTS[kind]}</Text>
        </Button>
      ))}
    </View>
  );
}
