import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Hotlines } from '@zjh/shared';
import { SafePage } from '../../components/safe-page';
import { toast } from '../../services/api';
import { callNumber } from '../../services/phone';
import { NearestCenter } from './nearest-center';
import './index.scss';

/** The help services; their pages are not open yet, so a tap says so and points to the hotline. */
export const SERVICES = [
  { key: 'help', title: '求助', hint: '遇到困难，告诉我们', url: '/pages/help/index' },
  { key: 'booking', title: '预约咨询', hint: '心理、法律、家庭教育', url: '/pages/bookings/index' },
  { key: 'protection-order', title: '保护令', hint: '了解如何申请', url: '/pages/applications/index' },
  { key: 'parent-class', title: '家长学堂', hint: '课程与讲座', url: '/pages/classes/index' },
  { key: 'law', title: '普法', hint: '身边的法律知识', url: '/pages/law/index' },
] as const;

export const COMING_SOON = '该服务即将开放，如需帮助请拨打 12338';

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

export default function Index() {
  return (
    <SafePage className='home'>
      <View className='home__hero'>
        <Text className='home__title'>湛家和</Text>
        <Text className='home__subtitle'>湛江市妇联 · 12338 妇女维权服务</Text>
      </View>

      <View className='hotlines'>
        <Button className='hotline hotline--police' onClick={() => callNumber(Hotlines.police.number)}>
          <Text className='hotline__number'>110</Text>
          <Text className='hotline__text'>紧急危险 · 拨打报警电话</Text>
        </Button>
        <Button className='hotline hotline--women' onClick={() => callNumber(Hotlines.women.number)}>
          <Text className='hotline__number'>12338</Text>
          <Text className='hotline__text'>妇女维权热线 · 拨打咨询</Text>
        </Button>
      </View>

      <View className='home__section'>
        <Text className='home__section-title'>我们可以帮你</Text>
        <View className='services'>
          {SERVICES.map((s) => (
            <Button key={s.key} className='service' onClick={() => ('url' in s ? go(s.url) : toast(COMING_SOON))}>
              <Text className='service__title'>{s.title}</Text>
              <Text className='service__hint'>{s.hint}</Text>
            </Button>
          ))}
        </View>
        <View className='home__mine'>
          <Text className='home__mine-link' onClick={() => go('/pages/my-requests/index')}>
            我的求助
          </Text>
          <Text className='home__mine-link' onClick={() => go('/pages/bookings/mine')}>
            我的预约
          </Text>
        </View>
      </View>

      <View className='home__section'>
        <Text className='home__section-title'>离你最近的服务中心</Text>
        <NearestCenter />
        <Button className='home__link-btn' onClick={() => go('/pages/centers/index')}>
          查看全部 12 个服务中心
        </Button>
      </View>

      <View className='home__footer'>
        <Text className='home__footer-link' onClick={() => go('/pages/privacy/index')}>
          个人信息保护说明
        </Text>
        <Text className='home__footer-note'>遇到紧急危险，请立即拨打 110。</Text>
      </View>
    </SafePage>
  );
}
