import { Button, Text, View } from '@tarojs/components';
import { Hotlines } from '@zjh/shared';
import { callNumber } from '../../services/phone';

/** On every page of the application: immediate danger comes before any form. */
export function DangerBanner() {
  return (
    <View className='ap-danger'>
      <Text className='ap-danger__text'>如果你现在有危险，请立即拨打 110</Text>
      <Button className='ap-danger__call' onClick={() => callNumber(Hotlines.police.number)}>
        拨打 110
      </Button>
    </View>
  );
}
