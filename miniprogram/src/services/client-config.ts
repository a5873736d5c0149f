import type { ClientConfig } from '@zjh/shared';
import { api } from './api';

export const DEFAULT_QUICK_EXIT_URL = '/neutral.html';

const DEFAULTS: ClientConfig = { quickExitUrl: DEFAULT_QUICK_EXIT_URL, wechatMode: 'live', subscribeTemplateIds: {} };
let current: ClientConfig = DEFAULTS;

/** Only same-site paths and http(s) pages are acceptable places to leave to. */
function isSafeExitUrl(url: unknown): url is string {
  return typeof url === 'string' && (/^\/(?!\/)/.test(url) || /^https?:\/\/[^\s]+$/i.test(url));
}

/** The settings read at start; the defaults until the server has answered (or if it never does). */
export function clientConfig(): ClientConfig {
  return current;
}

let pending: Promise<ClientConfig> | null = null;

/**
 * Fetches GET /api/client-config once (app start, and anyone who needs it later shares that read).
 * Failure keeps the defaults — quick exit must always work — and lets a later call try again.
 */
export function loadClientConfig(): Promise<ClientConfig> {
  pending ??= api<Partial<ClientConfig>>('/api/client-config').then(
    (loaded) => {
      current = {
        quickExitUrl: isSafeExitUrl(loaded.quickExitUrl) ? loaded.quickExitUrl : DEFAULT_QUICK_EXIT_URL,
        wechatMode: loaded.wechatMode === 'development' ? 'development' : 'live',
        subscribeTemplateIds: Object.fromEntries(
          Object.entries(loaded.subscribeTemplateIds ?? {}).filter(([, id]) => typeof id === 'string' && id.length > 0),
        ),
      };
      return current;
    },
    () => {
      pending = null;
      return current;
    },
  );
  return pending;
}

/** Test seam: sets the configuration directly (unnamed fields keep their defaults). */
export function setClientConfig(config: Partial<ClientConfig>): void {
  current = { ...DEFAULTS, ...config };
  pending = null;
}
