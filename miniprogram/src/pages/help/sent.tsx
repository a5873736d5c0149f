import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Hotlines, type CreatedRequest } from '@zjh/shared';
import { callNumber } from '../../services/phone';

export const MY_REQUESTS_PATH = '/pages/my-requests/index';

interface SentProps {
  created: CreatedRequest;
  anonymous: boolean;
}

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

/** After sending: her reference number, who will help and how to reach them, what happens next. */
export function Sent({ created, anonymous }: SentProps) {
  return (
    <View className='help-sent'>
      <View className='help-card'>
        <Text className='help-sent__title'>已收到，我们会尽快处理</Text>
        <Text className='help-label'>编号</Text>
        <Text className='help-sent__ref' selectable>
          {created.ref}
        </Text>
        <Text className='help-hint'>咨询进度时告诉工作人员这个编号即可。</Text>
      </View>

      <View className='help-card'>
        <Text className='help-label'>负责的服务中心</Text>
        <Text className='help-center__name'>{created.center.name}</Text>
        <Text className='help-center__meta'>电话 {created.center.phone}</Text>
        <Button className='help-btn help-btn--primary' onClick={() => callNumber(created.center.phone)}>
          拨打 {created.center.phone}
        </Button>
      </View>

      <View className='help-card'>
        <Text className='help-section-title'>接下来会怎样</Text>
        <Text className='help-paragraph'>· 紧急的求助，工作人员会在 1 小时内受理；其他求助在 1 个工作日内受理。</Text>
        <Text className='help-paragraph'>
          {anonymous
            ? '· 你没有留下联系方式，工作人员的回复会显示在“我的求助”里，请记得回来查看。'
            : '· 工作人员会按你选择的方式和时间联系你；回复也会显示在“我的求助”里。'}
        </Text>
        <Text className='help-paragraph help-paragraph--strong'>· 如果你正处于危险之中，请立即拨打 110。</Text>
        <Button className='help-btn help-btn--police' onClick={() => callNumber(Hotlines.police.number)}>
          拨打 110
        </Button>
      </View>

      <Button className='help-btn help-btn--primary' onClick={() => go(`${MY_REQUESTS_PATH}?id=${encodeURIComponent(created.id)}`)}>
        查看我的求助
      </Button>
      <Button className='help-btn help-btn--soft' onClick={() => Promise.resolve(Taro.reLaunch({ url: '/pages/index/index' })).catch(() => undefined)}>
        返回首页
      </Button>
    </View>
  );
}
