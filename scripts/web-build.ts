/**
 * Builds every web app that exists into dist/web/<app>/, where the hub serves
 * it: `npm run build` (build-web.ts), and `npm start` before the demo hub.
 */
import { build } from 'vite';
import { builtWebApps, webAppConfig } from '../vite.config.js';

export async function buildWebApps(): Promise<void> {
  const apps = builtWebApps();
  for (const app of apps) {
    process.stdout.write(`\nbuilding ${app} → dist/web/${app}/\n`);
    // configFile: false, so vite.config.ts's default (one app, for the dev server) is not merged in.
    await build({ ...webAppConfig(app), configFile: false, logLevel: 'warn' });
  }
  process.stdout.write(`\nbuilt ${apps.join(', ')}\n\n`);
}
