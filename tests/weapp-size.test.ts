/**
 * WeChat package limits, checked on the real weapp build output: main package and every subpackage
 * at most 2 MB, everything together at most 20 MB, plus the code-quality rules we can check offline.
 * Run `npm run build:weapp` first.
 */
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(__dirname, '..', 'miniprogram', 'dist', 'weapp');
const KB = 1024;
const MB = 1024 * KB;
const MEDIA = /\.(png|jpe?g|gif|webp|svg|bmp|ico|mp3|m4a|aac|wav|ogg)$/i;

interface FileEntry {
  rel: string;
  size: number;
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  lazyCodeLoading?: string;
  __usePrivacyCheck__?: boolean;
  requiredPrivateInfos?: string[];
}

function walk(dir: string, base = dir): FileEntry[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, base);
    return [{ rel: path.relative(base, full).split(path.sep).join('/'), size: fs.statSync(full).size }];
  });
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const sum = (files: FileEntry[]) => files.reduce((total, f) => total + f.size, 0);

let files: FileEntry[] = [];
let app: AppJson;
let roots: string[] = [];

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error(`No weapp build at ${DIST}. Run \`npm run build:weapp\` (from the repo root) first, then run this test again.`);
  }
  files = walk(DIST);
  app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
  roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => s.root.replace(/^\/+|\/+$/g, ''));
});

function inRoot(file: FileEntry, root: string) {
  return file.rel === root || file.rel.startsWith(`${root}/`);
}

function mainPackage() {
  return files.filter((f) => !roots.some((root) => inRoot(f, root)));
}

describe('weapp package sizes', () => {
  it('main package, each subpackage and the total stay within WeChat limits', () => {
    const main = sum(mainPackage());
    const subs = roots.map((root) => ({ root, size: sum(files.filter((f) => inRoot(f, root))) }));
    const total = sum(files);

    console.log(
      [
        'weapp package sizes:',
        `  main package: ${kb(main)} (${mainPackage().length} files)`,
        ...subs.map((s) => `  subpackage ${s.root}: ${kb(s.size)}`),
        `  total: ${kb(total)}`,
        '  largest files:',
        ...[...files].sort((a, b) => b.size - a.size).slice(0, 5).map((f) => `    ${f.rel} ${kb(f.size)}`),
      ].join('\n'),
    );

    expect(main).toBeLessThanOrEqual(2 * MB);
    for (const s of subs) expect({ root: s.root, size: s.size, ok: s.size <= 2 * MB }).toMatchObject({ ok: true });
    expect(total).toBeLessThanOrEqual(20 * MB);
  });

  it('main package stays under the 1.5 MB code-quality threshold', () => {
    expect(sum(mainPackage())).toBeLessThan(1.5 * MB);
  });

  it('keeps the validation library out of the main package (client pages import labels only)', () => {
    const withZod = mainPackage()
      .filter((f) => f.rel.endsWith('.js'))
      .filter((f) => fs.readFileSync(path.join(DIST, f.rel), 'utf8').includes('ZodError'))
      .map((f) => f.rel);
    expect(withZod).toEqual([]);
  });

  it('declares the staff subpackage', () => {
    expect(roots).toContain('staff');
    expect(files.some((f) => f.rel.startsWith('staff/pages/login/index.'))).toBe(true);
  });
});

describe('weapp app.json and content', () => {
  it('loads components lazily and turns on the privacy check', () => {
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.requiredPrivateInfos).toEqual(['getLocation']);
  });

  it('does not ship the H5 neutral page', () => {
    expect(files.filter((f) => path.posix.basename(f.rel) === 'neutral.html').map((f) => f.rel)).toEqual([]);
  });

  it('has no image or audio file over 200 KB', () => {
    const big = files.filter((f) => MEDIA.test(f.rel) && f.size > 200 * KB).map((f) => `${f.rel} (${kb(f.size)})`);
    expect(big).toEqual([]);
  });
});
