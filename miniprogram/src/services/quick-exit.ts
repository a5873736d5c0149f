import Taro from '@tarojs/taro';
import { clientConfig } from './client-config';
import { isH5 } from './env';
import { TOKEN_KEY } from './storage';

export const HOME_PATH = '/pages/index/index';

function wipeBrowserStorage(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY);
  } catch {
    // fall through to the direct removal
  }
  try {
    window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled
  }
  try {
    window.sessionStorage.clear();
  } catch {
    // storage disabled
  }
}

/**
 * Leaves at once. Browser: forget the session and replace this history entry with a neutral page.
 * WeChat: clear everything the mini-program stored and close it; if closing is refused, go home.
 */
export function quickExit(): void {
  if (isH5()) {
    wipeBrowserStorage();
    // replace(), not assign(): the page she was on is not left behind in this tab's history.
    window.location.replace(clientConfig().quickExitUrl);
    return;
  }
  try {
    Taro.clearStorageSync();
  } catch {
    // keep leaving
  }
  const home = () => {
    Promise.resolve(Taro.reLaunch({ url: HOME_PATH })).catch(() => undefined);
  };
  try {
    if (typeof Taro.exitMiniProgram !== 'function') {
      home();
      return;
    }
    Promise.resolve(Taro.exitMiniProgram()).catch(home);
  } catch {
    home();
  }
}

const SHIFT_WINDOW_MS = 1500;
let presses: number[] = [];
let watchers = 0;

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Shift' || event.repeat) return;
  const now = Date.now();
  presses = presses.filter((t) => now - t <= SHIFT_WINDOW_MS);
  presses.push(now);
  if (presses.length >= 3) {
    presses = [];
    quickExit();
  }
}

/**
 * Keyboard shortcut for browsers: Shift pressed three times within 1.5 s leaves like the button.
 * Several pages may be mounted at once (H5 keeps the page stack), so one listener is shared.
 * Returns the function that stops watching.
 */
export function watchQuickExitShortcut(): () => void {
  if (!isH5() || typeof window === 'undefined') return () => undefined;
  if (watchers++ === 0) window.addEventListener('keydown', onKeyDown, true);
  return () => {
    if (--watchers === 0) {
      window.removeEventListener('keydown', onKeyDown, true);
      presses = [];
    }
  };
}
