/*
 * What a file really is, decided by its first bytes: a name or a Content-Type is whatever the sender
 * says. Only images a phone produces (JPEG, PNG, WebP, HEIC) and PDF are accepted as evidence.
 */

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

function startsWith(data: Buffer, bytes: number[], offset = 0): boolean {
  return data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);
}

const ascii = (data: Buffer, from: number, to: number) => data.subarray(from, to).toString('latin1');

function isHeic(data: Buffer): boolean {
  if (data.length < 16 || ascii(data, 4, 8) !== 'ftyp') return false;
  const major = ascii(data, 8, 12);
  if (HEIC_BRANDS.has(major)) return true;
  if (major !== 'mif1' && major !== 'msf1') return false;
  // Generic HEIF brands: HEIC only when a compatible brand says so (AVIF uses the same box).
  const boxSize = Math.min(data.readUInt32BE(0), data.length);
  for (let at = 16; at + 4 <= boxSize; at += 4) if (HEIC_BRANDS.has(ascii(data, at, at + 4))) return true;
  return false;
}

/** The accepted MIME type of these bytes, or null when they are none of the accepted kinds. */
export function sniffEvidenceType(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf' | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(data, 0, 5) === '%PDF-') return 'application/pdf';
  if (isHeic(data)) return 'image/heic';
  return null;
}

export const EXTENSION_OF: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};
