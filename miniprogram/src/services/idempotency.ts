let counter = 0;

/**
 * A fresh `Idempotency-Key` for one creating action (one form fill, one confirm screen). Keep it
 * while she retries the same submission, so a retry after a lost answer creates nothing twice.
 * The server scopes keys to her account, so time plus randomness is unique enough.
 */
export function newIdempotencyKey(prefix = 'k'): string {
  counter = (counter + 1) % 1_000_000;
  const random = Math.floor(Math.random() * 36 ** 8).toString(36).padStart(8, '0');
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${random}`;
}
