import Taro from '@tarojs/taro';
import { toast } from './api';
import { isH5 } from './env';

/**
 * Opens a live-stream or replay link. Browser: a new tab, without handing it this window. WeChat
 * cannot open outside web pages from a mini-program, so the link is copied for her browser.
 */
export function openLink(url: string): void {
  if (!/^https?:\/\//i.test(url)) return;
  if (isH5()) {
    window.open(url, '_blank', 'noopener,noreferrer');
    return;
  }
  Promise.resolve(Taro.setClipboardData({ data: url }))
    .then(() => toast('链接已复制，请在浏览器中打开'))
    .catch(() => toast('复制失败，请稍后再试'));
}
