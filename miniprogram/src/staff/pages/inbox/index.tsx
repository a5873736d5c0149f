import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { StaffRole, type StaffSummary } from '@zjh/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../services/api';
import { StaffLayout } from '../../components/staff-layout';
import { currentStaff, hasStaffSession, LOGIN_PATH, signOutStaff } from '../../services/staff-session';
import '../staff.scss';

function toLogin() {
  Promise.resolve(Taro.redirectTo({ url: LOGIN_PATH })).catch(() => undefined);
}

/** The center's help-request inbox. For now a shell: who is signed in, sign-out, and the empty state. */
export default function StaffInboxPage() {
  const [staff, setStaff] = useState<StaffSummary | null>(null);
  const [error, setError] = useState('');

  useDidShow(() => {
    if (!hasStaffSession()) {
      toLogin();
      return;
    }
    currentStaff()
      .then(setStaff)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) toLogin();
        else setError(errorMessage(e));
      });
  });

  const signOut = async () => {
    await signOutStaff();
    toLogin();
  };

  return (
    <StaffLayout
      title='求助收件箱'
      actions={
        <Button className='staff-btn staff-btn--quiet' onClick={() => void signOut()}>
          退出登录
        </Button>
      }
    >
      {staff ? (
        <View className='staff-card staff-whoami'>
          <Text className='staff-whoami__name'>{staff.displayName}</Text>
          <Text className='staff-whoami__role'>{StaffRole.labels[staff.role] ?? staff.role}</Text>
        </View>
      ) : null}
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <View className='staff-card staff-empty'>
        <Text className='staff-empty__title'>暂无求助</Text>
        <Text className='staff-empty__hint'>新的求助会显示在这里。</Text>
      </View>
    </StaffLayout>
  );
}
