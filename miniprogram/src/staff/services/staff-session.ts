import type { StaffAuthResult, StaffSummary } from '@zjh/shared';
import { api, ApiError } from '../../services/api';
import { readToken, removeToken, STAFF_TOKEN_KEY, writeToken } from '../../services/storage';

export const LOGIN_PATH = '/staff/pages/login/index';
export const INBOX_PATH = '/staff/pages/inbox/index';

/** Kept in memory only, tied to the token it came with; after a reload it is fetched again. */
let profile: { token: string; staff: StaffSummary } | null = null;

export function hasStaffSession(): boolean {
  return readToken(STAFF_TOKEN_KEY) !== null;
}

/**
 * Signs a staff member in. The token goes under its own key, apart from the woman's session.
 * A wrong username or password always reads the same, so nobody learns which accounts exist.
 */
export async function signInStaff(username: string, password: string): Promise<StaffSummary> {
  try {
    const result = await api<StaffAuthResult>('/api/auth/staff', { method: 'POST', data: { username, password } });
    writeToken(STAFF_TOKEN_KEY, result.token);
    profile = { token: result.token, staff: result.staff };
    return result.staff;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      throw new ApiError(401, e.code, '用户名或密码错误', e.details);
    }
    throw e;
  }
}

/** The signed-in staff member; throws ApiError 401 when there is no valid session. */
export async function currentStaff(): Promise<StaffSummary> {
  const token = readToken(STAFF_TOKEN_KEY);
  if (profile && profile.token === token) return profile.staff;
  const { staff } = await api<{ staff: StaffSummary }>('/api/staff/me', { auth: 'staff' });
  if (token) profile = { token, staff };
  return staff;
}

/** Ends the session on the server (best effort) and forgets it here in any case. */
export async function signOutStaff(): Promise<void> {
  try {
    if (hasStaffSession()) await api<unknown>('/api/auth/session', { method: 'DELETE', auth: 'staff' });
  } catch {
    // The token is dropped locally below; the server expires it anyway.
  } finally {
    removeToken(STAFF_TOKEN_KEY);
    profile = null;
  }
}
