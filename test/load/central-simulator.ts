/**
 * Many hubs' links to central, simulated: each centre is enrolled with its
 * own code and pushes a year of daily records through central's real HTTP
 * API, in batches as a hub's outbox does, several centres at once. Records
 * are made by the demo generator and checked by the real schema at central.
 */
import { demoRecord } from '../../central/src/demo-seed.js';
import { addDays } from '../../central/src/days.js';
import { PROVINCE_CODES } from '../../central/src/provinces.js';
import type { Central } from '../../central/src/server.js';
import { centralClient } from '../../hub/src/central/central-client.js';

export interface SimulatedFleet {
  centres: number;
  days: number;
  records: number;
  ms: number;
}

const BATCH = 50;
const PARALLEL_CENTRES = 8;

async function oneCentre(central: Central, url: string, i: number, lastDay: string, days: number) {
  const input = {
    code: `SIM-${String(i).padStart(4, '0')}`,
    nameLo: `ສູນທົດລອງ ${i}`,
    nameEn: `Simulated centre ${i}`,
    province: PROVINCE_CODES[i % PROVINCE_CODES.length] ?? 'VTE',
  };
  const row = await central.centres.add(input);
  const { code } = await central.centres.makeCode(row.id);
  const { token } = await centralClient.enrol(url, code);
  const first = addDays(lastDay, -(days - 1));
  for (let d = 0; d < days; d += BATCH) {
    const records = [];
    for (let k = d; k < Math.min(days, d + BATCH); k++)
      records.push(demoRecord(input, addDays(first, k), 40 + (i % 7) * 30, i * 1000 + k));
    const { results } = await centralClient.push(url, token, { records, fees: [] });
    const refused = results.find((r) => r.status === 'refused');
    if (refused) throw new Error(`central refused a simulated record: ${JSON.stringify(refused)}`);
  }
}

/** `centres` new centres (numbered from `from`), each pushing `days` days up to `lastDay`. */
export async function simulateFleet(
  central: Central,
  url: string,
  opts: { from: number; centres: number; days: number; lastDay: string },
): Promise<SimulatedFleet> {
  const started = performance.now();
  let next = opts.from;
  const end = opts.from + opts.centres;
  const worker = async () => {
    while (next < end) await oneCentre(central, url, next++, opts.lastDay, opts.days);
  };
  await Promise.all(Array.from({ length: PARALLEL_CENTRES }, worker));
  return {
    centres: opts.centres,
    days: opts.days,
    records: opts.centres * opts.days,
    ms: performance.now() - started,
  };
}
