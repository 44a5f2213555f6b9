/**
 * Print figures for `npm run bench`: the time to lay out, render and encode
 * one ticket (Lao raster included), and its size in bytes, at 80 mm and
 * 58 mm. In process, on the hub's own code; fonts are loaded before timing.
 */
import {
  encodeTicket,
  type PaperDots,
  type TicketPrint,
} from '../../hub/src/print/ticket-layout.js';
import { DEMO_CENTRE } from '../../hub/src/demo/centre-data.js';
import { clearRasterCache } from '../../hub/src/print/raster.js';
import type { Lang } from '../../shared/protocol.js';

export const PRINT_TICKETS = 200;

type Figures = Record<string, number>;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** A different ticket each time: service, number, queue and code change as on a real morning. */
function ticket(i: number, paperDots: PaperDots, lang: Lang): TicketPrint {
  const services = DEMO_CENTRE.services;
  const s = services[i % services.length] ?? services[0];
  if (!s) throw new Error('the demo centre has no services');
  return {
    paperDots,
    lang,
    centre: DEMO_CENTRE.name,
    label: `${s.prefix}${String(i + 1).padStart(3, '0')}`,
    service: s.name,
    feeLak: s.feeLak,
    feeIsSample: true,
    peopleAhead: i % 40,
    estimatedWaitMs: (i % 40) * 90_000,
    issuedAt: Date.UTC(2026, 10, 27, 1, 0) + i * 30_000,
    timeZone: DEMO_CENTRE.timeZone,
    url: `http://192.168.1.10:8470/t/${i.toString(36).padStart(16, 'x')}`,
  };
}

/**
 * `cold`: every line drawn afresh (the first tickets of a hub's day); otherwise
 * as a running hub does, with the lines it has drawn before kept.
 */
function measure(paperDots: PaperDots, lang: Lang, cold: boolean): Figures {
  const ms: number[] = [];
  const bytes: number[] = [];
  clearRasterCache();
  for (let i = 0; i < PRINT_TICKETS; i++) {
    const input = ticket(i, paperDots, lang);
    if (cold) clearRasterCache();
    const started = performance.now();
    const out = encodeTicket(input);
    ms.push(performance.now() - started);
    bytes.push(out.length);
  }
  ms.sort((a, b) => a - b);
  bytes.sort((a, b) => a - b);
  return {
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    bytesP50: percentile(bytes, 50),
    bytesMax: bytes.at(-1) ?? NaN,
    n: PRINT_TICKETS,
  };
}

export function printFigures(): Record<string, Figures> {
  const figures: Record<string, Figures> = {};
  encodeTicket(ticket(0, 576, 'lo')); // fonts and canvas warmed up, as in a running hub
  for (const paperDots of [576, 384] as const) {
    for (const lang of ['lo', 'en'] as const) {
      figures[`print${paperDots}${lang}`] = measure(paperDots, lang, false);
    }
    figures[`print${paperDots}loCold`] = measure(paperDots, 'lo', true);
  }
  return figures;
}

/** Table rows: the Lao ticket, beside the English one (mostly native text) as its baseline. */
export function printRows(f: Record<string, Figures>): string[][] {
  const ms = (x: number | undefined) => (x === undefined ? '' : x.toFixed(2));
  return ([576, 384] as const).flatMap((dots) => {
    const lo = f[`print${dots}lo`];
    const en = f[`print${dots}en`];
    const cold = f[`print${dots}loCold`];
    const mm = dots === 576 ? 80 : 58;
    return [
      [
        `ticket render+encode ms p50/p99, ${mm} mm Lao, no line drawn before`,
        `${ms(cold?.p50)} / ${ms(cold?.p99)}`,
        `${ms(en?.p50)} / ${ms(en?.p99)} English ticket`,
        cold?.p99 && en?.p99 ? `${(cold.p99 / en.p99).toFixed(2)}×` : '',
      ],
      [
        `ticket render+encode ms p50/p99, ${mm} mm Lao`,
        `${ms(lo?.p50)} / ${ms(lo?.p99)}`,
        `${ms(en?.p50)} / ${ms(en?.p99)} English ticket`,
        lo?.p99 && en?.p99 ? `${(lo.p99 / en.p99).toFixed(2)}×` : '',
      ],
      [
        `ticket job bytes p50/max, ${mm} mm Lao`,
        `${lo?.bytesP50} / ${lo?.bytesMax}`,
        `${en?.bytesP50} / ${en?.bytesMax} English ticket`,
        lo?.bytesMax && en?.bytesMax ? `${(lo.bytesMax / en.bytesMax).toFixed(2)}×` : '',
      ],
    ];
  });
}
