/**
 * What the hub says when it refuses a damaged database at start: what is
 * wrong, the newest backup that passes its check, and how to put it back
 * (docs/operations.md "A damaged database").
 */
import { basename } from 'node:path';
import type { DamagedDatabaseError } from '../db/open.js';
import { newestGoodBackup } from './backup.js';

export function restoreAdvice(err: DamagedDatabaseError, backupDir: string): string {
  const good = newestGoodBackup(backupDir);
  const lines = [
    `${err.message}.`,
    'The hub will not serve from it, nor back it up over a good copy.',
    good === null
      ? `No backup in ${backupDir} passes its check: keep the damaged file for recovery and see docs/operations.md "A damaged database".`
      : `The newest good backup is ${basename(good)}. To restore it, with the hub stopped:`,
  ];
  if (good !== null) {
    lines.push(
      `  mv ${err.file} ${err.file}.damaged && rm -f ${err.file}-wal ${err.file}-shm`,
      `  cp ${good} ${err.file}`,
      'then start the hub again. Tickets issued since that backup are not in it.',
    );
  }
  return lines.join('\n');
}
