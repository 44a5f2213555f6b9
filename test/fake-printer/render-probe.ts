/**
 * Run as its own process by the font test: renders a fixed ticket and says
 * which font families the canvas knew and a hash of the ESC/POS bytes.
 */
import { createHash } from 'node:crypto';
import { GlobalFonts } from '@napi-rs/canvas';
import { encodeTicket, type TicketPrint } from '../../hub/src/print/ticket-layout.js';

export const PROBE_TICKET: TicketPrint = {
  paperDots: 576,
  lang: 'lo',
  centre: { lo: 'ສູນບໍລິການປະຕູດຽວ ເມືອງຈັນທະບູລີ', en: 'Chanthabouly One-Door Service Centre' },
  label: 'F042',
  // Tone marks over vowels over consonants: ເຈົ້າ, ນ້ຳ, ທີ່.
  service: { lo: 'ເຈົ້າໜ້າທີ່ ນ້ຳປະປາ ທີ່ດິນ', en: 'Officer, water supply, land' },
  feeLak: 25_000,
  feeIsSample: true,
  peopleAhead: 7,
  estimatedWaitMs: 1_260_000,
  issuedAt: Date.UTC(2026, 10, 27, 2, 5),
  timeZone: 'Asia/Vientiane',
  url: 'http://192.168.1.10:8470/t/probe0000001',
};

export function probe() {
  const bytes = encodeTicket(PROBE_TICKET);
  return {
    families: GlobalFonts.families.map((f) => f.family).sort(),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
}

if (process.argv[1]?.endsWith('render-probe.ts')) process.stdout.write(JSON.stringify(probe()));
