/** `npm run build`: every web app into dist/web/<app>/, where the hub serves it. */
import { buildWebApps } from './web-build.js';

await buildWebApps();
