import { Button, Text, View } from '@tarojs/components';
import { contactAdvice, type SafeContact } from '@zjh/shared';
import { useEffect, useState } from 'react';
import { callNumber } from '../../../services/phone';
import { describeSafeTimes } from '../../../services/safe-contact';
import './index.scss';

interface SafeContactBlockProps {
  contact: SafeContact | null;
}

const yesNo = (v: boolean | undefined, yes: string, no: string, unknown = '未说明') => (v === undefined ? unknown : v ? yes : no);

/**
 * Her phone number with her safe-contact wishes right beside it, and a warning whenever calling now
 * would go against them. The advice is worked out again every minute, so a page left open all
 * afternoon still warns once her safe window has passed.
 */
export function SafeContactBlock({ contact }: SafeContactBlockProps) {
  const [now, setNow] = useState(() => new Date());
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  if (!contact) {
    return (
      <View className='safe-contact'>
        <Text className='safe-contact__none'>匿名求助：没有留下联系方式。回复请通过“给求助人发消息”（她在“我的求助”里看到）。</Text>
      </View>
    );
  }

  const advice = contactAdvice(contact, now);
  const call = () => {
    if (!advice.callable && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    callNumber(contact.phone);
  };

  return (
    <View className='safe-contact'>
      {!advice.callable ? (
        <View className='safe-contact__warning' id='safe-contact-warning'>
          <Text className='safe-contact__warning-title'>现在不宜给她打电话</Text>
          <Text className='safe-contact__warning-text'>{advice.reason ?? '请按她的安全联系偏好联系'}</Text>
        </View>
      ) : advice.reason ? (
        <View className='safe-contact__notice'>
          <Text>{advice.reason}</Text>
        </View>
      ) : null}

      <View className='safe-contact__main'>
        <View className='safe-contact__phone-box'>
          <Text className='safe-contact__label'>联系电话</Text>
          <Text className='safe-contact__phone' selectable>
            {contact.phone}
          </Text>
          {contact.name ? <Text className='safe-contact__name'>{`称呼：${contact.name}`}</Text> : null}
          <Button className={`safe-contact__call ${advice.callable ? '' : 'safe-contact__call--warn'}`} onClick={call}>
            {advice.callable ? '拨打电话' : '拨打电话（不在安全时段）'}
          </Button>
        </View>
        <View className='safe-contact__prefs'>
          <Text className='safe-contact__pref'>{`可以来电：${yesNo(contact.safeToCall, '可以', '不可以')}`}</Text>
          <Text className='safe-contact__pref'>{`安全时段：${describeSafeTimes(contact.safeTimes)}`}</Text>
          <Text className='safe-contact__pref'>{`可否留言/短信：${yesNo(contact.allowMessage, '可以', '不可以')}`}</Text>
          <Text className='safe-contact__pref'>{`可否表明妇联身份：${yesNo(contact.maySayFederation, '可以', '不可以', '未说明（请勿表明）')}`}</Text>
          <Text className='safe-contact__pref'>{`备注：${contact.note || '无'}`}</Text>
        </View>
      </View>

      {confirming ? (
        <View className='safe-contact__confirm'>
          <Text className='safe-contact__confirm-text'>{`${advice.reason ?? '现在不在她的安全联系时间内'}。确定仍要现在拨打吗？`}</Text>
          <View className='safe-contact__confirm-actions'>
            <Button className='safe-contact__btn safe-contact__btn--danger' onClick={call}>
              仍要拨打
            </Button>
            <Button className='safe-contact__btn' onClick={() => setConfirming(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
