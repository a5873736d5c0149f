import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ValueTransformer } from 'typeorm';

/*
 * Sensitive fields (narratives, names, phones, addresses, notes, messages) are sealed with
 * AES-256-GCM before they reach the database: a copied table or backup shows nothing readable.
 * Format: "v1." + base64url(iv[12] | tag[16] | ciphertext). A blind index (HMAC) lets staff find a
 * request by phone number without storing the number.
 */

const PREFIX = 'v1.';
let dataKey: Buffer | undefined;
let indexKey: Buffer | undefined;

/** Installs the key for this process (32 bytes). Called once at start, and by tests. */
export function setFieldKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('encryption key must be 32 bytes');
  dataKey = createHmac('sha256', key).update('zjh-field-encryption').digest();
  indexKey = createHmac('sha256', key).update('zjh-blind-index').digest();
}

function requireKey(): Buffer {
  if (!dataKey) throw new Error('field encryption key not set');
  return dataKey;
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function open(sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', requireKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

const BLOB_MAGIC = Buffer.from('ZJB1');

/** Seals bytes (uploaded files) with the field key: "ZJB1" | iv[12] | tag[16] | ciphertext. */
export function sealBuffer(plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([BLOB_MAGIC, iv, cipher.getAuthTag(), body]);
}

/** Opens bytes sealed by sealBuffer; throws when they were altered or sealed with another key. */
export function openBuffer(sealed: Buffer): Buffer {
  if (sealed.length < 32 || !sealed.subarray(0, 4).equals(BLOB_MAGIC)) throw new Error('not a sealed blob');
  const decipher = createDecipheriv('aes-256-gcm', requireKey(), sealed.subarray(4, 16));
  decipher.setAuthTag(sealed.subarray(16, 32));
  return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
}

/** Keyed hash for exact-match search (phone numbers). Same input, same output; not reversible. */
export function blindIndex(value: string): string {
  if (!indexKey) throw new Error('field encryption key not set');
  return createHmac('sha256', indexKey).update(value).digest('base64url').slice(0, 32);
}

/** Digits only, without a +86 prefix: the form phone numbers are indexed in. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
}

/** TypeORM transformer: strings are sealed on the way in, opened on the way out. */
export const sealedText: ValueTransformer = {
  to: (v: string | null | undefined) => (v === null || v === undefined ? v : seal(v)),
  from: (v: string | null | undefined) => (v === null || v === undefined ? v : open(v)),
};

/** TypeORM transformer for sealed JSON values. */
export const sealedJson: ValueTransformer = {
  to: (v: unknown) => (v === null || v === undefined ? v : seal(JSON.stringify(v))),
  from: (v: string | null | undefined) => (v === null || v === undefined ? v : JSON.parse(open(v))),
};

/**
 * The key: ENCRYPTION_KEY (base64, 32 bytes) when set; otherwise a key file created on first start
 * with owner-only permissions. Production refuses to run without ENCRYPTION_KEY.
 */
export function loadOrCreateKey(opts: { envKey?: string; keyFile: string; production: boolean }): { key: Buffer; source: string } {
  if (opts.envKey) {
    const key = Buffer.from(opts.envKey, 'base64');
    if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return { key, source: 'ENCRYPTION_KEY' };
  }
  if (opts.production) throw new Error('production mode needs ENCRYPTION_KEY (openssl rand -base64 32)');
  if (fs.existsSync(opts.keyFile)) {
    const key = Buffer.from(fs.readFileSync(opts.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${opts.keyFile} does not hold a 32-byte base64 key`);
    return { key, source: opts.keyFile };
  }
  fs.mkdirSync(path.dirname(opts.keyFile), { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(opts.keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, source: `${opts.keyFile} (created now, owner-only; back it up with the database)` };
}
