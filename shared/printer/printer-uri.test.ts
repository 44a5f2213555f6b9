import { describe, expect, it } from 'vitest';
import { parsePrinterUri, PrinterUriError } from './printer-uri.js';

describe('parsePrinterUri', () => {
  it('reads each kind of printer address', () => {
    expect(parsePrinterUri('tcp://192.168.1.50:9100')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parsePrinterUri('tcp://printer.local')).toEqual({
      kind: 'tcp',
      host: 'printer.local',
      port: 9100,
    });
    expect(parsePrinterUri('serial:/dev/ttyUSB0?baud=115200')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 115_200,
    });
    expect(parsePrinterUri('serial:/dev/ttyS0')).toEqual({
      kind: 'serial',
      path: '/dev/ttyS0',
      baudRate: 115_200,
    });
    expect(parsePrinterUri('serial:/dev/ttyACM0?baud=9600')).toMatchObject({ baudRate: 9600 });
    expect(parsePrinterUri('usblp:/dev/usb/lp0')).toEqual({ kind: 'usblp', path: '/dev/usb/lp0' });
    expect(parsePrinterUri(' station ')).toEqual({ kind: 'station' });
  });

  it('refuses what is not a printer address, saying what to write instead', () => {
    for (const bad of [
      '',
      'lpt1',
      'http://192.168.1.50:9100',
      'tcp://',
      'tcp://host:9100/path',
      'serial:/dev/ttyUSB0?baud=12345',
      'serial:/dev/ttyUSB0?parity=even',
      'serial:/etc/passwd',
      'serial:/dev/../etc/passwd',
      'usblp:lp0',
    ]) {
      expect(() => parsePrinterUri(bad), bad).toThrow(PrinterUriError);
    }
    expect(() => parsePrinterUri('lpt1')).toThrow(/tcp:\/\/HOST:9100/);
  });
});
