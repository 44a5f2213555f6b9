/**
 * The hub's free disk space, asked every minute while a supervisor or a
 * manager is in the console: when it runs low, the console says so on every
 * screen, long before a full disk stops every save (docs/operations.md
 * "A full disk").
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { DiskSpace } from '../../shared/protocol.js';
import { ask } from './connection.js';

export const DISK_POLL_MS = 60_000;

export const useDiskStore = create<{ disk: DiskSpace | null }>()(() => ({ disk: null }));

export async function readDiskSpace(): Promise<void> {
  const ack = await ask((h) => h.request('hub:disk-space', {}));
  // An unanswered question keeps the last reading: the connection banner says the rest.
  if (ack?.ok) useDiskStore.setState({ disk: ack.data });
}

/** Reads now and every minute while `on` (logged in, connected). */
export function useDiskSpacePolling(on: boolean): void {
  useEffect(() => {
    if (!on) return undefined;
    void readDiskSpace();
    const timer = setInterval(() => void readDiskSpace(), DISK_POLL_MS);
    return () => clearInterval(timer);
  }, [on]);
}

/** "850 MB" / "3.2 GB": decimal units, as disks are sold and `df -H` prints. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.max(0, Math.floor(bytes / 1e6))} MB`;
}
