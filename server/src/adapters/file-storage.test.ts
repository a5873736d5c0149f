import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createFileStorage, LocalFileStorage } from './file-storage';
import { openBuffer, sealBuffer, setFieldKey } from '../lib/field-crypto';

describe('file storage (local directory) and sealed blobs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zjh-fs-test-'));
  beforeAll(() => setFieldKey(randomBytes(32)));

  it('stores, returns and deletes bytes by key; a missing key is null, deleting twice is fine', async () => {
    const storage = new LocalFileStorage(dir);
    const key = 'AbCdEfGhIjKlMnOpQrStUv';
    await storage.put(key, Buffer.from('hello'));
    expect((await storage.get(key))?.toString()).toBe('hello');
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it('refuses keys that could leave its directory', async () => {
    const storage = new LocalFileStorage(dir);
    await expect(storage.put('../../etc/passwd-xxxxxxxx', Buffer.from('x'))).rejects.toThrow('invalid storage key');
    await expect(storage.get('short')).rejects.toThrow('invalid storage key');
  });

  it('will not store uploads inside the web root', () => {
    expect(() => createFileStorage({ fileStorageDir: path.join(dir, 'h5', 'uploads'), h5Dir: path.join(dir, 'h5') })).toThrow('outside the web root');
    expect(createFileStorage({ fileStorageDir: path.join(dir, 'uploads'), h5Dir: path.join(dir, 'h5') }).description).toContain('uploads');
  });

  it('sealed blobs open to the same bytes, and an altered blob does not open', () => {
    const plain = Buffer.from('照片的字节 \u0000\u0001');
    const sealed = sealBuffer(plain);
    expect(sealed.includes(plain)).toBe(false);
    expect(Buffer.compare(openBuffer(sealed), plain)).toBe(0);
    sealed[sealed.length - 1] ^= 1;
    expect(() => openBuffer(sealed)).toThrow();
    expect(() => openBuffer(Buffer.from('not sealed at all, just text'))).toThrow('not a sealed blob');
  });
});
