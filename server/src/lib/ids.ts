import { randomBytes, createHash } from 'node:crypto';

/** A 22-character unguessable identifier (128 random bits, base64url). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** A bearer token (256 random bits). Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
