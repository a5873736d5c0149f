import { sniffEvidenceType } from './file-types';

const ftyp = (major: string, ...compatible: string[]) => {
  const brands = Buffer.from([major, '\0\0\0\0', ...compatible].join(''), 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + brands.length);
  return Buffer.concat([size, Buffer.from('ftyp', 'latin1'), brands, Buffer.alloc(16)]);
};

describe('evidence file type by content', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['WebP', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp'],
    ['PDF', Buffer.from('%PDF-1.4\n'), 'application/pdf'],
    ['HEIC (iPhone)', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['HEIF with a HEIC brand', ftyp('mif1', 'mif1', 'heic'), 'image/heic'],
  ])('recognises %s', (_name, bytes, type) => {
    expect(sniffEvidenceType(bytes)).toBe(type);
  });

  it.each([
    ['plain text', Buffer.from('hello, this is a jpg')],
    ['SVG (script-capable)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['HTML', Buffer.from('<!doctype html><p>x</p>')],
    ['AVIF', ftyp('avif', 'mif1', 'avif')],
    ['MP4 video', ftyp('isom', 'isom', 'mp41')],
    ['ZIP / Office file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])],
    ['empty', Buffer.alloc(0)],
    ['truncated JPEG', Buffer.from([0xff, 0xd8])],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffEvidenceType(bytes)).toBeNull();
  });
});
