// `npm run dev`: the API (rebuilt by tsc --watch) and the H5 build in watch mode, for development.
import { spawn } from 'node:child_process';
import { ROOT, buildServer } from './lib/build.mjs';

buildServer();
const children = [
  spawn('npx', ['tsc', '-b', '-w', '--preserveWatchOutput', 'shared', 'server'], { cwd: ROOT, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev:h5', '-w', 'miniprogram'], { cwd: ROOT, stdio: 'inherit' }),
  spawn('node', ['--watch-path=server/dist', '--watch-path=shared/dist', 'server/dist/main.js'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
