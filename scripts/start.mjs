// `npm start`: build what is missing, then serve the H5 app, the back office and the API on one port.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildClient, buildServer } from './lib/build.mjs';

buildServer();
buildClient('h5');
await import(pathToFileURL(path.join(ROOT, 'server/dist/main.js')).href);
