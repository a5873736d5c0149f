import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { isWeapp } from './env';

/** The id of the consent sheet's agree button; WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'agree-btn';

type ResolveOption = Taro.onNeedPrivacyAuthorization.ResolveOption;
type Resolve = (option: ResolveOption) => void;

let pending: Resolve | null = null;
const listeners = new Set<(open: boolean) => void>();

function notify(): void {
  for (const listener of listeners) listener(pending !== null);
}

function settle(option: ResolveOption): void {
  const resolve = pending;
  pending = null;
  notify();
  resolve?.(option);
}

let installed = false;

/**
 * WeChat privacy handshake: when a privacy API (getLocation…) is about to run and she has not yet
 * agreed, WeChat pauses it and calls us; the consent sheet then lets her agree or refuse.
 * Only the mini-program has this; in a browser it is a no-op.
 */
export function installPrivacyHandshake(): void {
  if (installed || !isWeapp()) return;
  const listen = (Taro as { onNeedPrivacyAuthorization?: (l: Taro.onNeedPrivacyAuthorization.Listener) => void })
    .onNeedPrivacyAuthorization;
  if (typeof listen !== 'function') return; // base library older than 2.32.3: WeChat shows its own prompt
  installed = true;
  listen((resolve) => {
    // A newer request replaces an unanswered one; the old one is refused so its caller does not hang.
    if (pending) pending({ event: 'disagree' });
    pending = resolve;
    notify();
    try {
      resolve({ event: 'exposureAuthorization' });
    } catch {
      // exposure reporting is optional
    }
  });
}

/** She tapped the agree button (open-type agreePrivacyAuthorization). */
export function agreePrivacy(): void {
  settle({ buttonId: AGREE_BUTTON_ID, event: 'agree' });
}

/** She refused: the paused API fails and the page falls back (e.g. to the district picker). */
export function disagreePrivacy(): void {
  settle({ event: 'disagree' });
}

/** True while WeChat waits for her answer. */
export function usePrivacyRequest(): boolean {
  const [open, setOpen] = useState(pending !== null);
  useEffect(() => {
    listeners.add(setOpen);
    setOpen(pending !== null);
    return () => {
      listeners.delete(setOpen);
    };
  }, []);
  return open;
}

/** Test seam: forgets the installed handler. */
export function resetPrivacyHandshake(): void {
  installed = false;
  pending = null;
  notify();
}
