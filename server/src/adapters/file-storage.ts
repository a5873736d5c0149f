import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live. The domain seals the bytes before they get here, so an adapter only
 * ever holds ciphertext. Keys are server-made identifiers, never names a client chose.
 */
export interface FileStorage {
  /** Human-readable description for the start-up announcement. */
  readonly description: string;
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Removes a file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid storage key');
  return key;
}

/** Files in a local directory (the default), two levels of fan-out so no directory grows huge. */
export class LocalFileStorage implements FileStorage {
  readonly description: string;
  constructor(private readonly dir: string) {
    this.description = `local directory ${dir}`;
  }

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written under a temporary name, then renamed: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, data, { mode: 0o600, flag: 'w' });
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/** The configured storage. Refuses a directory the web server publishes (the H5 build). */
export function createFileStorage(config: { fileStorageDir: string; h5Dir: string }): FileStorage {
  const dir = path.resolve(config.fileStorageDir);
  const webRoot = path.resolve(config.h5Dir);
  if (dir === webRoot || dir.startsWith(webRoot + path.sep)) {
    throw new Error(`FILE_STORAGE_DIR (${dir}) must be outside the web root (${webRoot})`);
  }
  return new LocalFileStorage(dir);
}
