/**
 * The faces printed tickets are drawn with, registered with @napi-rs/canvas
 * under names no system font has. Noto Sans Lao has no Latin letters or
 * digits, so every Lao line is drawn with the Lao face first and the Latin
 * face after it; nothing falls through to whatever the machine has installed
 * (DESIGN.md "Printing": never rely on system fonts). Skia reads the woff2
 * files @fontsource ships as they are, so no TTF copies are needed.
 */
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

export const PRINT_LAO_FONT = 'Khiu Print Lao';
export const PRINT_LATIN_FONT = 'Khiu Print Sans';
export const PRINT_FAMILIES = [PRINT_LAO_FONT, PRINT_LATIN_FONT] as const;

const require = createRequire(import.meta.url);
const FILES = [
  [PRINT_LAO_FONT, '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff2'],
  [PRINT_LAO_FONT, '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-700-normal.woff2'],
  [PRINT_LATIN_FONT, '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2'],
  [PRINT_LATIN_FONT, '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2'],
] as const;

let registered = false;

/** Registers the faces once per process; throws, naming the file, if one cannot be loaded. */
export function registerPrintFonts(): void {
  if (registered) return;
  for (const [family, file] of FILES) {
    const path = require.resolve(file);
    if (!GlobalFonts.registerFromPath(path, family)) {
      throw new Error(`could not load the print font ${path}`);
    }
  }
  registered = true;
}

/** A canvas font string that names only our faces. */
export function printFont(px: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${px}px "${PRINT_LAO_FONT}", "${PRINT_LATIN_FONT}"`;
}
