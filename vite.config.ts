/**
 * Vite settings for the web apps. Each app is built on its own into
 * `dist/web/<app>/` with `base: '/<app>/'`, which is where and how the hub
 * serves it (hub/src/net/web-apps.ts); scripts/build-web.ts builds them all.
 *
 * For a dev server with hot reload against a running hub (`npm start`):
 *   KHIU_APP=kiosk npx vite
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const HUB_DEV_URL = 'http://127.0.0.1:8470';

/** Where each app's index.html lives. */
export const WEB_APP_ROOTS = {
  kiosk: 'kiosk',
  counter: 'counter',
  display: 'display',
  pair: 'pair',
  console: 'console',
} as const;
export type WebAppName = keyof typeof WEB_APP_ROOTS;

const repoRoot = import.meta.dirname;

function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

/** The apps that exist yet: a folder with an index.html. */
export function builtWebApps(): WebAppName[] {
  return (Object.keys(WEB_APP_ROOTS) as WebAppName[]).filter((app) =>
    existsSync(join(repoRoot, WEB_APP_ROOTS[app], 'index.html')),
  );
}

export function webAppConfig(app: WebAppName): UserConfig {
  return {
    root: resolve(repoRoot, WEB_APP_ROOTS[app]),
    base: `/${app}/`,
    plugins: [react()],
    // The version each app tells the hub it runs (the console's device list shows it).
    define: { 'import.meta.env.KHIU_VERSION': JSON.stringify(packageVersion()) },
    // Hashed assets under one folder; small files stay files, so fonts are cached.
    build: {
      outDir: resolve(repoRoot, 'dist', 'web', app),
      emptyOutDir: true,
      assetsInlineLimit: 0,
      target: 'es2022',
      // Vite warns past 500 kB, a budget for pages fetched over the internet. These apps are
      // loaded once over the centre's LAN and then cached; the biggest, with every Lao and
      // English string and the schemas, is about 700 kB (190 kB gzipped). The limit still
      // warns when a bundle doubles past that.
      chunkSizeWarningLimit: 1400,
    },
    server: {
      // Let the dev server reach shared/ and node_modules/ outside the app's root.
      fs: { allow: [repoRoot] },
      proxy: {
        '/socket.io': { target: HUB_DEV_URL, ws: true },
        '/api': HUB_DEV_URL,
      },
    },
  };
}

function appFromEnv(): WebAppName {
  const name = process.env['KHIU_APP'] ?? 'kiosk';
  const app = (Object.keys(WEB_APP_ROOTS) as WebAppName[]).find((a) => a === name);
  if (!app) throw new Error(`KHIU_APP must be one of ${Object.keys(WEB_APP_ROOTS).join(', ')}`);
  return app;
}

export default defineConfig(() => webAppConfig(appFromEnv()));
