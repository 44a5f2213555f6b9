/**
 * The apps' own fonts, registered under names no system font has ('Khiu Lao',
 * 'Khiu Sans'), so Lao shapes the same on every screen whether or not the
 * machine has a Lao font installed (DESIGN.md "Printing": never rely on
 * system fonts). The files come from @fontsource and are bundled by Vite.
 */
import laoRegular from '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff2';
import laoBold from '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-700-normal.woff2';
import sansRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2';
import sansBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2';

export const LAO_FONT = 'Khiu Lao';
export const LATIN_FONT = 'Khiu Sans';

/** For CSS: Lao letters from the Lao face, everything else from the Latin one. */
export const FONT_STACK = `"${LAO_FONT}", "${LATIN_FONT}", sans-serif`;

// The same ranges as @fontsource's subsets, so each face is used only for its script.
const LAO_RANGE = 'U+0E81-0EDF, U+200C-200D, U+25CC';
const LATIN_RANGE =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

const FACES = [
  { family: LAO_FONT, url: laoRegular, weight: '400', unicodeRange: LAO_RANGE },
  { family: LAO_FONT, url: laoBold, weight: '700', unicodeRange: LAO_RANGE },
  { family: LATIN_FONT, url: sansRegular, weight: '400', unicodeRange: LATIN_RANGE },
  { family: LATIN_FONT, url: sansBold, weight: '700', unicodeRange: LATIN_RANGE },
] as const;

let loading: Promise<void> | null = null;

/**
 * Registers the faces and loads them all. Resolves once
 * `document.fonts.check('24px "Khiu Lao"', 'ກ')` is true; rejects if a file
 * cannot be fetched (the app then still runs, in a fallback font).
 */
export function loadFonts(): Promise<void> {
  loading ??= (async () => {
    const faces = FACES.map(
      (f) =>
        new FontFace(f.family, `url("${f.url}") format("woff2")`, {
          weight: f.weight,
          style: 'normal',
          display: 'block',
          unicodeRange: f.unicodeRange,
        }),
    );
    for (const face of faces) document.fonts.add(face);
    await Promise.all(faces.map((face) => face.load()));
    await document.fonts.load(`24px "${LAO_FONT}"`, 'ກ');
  })();
  return loading;
}
