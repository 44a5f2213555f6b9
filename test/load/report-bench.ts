/**
 * Report figures for `npm run bench` (docs/mne.md "Big history stays fast"):
 * a data directory seeded with 300 service days of 2,000 tickets
 * (`npm run seed:history`), a hub started on it from the real CLI, and a
 * supervisor's `report:run` timed from request to ack for a month and for
 * the whole year, plus the database's size for that year. The issue's
 * targets: a month ≤ 300 ms, a year ≤ 2 s.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { connectLight } from './light-client.js';
import { PROTOCOL_VERSION, type Ack } from '../../shared/protocol.js';

export const HISTORY_DAYS = 300;
export const HISTORY_PER_DAY = 2000;
const RUNS = 5;
const LAST_DAY = '2026-10-30';

type Figures = Record<string, number>;

export interface ReportBenchDeps {
  dir: string;
  log(msg: string): void;
  startProcess(args: string[], ready: RegExp): Promise<{ child: ChildProcess; url: string }>;
  stop(child: ChildProcess): Promise<void>;
}

const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

async function timed(run: () => Promise<unknown>): Promise<Figures> {
  await run(); // the first builds the hub's statements and warms its code
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(RUNS / 2)] ?? NaN, max: ms.at(-1) ?? NaN, n: RUNS };
}

export async function reportFigures(deps: ReportBenchDeps): Promise<Record<string, Figures>> {
  const dataDir = join(deps.dir, 'history');
  deps.log(`reports: seeding ${HISTORY_DAYS} days × ${HISTORY_PER_DAY} tickets`);
  const started = performance.now();
  const seeded = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/seed-history.ts',
      '--data-dir',
      dataDir,
      '--last-day',
      LAST_DAY,
      '--days',
      String(HISTORY_DAYS),
      '--per-day',
      String(HISTORY_PER_DAY),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (seeded.status !== 0) throw new Error('seeding the history failed');
  const seedSeconds = (performance.now() - started) / 1000;
  const bytes = statSync(join(dataDir, 'khiu.sqlite')).size;

  const { child, url } = await deps.startProcess(
    ['hub/src/main.ts', '--demo', '--port', '0', '--data-dir', dataDir],
    /Khiu hub listening on (\S+)/,
  );
  try {
    const supervisor = await connectLight(url, { protocol: PROTOCOL_VERSION, role: 'console' });
    const ask = async (event: string, payload: unknown) => {
      const ack = (await supervisor.request(event, payload)) as Ack<unknown>;
      if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
      return ack.data;
    };
    await ask('staff:login', { username: 'supervisor', pin: '5555' });
    const first = (
      (await ask('report:run', {
        range: { from: dayBefore(LAST_DAY, 700), to: LAST_DAY },
        groupBy: 'service',
      })) as { days: number }
    ).days;
    const report = (from: string, groupBy: string) => () =>
      ask('report:run', { range: { from, to: LAST_DAY }, groupBy });
    deps.log('reports: a month and a year, by service and by hour');
    const figures = {
      reportMonthService: await timed(report(dayBefore(LAST_DAY, 30), 'service')),
      reportMonthHour: await timed(report(dayBefore(LAST_DAY, 30), 'hour')),
      reportYearService: await timed(report(dayBefore(LAST_DAY, 500), 'service')),
      reportYearClerk: await timed(report(dayBefore(LAST_DAY, 500), 'clerk')),
      reportHistory: {
        days: first,
        tickets: HISTORY_DAYS * HISTORY_PER_DAY,
        seedSeconds,
        dbMiB: bytes / 2 ** 20,
        bytesPerTicket: bytes / (HISTORY_DAYS * HISTORY_PER_DAY),
      },
    };
    supervisor.close();
    return figures;
  } finally {
    await deps.stop(child);
  }
}

export function reportRows(f: Record<string, Figures>): string[][] {
  const ms = (x: number | undefined) => (x === undefined ? '' : x.toFixed(0));
  const row = (label: string, key: string, target: number) => {
    const x = f[key];
    return [
      label,
      `${ms(x?.p50)} / ${ms(x?.max)}`,
      `target ≤ ${target} ms`,
      x?.max === undefined ? '' : `${(x.max / target).toFixed(2)}×`,
    ];
  };
  const h = f.reportHistory;
  return [
    row('report ms p50/max, a month (30 days), by service', 'reportMonthService', 300),
    row('report ms p50/max, a month (30 days), by hour', 'reportMonthHour', 300),
    row(
      `report ms p50/max, a year (${HISTORY_DAYS} service days), by service`,
      'reportYearService',
      2000,
    ),
    row(
      `report ms p50/max, a year (${HISTORY_DAYS} service days), by clerk`,
      'reportYearClerk',
      2000,
    ),
    [
      `database MiB per year (${HISTORY_DAYS} days × ${HISTORY_PER_DAY} tickets)`,
      h?.dbMiB?.toFixed(0) ?? '',
      `${h?.bytesPerTicket?.toFixed(0)} bytes per ticket`,
      '',
    ],
  ];
}
