import Taro from '@tarojs/taro';

/**
 * The only things this app keeps on the device are session tokens — never names, phone numbers,
 * addresses or what she wrote. The woman's token and a staff member's token use separate keys.
 */
export const TOKEN_KEY = 'zjh_token';
export const STAFF_TOKEN_KEY = 'zjh_staff_token';

type TokenKey = typeof TOKEN_KEY | typeof STAFF_TOKEN_KEY;

export function readToken(key: TokenKey): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value ? value : null;
  } catch {
    return null;
  }
}

export function writeToken(key: TokenKey, token: string): void {
  Taro.setStorageSync(key, token);
}

export function removeToken(key: TokenKey): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}
