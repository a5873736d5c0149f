/**
 * Test double for @tarojs/taro. API calls are jest mock functions with quiet defaults; storage keeps
 * Taro H5's format in window.localStorage ({"data": …}), so tests can look at real browser storage.
 */
import { useEffect } from 'react';

type Listener = (...args: any[]) => void;

const router: { params: Record<string, string | undefined> } = { params: {} };

function storageGet(key: string): unknown {
  const raw = window.localStorage.getItem(key);
  if (raw === null) return '';
  try {
    const item = JSON.parse(raw);
    return item && typeof item === 'object' && 'data' in item ? item.data : '';
  } catch {
    return '';
  }
}

function fresh() {
  return {
    request: jest.fn((_option: any): Promise<any> => Promise.reject({ errMsg: 'request:fail no handler in test' })),
    login: jest.fn(() => Promise.resolve({ code: 'test-login-code', errMsg: 'login:ok' })),
    getLocation: jest.fn((_option: any): Promise<any> => Promise.reject({ errMsg: 'getLocation:fail auth deny' })),
    makePhoneCall: jest.fn((_option: any) => Promise.resolve({ errMsg: 'makePhoneCall:ok' })),
    showToast: jest.fn((_option: any) => Promise.resolve({ errMsg: 'showToast:ok' })),
    navigateTo: jest.fn((_option: any) => Promise.resolve({ errMsg: 'navigateTo:ok' })),
    redirectTo: jest.fn((_option: any) => Promise.resolve({ errMsg: 'redirectTo:ok' })),
    reLaunch: jest.fn((_option: any) => Promise.resolve({ errMsg: 'reLaunch:ok' })),
    navigateBack: jest.fn((_option?: any) => Promise.resolve({ errMsg: 'navigateBack:ok' })),
    requestSubscribeMessage: jest.fn((_option: any): Promise<any> => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })),
    exitMiniProgram: jest.fn((_option?: any) => Promise.resolve({ errMsg: 'exitMiniProgram:ok' })),
    stopPullDownRefresh: jest.fn(() => Promise.resolve({ errMsg: 'stopPullDownRefresh:ok' })),
    pageScrollTo: jest.fn((_option: any) => Promise.resolve({ errMsg: 'pageScrollTo:ok' })),
    onNeedPrivacyAuthorization: jest.fn((_listener: Listener) => undefined),
    getStorageSync: jest.fn((key: string) => storageGet(key)),
    setStorageSync: jest.fn((key: string, data: unknown) => window.localStorage.setItem(key, JSON.stringify({ data }))),
    removeStorageSync: jest.fn((key: string) => window.localStorage.removeItem(key)),
    clearStorageSync: jest.fn(() => window.localStorage.clear()),
  };
}

type TaroDouble = ReturnType<typeof fresh>;

const Taro = fresh() as TaroDouble & Record<string, any>;

/** Puts every API back to its default behaviour and forgets recorded calls. */
export function resetTaro(): void {
  Object.assign(Taro, fresh());
  router.params = {};
}

/** Sets the query of the page under test (what useRouter().params returns). */
export function setRouterParams(params: Record<string, string>): void {
  router.params = params;
}

export function useRouter() {
  return { params: router.params, path: '' };
}

export function getCurrentInstance() {
  return { router: { params: router.params, path: '' } };
}

/** Page/app lifecycle hooks run once when the component mounts. */
function onMount(callback: () => void) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), []);
}

export const useLaunch = onMount;
export const useLoad = onMount;
export const useDidShow = onMount;
export const useReady = onMount;

const pullDownHandlers = new Set<() => void>();

/** Registers the page's pull-down-refresh handler; `pullDownRefresh()` fires it as if she pulled. */
export function usePullDownRefresh(callback: () => void) {
  useEffect(() => {
    pullDownHandlers.add(callback);
    return () => {
      pullDownHandlers.delete(callback);
    };
  });
}

export function pullDownRefresh(): void {
  for (const handler of pullDownHandlers) handler();
}

export default Taro;
