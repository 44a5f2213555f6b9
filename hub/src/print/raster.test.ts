import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { clearRasterCache, renderRasterLines, wrapText } from './raster.js';
import { printFont, registerPrintFonts } from './fonts.js';

const graphemes = (s: string) =>
  [...new Intl.Segmenter('lo', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

describe('Lao line breaking', () => {
  registerPrintFonts();
  const ctx = createCanvas(1, 1).getContext('2d');
  ctx.font = printFont(24);
  const text = 'ກະລຸນາເກັບບັດຄິວນີ້ໄວ້ຈົນກວ່າຈະໄດ້ຮັບບໍລິການສຳເລັດ ແລະ ສະແກນ QR ໂຄດ ເພື່ອຕິດຕາມຄິວຂອງທ່ານໃນໂທລະສັບ';

  it('breaks only between words, each line within the width, losing no letter', () => {
    for (const width of [384, 250, 160]) {
      const lines = wrapText(ctx, text, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(ctx.measureText(line).width).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      const words = new Set(
        [...new Intl.Segmenter('lo', { granularity: 'word' }).segment(text)].map((w) => w.index),
      );
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at = text.indexOf(line, at) + line.length;
        while (text[at] === ' ') at++;
        expect(words.has(at), `break before "${text.slice(at, at + 6)}"`).toBe(true);
      }
    }
  });

  it('splits a word wider than the paper between letters, never between a letter and its marks', () => {
    const word = 'ເຈົ້າໜ້າທີ່'.repeat(6);
    const lines = wrapText(ctx, word, 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.flatMap(graphemes)).toEqual(graphemes(word));
  });
});

describe('renderRasterLines', () => {
  it('draws a line once and reuses it, as ticket lines repeat all day', () => {
    clearRasterCache();
    const first = renderRasterLines({ text: 'ແຈ້ງເຂົ້າສຳມະໂນຄົວ', px: 28, bold: true }, 576);
    expect(renderRasterLines({ text: 'ແຈ້ງເຂົ້າສຳມະໂນຄົວ', px: 28, bold: true }, 576)).toBe(first);
    expect(renderRasterLines({ text: 'ແຈ້ງເຂົ້າສຳມະໂນຄົວ', px: 28 }, 576)).not.toBe(first);
    const [image] = first;
    expect(image?.height).toBeGreaterThan(20);
    expect(image?.widthDots).toBeLessThan(576);
    expect(image?.data.some((b) => b !== 0)).toBe(true);
  });
});
