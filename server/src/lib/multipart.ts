import busboy from 'busboy';
import type { Context } from 'koa';
import { AppError } from './errors';

export interface UploadedFile {
  field: string;
  name: string;
  data: Buffer;
}

export interface MultipartResult {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

/**
 * Reads a multipart/form-data body holding one file and a few short fields. A file over `maxFileBytes`
 * is a 413; the rest of the body is still read (and dropped) so the client receives the answer
 * instead of a reset connection. A body far larger than any allowed upload is refused up front.
 */
export async function readSingleFileUpload(ctx: Context, opts: { maxFileBytes: number; fileField: string; tooLargeMessage: string }): Promise<MultipartResult> {
  if (!ctx.is('multipart/form-data')) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > opts.maxFileBytes + 64 * 1024) throw new AppError(413, 'PAYLOAD_TOO_LARGE', opts.tooLargeMessage);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: ctx.req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: opts.maxFileBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });
  } catch {
    throw AppError.field('(body)', '上传内容格式不正确');
  }

  return new Promise<MultipartResult>((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    let file: UploadedFile | null = null;
    let tooLarge = false;
    let pending: Promise<void> = Promise.resolve();

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== opts.fileField || file) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const current: UploadedFile = { field: name, name: info.filename ?? '', data: Buffer.alloc(0) };
      file = current;
      stream.on('data', (chunk: Buffer) => {
        if (!tooLarge) chunks.push(chunk);
      });
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      pending = new Promise((done) =>
        stream.on('end', () => {
          if (!tooLarge) current.data = Buffer.concat(chunks);
          done();
        }),
      );
    });
    parser.on('error', () => reject(AppError.field('(body)', '上传内容格式不正确')));
    parser.on('close', () => {
      void pending.then(() => {
        if (tooLarge) reject(new AppError(413, 'PAYLOAD_TOO_LARGE', opts.tooLargeMessage));
        else resolve({ fields, file });
      });
    });
    ctx.req.on('error', () => reject(AppError.field('(body)', '上传中断，请重试')));
    ctx.req.pipe(parser);
  });
}
