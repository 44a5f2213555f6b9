/**
 * Issue 14's targets, each a ratio of a figure to a baseline measured in the
 * same `npm run bench` run on the same machine, so they mean the same on a
 * fast machine and a slow one.
 */
type Figures = Record<string, Record<string, number>>;

export interface RatioRow {
  name: string;
  figure: string;
  baseline: string;
  ratio: string;
  holds: boolean;
}

const n = (x: number | undefined, digits = 2) => (x === undefined ? '?' : x.toFixed(digits));

function row(
  name: string,
  [figure, figureText]: [number | undefined, string],
  [baseline, baselineText]: [number | undefined, string],
  holds: (ratio: number) => boolean,
): RatioRow {
  const ratio = figure === undefined || baseline === undefined ? NaN : figure / baseline;
  return {
    name,
    figure: figureText,
    baseline: baselineText,
    ratio: `${n(ratio)}×`,
    holds: Number.isFinite(ratio) && holds(ratio),
  };
}

const atMost = (limit: number) => (r: number) => r <= limit;
const atLeast = (limit: number) => (r: number) => r >= limit;

export function ratioRows(f: Figures): RatioRow[] {
  // The bare acks and the fsyncs are taken in turns with the hub's acks, with as many displays
  // connected to the bare server (idle there: it broadcasts nothing unasked).
  const ackP99 = f.issuePaced10at1000?.p99;
  const bareAck = f.rawAckPaced10at1000?.p99;
  const fsync = f.rawSqliteAt1000?.p99;
  const bareAckAndFsync = (bareAck ?? NaN) + (fsync ?? NaN);
  const rows = [
    row(
      'call-next ack p50, 10,000 ÷ 0 waiting ≤ 1.25',
      [f.callNextAt10000?.p50, `${n(f.callNextAt10000?.p50)} ms`],
      [f.callNextAt0?.p50, `${n(f.callNextAt0?.p50)} ms at 0`],
      atMost(1.25),
    ),
    row(
      'issue ack p50, 20,000 ÷ 0 waiting ≤ 1.25',
      [f.issueAt20000?.p50, `${n(f.issueAt20000?.p50)} ms`],
      [f.issueAt0?.p50, `${n(f.issueAt0?.p50)} ms at 0`],
      atMost(1.25),
    ),
    row(
      'clerk cycles/s, 8 counters, 5,000 ÷ 0 waiting ≥ 0.8',
      [f.cyclesAt5000?.perSecond, `${n(f.cyclesAt5000?.perSecond, 0)}/s`],
      [f.cyclesAt0?.perSecond, `${n(f.cyclesAt0?.perSecond, 0)}/s at 0`],
      atLeast(0.8),
    ),
    row(
      'ack p99, 1,000 displays ÷ (bare Socket.IO ack p99 + fsync p99) ≤ 1.5',
      [ackP99, `${n(ackP99)} ms issue, 10/s`],
      [bareAckAndFsync, `${n(bareAck)} + ${n(fsync)} = ${n(bareAckAndFsync)} ms`],
      atMost(1.5),
    ),
    row(
      'call → display p99, 1,000 displays ÷ bare broadcast p99 ≤ 1.15',
      [f.delivery1000?.p99, `${n(f.delivery1000?.p99)} ms`],
      [f.rawBroadcast1000?.p99, `${n(f.rawBroadcast1000?.p99)} ms bare`],
      atMost(1.15),
    ),
    row(
      'issue/s, 1,000 displays ≥ 1,000',
      [f.issue1000?.perSecond, `${n(f.issue1000?.perSecond, 0)}/s`],
      [1000, `1000/s (raw inserts: ${n(f.rawSqlite?.perSecond, 0)}/s)`],
      atLeast(1),
    ),
    row(
      'memory per display ÷ bare Socket.IO ≤ 1.2',
      // Read in memory-probe.ts processes after a full collection, both sides alike: what each
      // still holds per connection (heap and buffers); RSS beside it for the record.
      [
        f.memoryHub?.retainedPerConnectionKiB,
        `${n(f.memoryHub?.retainedPerConnectionKiB, 1)} KiB held (rss ${n(f.memoryHub?.rssPerConnectionKiB, 1)})`,
      ],
      [
        f.memoryBare?.retainedPerConnectionKiB,
        `${n(f.memoryBare?.retainedPerConnectionKiB, 1)} KiB bare (rss ${n(f.memoryBare?.rssPerConnectionKiB, 1)})`,
      ],
      atMost(1.2),
    ),
  ];
  for (const displays of [0, 100]) {
    const hub = f[`hubCycles${displays}`]?.perSecond;
    const ref = f[`referenceCycles${displays}`]?.perSecond;
    rows.push(
      row(
        `clerk cycles/s ÷ reference server's, ${displays} displays ≥ 1`,
        [hub, `${n(hub, 0)}/s`],
        [ref, `${n(ref, 0)}/s reference`],
        atLeast(1),
      ),
    );
    const hubMs = f[`hubCallToDisplay${displays}`]?.p50;
    const refMs = f[`referenceCallToDisplay${displays}`]?.p50;
    rows.push(
      row(
        `call → display p50 ÷ reference server's, ${displays} displays ≤ 1`,
        [hubMs, `${n(hubMs)} ms`],
        [refMs, `${n(refMs)} ms reference`],
        atMost(1),
      ),
    );
  }
  return rows;
}
