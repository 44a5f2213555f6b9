/**
 * The console's appointment settings: per service (bookable, slot length,
 * cap per slot, days ahead, the check-in window) and the centre's retention
 * of personal data. Managers change them, each in one audited transaction
 * that refuses a stale edit and tells every client the configuration
 * changed; supervisors read them with the rest (`config:get`).
 */
import type { Audit } from '../config/audit.js';
import { serviceIn, type ConfigSource } from '../config/config.js';
import { HubError } from '../hub-error.js';
import type { Handlers } from '../handler.js';
import type { BookingStore } from './booking-store.js';
import type { BookingConfig, ServiceConfig } from '../../../shared/protocol.js';

export interface BookingAdminDeps {
  store: BookingStore;
  audit: Audit;
  config: ConfigSource;
  /** Runs an edit of the configuration in force (config-editor.ts `editInForce`). */
  inForce: <T>(work: () => T) => T;
}

/** What `config:get` carries of appointments: every service's settings, and the retention. */
export function bookingConfig(
  store: BookingStore,
  services: readonly ServiceConfig[],
): BookingConfig {
  return {
    services: services.map((s) => store.settings(s.id)),
    retention: store.retention(),
  };
}

export function bookingAdminHandlers(
  deps: BookingAdminDeps,
): Handlers<'config:booking-save' | 'config:retention-save'> {
  const { store, audit, inForce } = deps;
  return {
    'config:booking-save': (ctx, { serviceId, booking, version }) => {
      const staffId = ctx.manager().id;
      const svc = serviceIn(deps.config.current(), serviceId);
      if (booking.bookable && svc.hours.length === 0) {
        throw new HubError(
          'invalid-request',
          'Set the opening hours before taking bookings',
          undefined,
          {
            fields: [{ path: 'booking.bookable', issue: 'needs-hours' }],
          },
        );
      }
      return inForce(() => {
        const before = store.settings(svc.id);
        if (before.version === null && version !== null) {
          audit.checkVersion('booking-settings', svc.id, 0, version);
        } else if (before.version !== null) {
          audit.checkVersion('booking-settings', svc.id, before.version, version ?? 0);
        }
        store.saveSettings(svc.id, booking);
        const after = store.settings(svc.id);
        audit.record({
          staffId,
          entity: 'booking-settings',
          entityId: svc.id,
          action: before.version === null ? 'create' : 'update',
          before: before.version === null ? null : before,
          after,
        });
        return after;
      });
    },
    'config:retention-save': (ctx, { retention, version }) => {
      const staffId = ctx.manager().id;
      return inForce(() => {
        const before = store.retention();
        audit.checkVersion('booking-retention', 'centre', before.version, version);
        store.saveRetention(retention.days);
        const after = store.retention();
        audit.record({
          staffId,
          entity: 'booking-retention',
          entityId: 'centre',
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },
  };
}
