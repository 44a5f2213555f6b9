/**
 * The console's configuration events. Supervisors and managers read it (and
 * the fee history and the audit); only managers change it.
 */
import type { ConfigSource } from './config.js';
import type { Handlers } from '../handler.js';
import type { StaffAdmin } from '../staff/staff-admin.js';
import type { Audit } from './audit.js';
import type { ConfigEditor } from './config-editor.js';
import type { ConfigStore } from './config-store.js';
import type { VoiceClips } from '../voice/voice-clips.js';
import type { BookingConfig, ConsoleConfig } from '../../../shared/protocol.js';

type ConfigEvent =
  | 'config:get'
  | 'config:ministry-save'
  | 'config:service-save'
  | 'config:counter-save'
  | 'config:centre-save'
  | 'config:fee-history'
  | 'config:audit';

export function configHandlers(deps: {
  editor: ConfigEditor;
  store: ConfigStore;
  audit: Audit;
  staffAdmin: StaffAdmin;
  config: ConfigSource;
  voiceClips: VoiceClips;
  /** Appointments' settings (appointments/booking-admin.ts). */
  booking: () => BookingConfig;
}): Handlers<ConfigEvent> {
  const { editor, store, audit, staffAdmin, config, voiceClips } = deps;
  return {
    'config:get': (ctx) => {
      ctx.staff();
      const centre = store.centre();
      if (!centre) throw new Error('a running hub has a centre');
      return {
        centre,
        ministries: store.ministries(),
        services: store.services(),
        counters: store.counters(),
        staff: staffAdmin.list(),
        holidays: config.current().holidays,
        notices: config.current().notices,
        voiceClips: voiceClips.list(),
        booking: deps.booking(),
      } satisfies ConsoleConfig;
    },
    'config:ministry-save': (ctx, { ministry, version }) =>
      editor.saveMinistry(ctx.manager().id, ministry, version),
    'config:service-save': (ctx, { service, version }) =>
      editor.saveService(ctx.manager().id, service, version),
    'config:counter-save': (ctx, { counter, version }) =>
      editor.saveCounter(ctx.manager().id, counter, version),
    'config:centre-save': (ctx, { centre, version }) =>
      editor.saveCentre(ctx.manager().id, centre, version),
    'config:fee-history': (ctx, { serviceId }) => {
      ctx.staff();
      return editor.feeHistory(serviceId);
    },
    'config:audit': (ctx, filter) => {
      ctx.staff();
      return audit.list(filter);
    },
  };
}
