import Taro from '@tarojs/taro';
import { ApiError, apiUrl } from './api';
import { isH5 } from './env';

/*
 * Files that need the session token: uploads (multipart) and downloads. Taro.request only speaks
 * JSON, so a browser uses fetch and WeChat uses uploadFile / downloadFile. Nothing is kept: a
 * download is handed to the browser's download or to WeChat's document viewer.
 */

const FALLBACK: Record<number, string> = {
  401: '请先登录',
  404: '找不到该文件',
  413: '文件太大了，请压缩后再上传',
  415: '只能上传照片或 PDF 文件',
};

function errorFrom(status: number, body: unknown): ApiError {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
  }
  const err = parsed && typeof parsed === 'object' ? (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error : undefined;
  const message = typeof err?.message === 'string' && err.message ? err.message : (FALLBACK[status] ?? (status >= 500 ? '服务暂时不可用，请稍后再试' : '操作没有成功，请稍后再试'));
  return new ApiError(status, typeof err?.code === 'string' ? err.code : `HTTP_${status}`, message, err?.details);
}

const NETWORK = () => new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');

/** A file she picked: a browser File, or a WeChat temporary file path. */
export type PickedFile = { kind: 'browser'; file: File } | { kind: 'weapp'; path: string; size: number; name?: string };

export function pickedSize(f: PickedFile): number {
  return f.kind === 'browser' ? f.file.size : f.size;
}

export function pickedName(f: PickedFile): string {
  return f.kind === 'browser' ? f.file.name : (f.name ?? f.path.split('/').pop() ?? '');
}

/** POSTs one file as multipart/form-data (`file` plus text fields) with the bearer token; the parsed JSON answer. */
export async function uploadMultipart<T>(path: string, token: string, picked: PickedFile, fields: Record<string, string>): Promise<T> {
  if (picked.kind === 'browser') {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', picked.file, picked.file.name);
    let res: Response;
    try {
      res = await fetch(apiUrl(path), { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, body: form });
    } catch {
      throw NETWORK();
    }
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) return JSON.parse(text) as T;
    throw errorFrom(res.status, text);
  }
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.uploadFile({ url: apiUrl(path), filePath: picked.path, name: 'file', formData: fields, header: { Authorization: `Bearer ${token}` } });
  } catch {
    throw NETWORK();
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return (typeof res.data === 'string' ? JSON.parse(res.data) : res.data) as T;
  throw errorFrom(res.statusCode, res.data);
}

/** Hands a blob to the browser as a download with the given name. */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface DownloadOptions {
  /** The name the browser saves it under. */
  filename: string;
  /** WeChat: how to open it (a document type for openDocument, or `image` for the image viewer). */
  fileType: 'docx' | 'xlsx' | 'pdf' | 'image';
}

/**
 * Fetches a file with the bearer token. Browser: an authenticated fetch, then a download link for
 * the blob. WeChat: downloadFile, then its document or image viewer.
 */
export async function downloadWithToken(path: string, token: string, options: DownloadOptions): Promise<void> {
  if (isH5()) {
    let res: Response;
    try {
      res = await fetch(apiUrl(path), { headers: { Authorization: `Bearer ${token}` } });
    } catch {
      throw NETWORK();
    }
    if (!res.ok) throw errorFrom(res.status, await res.text().catch(() => ''));
    saveBlob(await res.blob(), options.filename);
    return;
  }
  let res: { statusCode: number; tempFilePath: string };
  try {
    res = await Taro.downloadFile({ url: apiUrl(path), header: { Authorization: `Bearer ${token}` } });
  } catch {
    throw NETWORK();
  }
  if (res.statusCode !== 200) throw errorFrom(res.statusCode, null);
  if (options.fileType === 'image') {
    await Taro.previewImage({ urls: [res.tempFilePath], current: res.tempFilePath });
    return;
  }
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: options.fileType, showMenu: true });
}
