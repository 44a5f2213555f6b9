/**
 * Where a printer is, written as one URI (stored in `printers.uri`, given to
 * `--printer`, typed into a station's setup):
 *
 *   tcp://192.168.1.50:9100           a network printer (raw port 9100)
 *   serial:/dev/ttyUSB0?baud=115200   a serial or USB-serial printer
 *   usblp:/dev/usb/lp0                a USB printer through Linux's usblp driver
 *   station                           the kiosk station's own printer, through its agent
 */
export const DEFAULT_TCP_PORT = 9100;
export const DEFAULT_BAUD = 115_200;
const BAUD_RATES = [9600, 19_200, 38_400, 57_600, 115_200] as const;

export type PrinterUri =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'usblp'; path: string }
  | { kind: 'station' };

export class PrinterUriError extends Error {
  constructor(uri: string, problem: string) {
    super(
      `Printer address "${uri}": ${problem}. Use tcp://HOST:9100, ` +
        'serial:/dev/ttyUSB0?baud=115200, usblp:/dev/usb/lp0 or station.',
    );
  }
}

function devicePath(uri: string, path: string): string {
  if (!/^\/dev\/[\w./-]+$/.test(path) || path.includes('..')) {
    throw new PrinterUriError(uri, `${path || 'an empty path'} is not a device under /dev`);
  }
  return path;
}

function parseSerial(uri: string): PrinterUri {
  const [path = '', query = ''] = uri.slice('serial:'.length).split('?', 2);
  const params = new URLSearchParams(query);
  const unknown = [...params.keys()].filter((k) => k !== 'baud');
  if (unknown.length > 0) throw new PrinterUriError(uri, `unknown option ${unknown.join(', ')}`);
  const baud = params.get('baud');
  const baudRate = baud === null ? DEFAULT_BAUD : Number(baud);
  if (!BAUD_RATES.some((b) => b === baudRate)) {
    throw new PrinterUriError(uri, `baud must be one of ${BAUD_RATES.join(', ')}`);
  }
  return { kind: 'serial', path: devicePath(uri, path), baudRate };
}

function parseTcp(uri: string): PrinterUri {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new PrinterUriError(uri, 'not a valid address');
  }
  if (!url.hostname) throw new PrinterUriError(uri, 'no host');
  if ((url.pathname && url.pathname !== '/') || url.search || url.username) {
    throw new PrinterUriError(uri, 'only a host and a port are allowed');
  }
  const port = url.port === '' ? DEFAULT_TCP_PORT : Number(url.port);
  return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

export function parsePrinterUri(uri: string): PrinterUri {
  const text = uri.trim();
  if (text === 'station') return { kind: 'station' };
  if (text.startsWith('tcp://')) return parseTcp(text);
  if (text.startsWith('serial:')) return parseSerial(text);
  if (text.startsWith('usblp:')) {
    return { kind: 'usblp', path: devicePath(text, text.slice('usblp:'.length)) };
  }
  throw new PrinterUriError(text, 'unknown kind');
}
