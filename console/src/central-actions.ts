/**
 * The National link screen's requests: the link's state (read again every
 * little while, since the outbox drains by itself), enrolling with the
 * ministry's code, a sync now, and mapping a local service to a national one.
 */
import { create } from 'zustand';
import type { CentralLinkStatus, ServiceConfig } from '../../shared/protocol.js';
import { request } from './config-actions.js';
import { ask } from './connection.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';

interface CentralState {
  status: CentralLinkStatus | null;
}

export const useCentralStore = create<CentralState>()(() => ({ status: null }));

export async function loadCentral(): Promise<void> {
  const ack = await ask((h) => h.request('central:status', {}));
  if (ack?.ok) useCentralStore.setState({ status: ack.data });
  else useConsoleStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
}

const keep = (status: CentralLinkStatus | null) => {
  if (status) useCentralStore.setState({ status });
  return status !== null;
};

export async function enrolCentral(url: string, code: string): Promise<boolean> {
  return keep(
    await request('central', (h) =>
      h.request('central:enrol', { url: url.trim(), code: code.trim() }),
    ),
  );
}

export async function syncCentral(): Promise<void> {
  keep(await request('central', (h) => h.request('central:sync', {})));
}

export async function mapService(service: ServiceConfig, nationalCode: string | null) {
  keep(
    await request('central', (h) =>
      h.request('central:map-service', {
        serviceId: service.id,
        nationalCode,
        version: service.version,
      }),
    ),
  );
}

/** The national fee in force on `day` for `code`, and the next one announced after it. */
export function nationalFeeOn(status: CentralLinkStatus, code: string, day: string) {
  const rows = status.nationalFees.filter((f) => f.code === code);
  const inForce = rows.filter((f) => f.effectiveOn <= day).at(-1) ?? null;
  const next = rows.find((f) => f.effectiveOn > day) ?? null;
  return { inForce, next };
}
