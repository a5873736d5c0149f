import Taro, { useDidShow } from '@tarojs/taro';
import type { StaffSummary } from '@zjh/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../services/api';
import { currentStaff, hasStaffSession, LOGIN_PATH } from './staff-session';

function toLogin() {
  Promise.resolve(Taro.redirectTo({ url: LOGIN_PATH })).catch(() => undefined);
}

/** The signed-in staff member for a back-office page; sends her to sign-in when there is no valid session. */
export function useStaff(): { staff: StaffSummary | null; error: string } {
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
  return { staff, error };
}

/** Roles that see only their own bookings and edit only their own availability. */
export const PROVIDER_ROLES = ['counselor', 'lawyer', 'educator'] as const;

export function isProvider(staff: StaffSummary | null): boolean {
  return !!staff && (PROVIDER_ROLES as readonly string[]).includes(staff.role);
}
