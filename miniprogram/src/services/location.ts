import Taro from '@tarojs/taro';
import { isH5 } from './env';

export interface Point {
  lat: number;
  lng: number;
}

const LOCATE_TIMEOUT_MS = 15000;

/**
 * Asks for her position once. WeChat answers in GCJ-02 (what Chinese maps use); browsers only
 * offer WGS-84, a few hundred metres off, which does not change which center is nearest.
 * Rejects when she refuses, when it fails or when it takes too long.
 */
export async function locate(): Promise<Point> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), LOCATE_TIMEOUT_MS);
  });
  try {
    const res = await Promise.race([
      Taro.getLocation({ type: isH5() ? 'wgs84' : 'gcj02', highAccuracyExpireTime: LOCATE_TIMEOUT_MS }),
      timeout,
    ]);
    return { lat: res.latitude, lng: res.longitude };
  } finally {
    clearTimeout(timer);
  }
}

/** About 100 m of precision: enough to find the nearest center, less revealing in logs. */
export function coarse(value: number): number {
  return Math.round(value * 1000) / 1000;
}
