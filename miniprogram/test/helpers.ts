import type { Center } from '@zjh/shared';
import Taro from './doubles/taro';

export interface FakeResponse {
  statusCode: number;
  data: unknown;
}

type Responder = FakeResponse | ((option: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => FakeResponse);

/**
 * Answers Taro.request like the API would. Keys are "METHOD /path" (query string ignored);
 * an unknown route answers 404 with the contract's error shape.
 */
export function mockApi(routes: Record<string, Responder>): jest.Mock {
  const request = Taro.request as jest.Mock;
  request.mockImplementation((option: { url: string; method?: string }) => {
    const path = new URL(option.url, 'http://localhost').pathname;
    const key = `${(option.method ?? 'GET').toUpperCase()} ${path}`;
    const responder = routes[key];
    if (!responder) {
      return Promise.resolve({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '找不到该记录' } } });
    }
    return Promise.resolve(typeof responder === 'function' ? responder(option) : responder);
  });
  return request;
}

/** The URLs Taro.request was called with, in order. */
export function requestedUrls(): string[] {
  return (Taro.request as jest.Mock).mock.calls.map(([option]) => option.url as string);
}

/**
 * jsdom's location.replace cannot be spied on directly (it is an unforgeable property), so this
 * replaces the method of the Location implementation behind it, which the real method calls.
 */
export function spyOnLocationReplace(): jest.Mock {
  const location = window.location as unknown as Record<symbol, { replace: (url: string) => void }>;
  const impl = Object.getOwnPropertySymbols(location)
    .map((s) => location[s])
    .find((v) => v && typeof v.replace === 'function');
  if (!impl) throw new Error('jsdom Location implementation not found');
  const spy = jest.fn();
  impl.replace = spy;
  return spy;
}

/** Keys written through Taro's storage API, in order. */
export function storageWrites(): string[] {
  return (Taro.setStorageSync as jest.Mock).mock.calls.map(([key]) => key as string);
}

export function center(overrides: Partial<Center> = {}): Center {
  return {
    id: 'ctr_mazhang_000000001',
    code: 'mazhang',
    name: '麻章区12338妇联维权服务中心',
    district: '麻章区',
    address: '湛江市麻章区示例路 1 号',
    phone: '0759-3000001',
    hours: '周一至周五 08:30–12:00，14:30–17:30',
    lat: 21.263,
    lng: 110.334,
    services: ['psychological', 'legal', 'mediation'],
    note: null,
    sampleLocation: true,
    ...overrides,
  };
}
