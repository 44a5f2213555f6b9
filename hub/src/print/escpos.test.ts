import { describe, expect, it } from 'vitest';
import { EscPosError, EscPosWriter, RASTER_BAND_ROWS, statusQuery, type Bitmap } from './escpos.js';

const hex = (w: EscPosWriter) => Buffer.from(w.bytes()).toString('hex');
const w = () => new EscPosWriter();

describe('EscPosWriter', () => {
  it('writes init, align, size, bold, feeds and the partial cut as ESC/POS defines them', () => {
    expect(hex(w().init())).toBe('1b40');
    expect(hex(w().align('left').align('center').align('right'))).toBe('1b61001b61011b6102');
    expect(hex(w().size(1, 1).size(5, 5).size(2, 8))).toBe('1d21001d21441d2117');
    expect(hex(w().bold(true).bold(false))).toBe('1b45011b4500');
    expect(hex(w().feedDots(16).feedLines(3))).toBe('1b4a101b6403');
    expect(hex(w().cut(96))).toBe('1d564260');
    expect(hex(w().autoStatus(true).autoStatus(false))).toBe('1d610f1d6100');
    expect(Buffer.from(statusQuery(4)).toString('hex')).toBe('100404');
  });

  it('writes ASCII text followed by LF, and refuses anything the printer could not print', () => {
    expect(hex(w().line('A023'))).toBe('413032330a');
    expect(() => w().line('ສູນ')).toThrow(EscPosError);
    expect(() => w().line('tab\there')).toThrow(EscPosError);
    expect(() => w().size(0, 1)).toThrow(EscPosError);
    expect(() => w().size(9, 1)).toThrow(EscPosError);
    expect(() => w().feedDots(256)).toThrow(EscPosError);
  });

  it('sends a QR code with GS ( k model 2: model, module size, error level, store, print', () => {
    const data = 'http://h/t/abc';
    const bytes = hex(w().qr(data, 6, 'M'));
    const store = `1d286b${(data.length + 3).toString(16).padStart(2, '0')}00315030${Buffer.from(data).toString('hex')}`;
    expect(bytes).toBe(
      [
        '1d286b0400314132' + '00',
        '1d286b03003143' + '06',
        '1d286b03003145' + '31',
        store,
        '1d286b0300315130',
      ].join(''),
    );
    expect(() => w().qr('', 6)).toThrow(EscPosError);
    expect(() => w().qr('x', 17)).toThrow(EscPosError);
  });

  it(`splits a raster image into GS v 0 bands of at most ${RASTER_BAND_ROWS} rows, data unchanged`, () => {
    const height = RASTER_BAND_ROWS * 2 + 10;
    const data = Uint8Array.from({ length: 3 * height }, (_, i) => i % 251);
    const image: Bitmap = { widthDots: 24, height, rowBytes: 3, data };
    const out = Buffer.from(w().raster(image).bytes());
    const bands: number[] = [];
    const payload: number[] = [];
    for (let at = 0; at < out.length;) {
      expect(out.subarray(at, at + 4).toString('hex')).toBe('1d763000');
      expect(out.readUInt16LE(at + 4)).toBe(3);
      const rows = out.readUInt16LE(at + 6);
      bands.push(rows);
      payload.push(...out.subarray(at + 8, at + 8 + rows * 3));
      at += 8 + rows * 3;
    }
    expect(bands).toEqual([RASTER_BAND_ROWS, RASTER_BAND_ROWS, 10]);
    expect(Uint8Array.from(payload)).toEqual(data);
    expect(() => w().raster({ ...image, height: height + 1 })).toThrow(EscPosError);
  });

  it('counts its length as it goes', () => {
    const writer = w().init().line('AB');
    expect(writer.length).toBe(5);
    expect(writer.bytes()).toHaveLength(5);
  });
});
