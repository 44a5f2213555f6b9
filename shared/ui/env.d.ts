/** What vite.config.ts defines for every app at build time. */
interface ImportMetaEnv {
  /** package.json's version, e.g. "0.1.0". */
  readonly KHIU_VERSION: string;
}
