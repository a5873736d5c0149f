import Taro from '@tarojs/taro';
import type { NotificationTemplate } from '@zjh/shared';
import { loadClientConfig, setClientConfig } from './client-config';
import { isWeapp } from './env';

/*
 * WeChat subscribe messages (订阅消息). She is asked at the moment she taps confirm — WeChat only
 * shows the permission sheet from a tap — and only for templates the server has ids for. Without
 * configured ids, or outside WeChat, nothing is asked and nothing is sent.
 */

export type TemplateIds = Partial<Record<NotificationTemplate, string>>;

/**
 * The template ids the server publishes in GET /api/client-config (`subscribeTemplateIds`), from
 * the same read as the rest of the client config. Until the server sends them this is empty and the
 * permission step is skipped.
 */
export async function loadTemplateIds(): Promise<TemplateIds> {
  if (!isWeapp()) return {};
  return (await loadClientConfig()).subscribeTemplateIds as TemplateIds;
}

/** Test seam: forget the loaded ids (and the rest of the client config). */
export function resetTemplateIds(): void {
  setClientConfig({});
}

/**
 * Shows WeChat's permission sheet for the given templates (ids already loaded) and says whether she
 * accepted at least one. Must be called straight from a tap handler, before any await.
 */
export function askToSubscribe(ids: TemplateIds, templates: NotificationTemplate[]): Promise<boolean> {
  if (!isWeapp()) return Promise.resolve(false);
  const tmplIds = templates.map((t) => ids[t]).filter((id): id is string => Boolean(id));
  if (tmplIds.length === 0) return Promise.resolve(false);
  return Promise.resolve(Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option))
    .then((res) => tmplIds.some((id) => (res as unknown as Record<string, unknown>)[id] === 'accept'))
    .catch(() => false);
}
