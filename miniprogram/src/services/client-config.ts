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

/** Fetches GET /api/client-config once at app start. Failure keeps the defaults: quick exit must always work. */
export async function loadClientConfig(): Promise<ClientConfig> {
  try {
    const loaded = await api<Partial<ClientConfig>>('/api/client-config');
    current = {
      quickExitUrl: isSafeExitUrl(loaded.quickExitUrl) ? loaded.quickExitUrl : DEFAULT_QUICK_EXIT_URL,
      wechatMode: loaded.wechatMode === 'development' ? 'development' : 'live',
      subscribeTemplateIds: Object.fromEntries(
        Object.entries(loaded.subscribeTemplateIds ?? {}).filter(([, id]) => typeof id === 'string' && id.length > 0),
      ),
    };
  } catch {
    // Keep the defaults.
  }
  return current;
}

/** Test seam: sets the configuration directly (unnamed fields keep their defaults). */
export function setClientConfig(config: Partial<ClientConfig>): void {
  current = { ...DEFAULTS, ...config };
}
