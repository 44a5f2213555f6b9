import { describe, expect, it } from 'vitest';
import { handlePrintJob } from './print-agent.js';
import { PrintError, type PrinterLink } from '../shared/printer/printer-link.js';
import type { PrinterStatus } from '../shared/protocol.js';

/**
 * A printer link that records what it was sent and reports the statuses given, in turn.
 * `fail`: the job's bytes could not be written, or went out and were never confirmed.
 */
function fakeLink(statuses: PrinterStatus[], fail?: 'write' | 'confirm') {
  const written: Buffer[] = [];
  const link: PrinterLink = {
    status: async () => statuses.shift() ?? 'offline',
    async write(data) {
      written.push(Buffer.from(data));
    },
    async print(data) {
      if (fail === 'write') throw new Error('EIO');
      written.push(Buffer.from(data));
      if (fail === 'confirm') throw new PrintError('no answer to GS r', true);
    },
    close: async () => {},
    closed: false,
  };
  return { link, written, open: async () => link };
}

const job = (data: string) => ({ jobId: 7, printerId: 2, data });

describe('handlePrintJob', () => {
  it('writes the job to a printer that can print and answers with the status after it', async () => {
    const p = fakeLink(['ok', 'paper-near-end']);
    const ack = await handlePrintJob(
      job(Buffer.from([0x1b, 0x40, 0x41]).toString('base64')),
      p.open,
    );
    expect(ack).toEqual({ printed: true, sent: true, status: 'paper-near-end' });
    expect(p.written).toEqual([Buffer.from([0x1b, 0x40, 0x41])]);
  });

  it('writes nothing to a printer out of paper, and says so', async () => {
    const p = fakeLink(['paper-out']);
    expect(await handlePrintJob(job('G0A='), p.open)).toEqual({
      printed: false,
      sent: false,
      status: 'paper-out',
    });
    expect(p.written).toEqual([]);
  });

  it('only reports the status for a job with no data', async () => {
    const p = fakeLink(['cover-open']);
    expect(await handlePrintJob(job(''), p.open)).toEqual({
      printed: false,
      sent: false,
      status: 'cover-open',
    });
    expect(p.written).toEqual([]);
  });

  it('refuses what is not a print job, and reports a printer it cannot open or write to', async () => {
    const p = fakeLink(['ok']);
    for (const bad of [null, {}, { jobId: -1, printerId: 1, data: '' }, job('not base64!')]) {
      expect(await handlePrintJob(bad, p.open)).toMatchObject({
        printed: false,
        error: 'not a print job',
      });
    }
    expect(p.written).toEqual([]);
    const unplugged = await handlePrintJob(job('QQ=='), () =>
      Promise.reject(new Error('ENOENT /dev/ttyUSB0')),
    );
    expect(unplugged).toMatchObject({ printed: false, status: 'offline' });
    expect(unplugged.error).toMatch(/ENOENT/);
    const broken = fakeLink(['ok'], 'write');
    expect(await handlePrintJob(job('QQ=='), broken.open)).toMatchObject({
      printed: false,
      sent: true,
      status: 'offline',
    });
  });

  it('does not call a job printed that the printer never confirmed, and says it went out', async () => {
    const p = fakeLink(['ok', 'offline'], 'confirm');
    const ack = await handlePrintJob(job('QQ=='), p.open);
    expect(ack).toMatchObject({ printed: false, sent: true, status: 'offline' });
    expect(ack.error).toMatch(/GS r/);
    expect(p.written).toEqual([Buffer.from('A')]);
  });
});
