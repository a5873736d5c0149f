import Taro from '@tarojs/taro';

/** Opens the phone dialer with the number filled in (a tel: link in a browser). */
export function callNumber(phoneNumber: string): void {
  const digits = phoneNumber.replace(/[^\d+]/g, '');
  try {
    Promise.resolve(Taro.makePhoneCall({ phoneNumber: digits })).catch(() => undefined);
  } catch {
    // The number stays visible on screen, so she can still dial it by hand.
  }
}
