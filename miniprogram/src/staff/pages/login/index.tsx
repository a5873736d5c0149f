import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorMessage } from '../../../services/api';
import { StaffLayout } from '../../components/staff-layout';
import { hasStaffSession, INBOX_PATH, signInStaff } from '../../services/staff-session';
import '../staff.scss';

function toInbox() {
  Promise.resolve(Taro.redirectTo({ url: INBOX_PATH })).catch(() => undefined);
}

/** Staff sign-in: username and password; wrong credentials and lockouts are explained in plain words. */
export default function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useDidShow(() => {
    if (hasStaffSession()) toInbox();
  });

  const submit = async () => {
    if (busy) return;
    const name = username.trim();
    if (!name || !password) {
      setError('请输入用户名和密码');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await signInStaff(name, password);
      setPassword('');
      toInbox();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <StaffLayout title='工作人员登录' narrow>
      <View className='staff-card staff-login'>
        <Text className='staff-field__label'>用户名</Text>
        <Input
          className='staff-field__input'
          name='username'
          value={username}
          placeholder='请输入用户名'
          maxlength={64}
          onInput={(e) => setUsername(e.detail.value)}
        />
        <Text className='staff-field__label'>密码</Text>
        <Input
          className='staff-field__input'
          name='password'
          password
          value={password}
          placeholder='请输入密码'
          maxlength={200}
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={() => void submit()}
        />
        {error ? (
          <Text className='staff-error'>
            {error}
          </Text>
        ) : null}
        {/* Only set while busy: Taro H5 renders disabled="false", which its own CSS treats as disabled. */}
        <Button className='staff-btn staff-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void submit()}>
          登录
        </Button>
        <Text className='staff-hint'>仅限湛江市妇联及 12338 服务中心工作人员使用。连续输错密码将暂时锁定账号。</Text>
      </View>
    </StaffLayout>
  );
}
