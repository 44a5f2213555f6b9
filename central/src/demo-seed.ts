/**
 * A few demo centres with a year of history, so a fresh `npm run central`
 * has a national page to show. The records are made by the hub's own
 * daily-record schema and stored through the same ingest a hub's push uses.
 */
import type { Central } from './server.js';
import type { DailyRecord } from '../../shared/schemas/reports.js';
import { addDays } from './days.js';
import type { CentreInput } from './centres.js';

export const DEMO_CENTRES: CentreInput[] = [
  {
    code: 'VTE-CHB',
    nameLo: 'ສູນບໍລິການປະຕູດຽວ ເມືອງຈັນທະບູລີ',
    nameEn: 'Chanthabouly District ODSC',
    province: 'VTE',
  },
  {
    code: 'VTE-SST',
    nameLo: 'ສູນບໍລິການປະຕູດຽວ ເມືອງສີສັດຕະນາກ',
    nameEn: 'Sisattanak District ODSC',
    province: 'VTE',
  },
  {
    code: 'LPB-LPB',
    nameLo: 'ສູນບໍລິການປະຕູດຽວ ເມືອງຫຼວງພະບາງ',
    nameEn: 'Luang Prabang District ODSC',
    province: 'LPB',
  },
  {
    code: 'SVK-KPL',
    nameLo: 'ສູນບໍລິການປະຕູດຽວ ເມືອງໄກສອນ',
    nameEn: 'Kaysone Phomvihane District ODSC',
    province: 'SVK',
  },
  {
    code: 'CPS-PKS',
    nameLo: 'ສູນບໍລິການປະຕູດຽວ ເມືອງປາກເຊ',
    nameEn: 'Pakse District ODSC',
    province: 'CPS',
  },
];

const duration = (count: number, medianMs: number) => ({
  count,
  meanMs: count ? Math.round(medianMs * 1.1) : null,
  medianMs: count ? medianMs : null,
  p90Ms: count ? Math.round(medianMs * 2.2) : null,
});

const question = { answers: 0, faces: [0, 0, 0, 0, 0], mean: null };

/** A plausible day at a centre: `size` sets how busy, `seed` varies the days. */
export function demoRecord(
  centre: CentreInput,
  day: string,
  size: number,
  seed: number,
): DailyRecord {
  const wobble = (n: number) => Math.abs(Math.sin(seed * 12.9898 + n * 78.233)) % 1;
  const issued = Math.round(size * (0.7 + 0.6 * wobble(1)));
  const noShow = Math.round(issued * 0.05 * wobble(2));
  const served = issued - noShow;
  const waitMs = Math.round((6 + 18 * wobble(3)) * 60_000);
  const within = Math.round(served * (0.55 + 0.4 * wobble(4)));
  const responses = Math.round(served * 0.3);
  const faces = [0.05, 0.08, 0.17, 0.4, 0.3].map((p) => Math.round(responses * p));
  const answered = Math.round(responses * 0.8);
  const yes = Math.round(answered * 0.06 * wobble(5));
  const total = {
    issued,
    transferredIn: 0,
    served,
    noShow,
    cancelled: 0,
    transferred: 0,
    expired: 0,
    wait: duration(served, waitMs),
    service: duration(served, 7 * 60_000),
    withinTarget: { called: served, within, share: served ? within / served : null },
    estimate: { count: 0, medianAbsErrorMs: null, within5MinShare: null },
    feedback: {
      responses,
      faces,
      meanScore: responses
        ? faces.reduce((s, c, i) => s + c * (i + 1), 0) /
          Math.max(
            1,
            faces.reduce((a, b) => a + b, 0),
          )
        : null,
      questions: { waitingTime: question, courtesy: question, clarity: question },
      askedToPayMore: { answered, yes, share: answered ? yes / answered : null },
    },
  };
  return {
    schema: 'khiu-daily-record',
    version: 1,
    day,
    centre: {
      name: { lo: centre.nameLo, en: centre.nameEn },
      province: { lo: centre.province, en: centre.province },
      district: { lo: centre.nameLo, en: centre.nameEn },
      timeZone: 'Asia/Vientiane',
    },
    total,
    services: [],
    counters: [],
    arrivalsByHour: Array.from({ length: 24 }, (_, h) => (h === 9 ? issued : 0)),
  };
}

/** Seeds the demo centres with `days` days up to `today` (the last centre stops 5 days short). */
export async function seedDemo(central: Central, today: string, days = 365) {
  const existing = new Set((await central.centres.list()).map((c) => c.code));
  for (const [i, input] of DEMO_CENTRES.entries()) {
    if (existing.has(input.code)) continue;
    const centre = await central.centres.add(input);
    const last = i === DEMO_CENTRES.length - 1 ? addDays(today, -5) : addDays(today, -1);
    const all: DailyRecord[] = [];
    for (let d = days - 1; d >= 0; d--)
      all.push(demoRecord(input, addDays(last, -d), 60 + i * 40, d + i * 1000));
    for (let k = 0; k < all.length; k += 100)
      await central.records.ingest(centre, { records: all.slice(k, k + 100) });
  }
  const table = await central.fees.table();
  if (table.fees.length === 0) await central.fees.importCsv(DEMO_FEE_CSV(today), null);
}

const DEMO_FEE_CSV = (today: string) => `code,effective_on,name_lo,name_en,fee_lak,ref_lo,ref_en
FB-ENTRY,2024-01-01,ການແຈ້ງເຂົ້າປຶ້ມສຳມະໂນຄົວ,Family book entry,10000,ດຳລັດ ເລກທີ 003/ປທ,Decree No. 003/PM
ID-CARD,2024-01-01,ບັດປະຈຳຕົວ,Identity card,30000,ດຳລັດ ເລກທີ 003/ປທ,Decree No. 003/PM
BIZ-REG,2024-01-01,ການຈົດທະບຽນວິສາຫະກິດ,Business registration,150000,ດຳລັດ ເລກທີ 003/ປທ,Decree No. 003/PM
BIZ-REG,${addDays(today, 30)},ການຈົດທະບຽນວິສາຫະກິດ,Business registration,175000,ດຳລັດ ເລກທີ 014/ປທ,Decree No. 014/PM
`;
