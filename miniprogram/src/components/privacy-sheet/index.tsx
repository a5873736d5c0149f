import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AGREE_BUTTON_ID, agreePrivacy, disagreePrivacy, usePrivacyRequest } from '../../services/privacy';
import './index.scss';

/** WeChat's privacy consent sheet (shown only when WeChat asks, i.e. in the mini-program). */
export function PrivacySheet() {
  const open = usePrivacyRequest();
  if (!open) return null;

  const openNotice = () => {
    Promise.resolve(Taro.navigateTo({ url: '/pages/privacy/index' })).catch(() => undefined);
  };

  return (
    <View className='privacy-sheet' catchMove>
      <View className='privacy-sheet__mask' />
      <View className='privacy-sheet__panel'>
        <Text className='privacy-sheet__title'>个人信息保护提示</Text>
        <Text className='privacy-sheet__text'>
          这个功能需要使用你的位置等信息。我们只在你使用相关功能时收集必要的信息，不会用于其他目的。
          请先阅读说明，再决定是否同意。
        </Text>
        <Text className='privacy-sheet__link' onClick={openNotice}>
          查看《个人信息保护说明》
        </Text>
        <View className='privacy-sheet__actions'>
          <Button className='privacy-sheet__btn privacy-sheet__btn--refuse' onClick={disagreePrivacy}>
            拒绝
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className='privacy-sheet__btn privacy-sheet__btn--agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={agreePrivacy}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
