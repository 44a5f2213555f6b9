/**
 * Every feature of the hub, built from the database, the clock and the
 * configuration, in the order their doors run: stores first, then the
 * services that use them, then the read models and the handlers that
 * answer with them. app.ts adds the transport.
 */
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Handlers } from './handler.js';
import { createDiskWatch, type DiskWatch, type StatFs } from './db/disk-space.js';
import type { Db } from './db/open.js';
import type { Clock } from './clock.js';
import { createCommits } from './changes/commits.js';
import { createAudit } from './config/audit.js';
import { createConfigSource } from './config/config.js';
import { createConfigEditor, editInForce } from './config/config-editor.js';
import { configHandlers } from './config/config-handlers.js';
import { holidayHandlers } from './config/holidays.js';
import { noticeHandlers } from './config/notices.js';
import { createConfigStore } from './config/config-store.js';
import { createConfigTransfer } from './config/config-import.js';
import { configTransferHandlers } from './config/config-transfer-handlers.js';
import { createFeeHistory } from './config/fee-history.js';
import { createServiceDay } from './day/service-day.js';
import { createCounterStore } from './counters/counter-store.js';
import { createCounterService } from './counters/counter-service.js';
import { createCounterStats } from './counters/counter-stats.js';
import { counterHandlers } from './counters/counter-handlers.js';
import { createDesks } from './counters/desks.js';
import { createDeviceAuth } from './devices/devices.js';
import { deviceHandlers } from './devices/device-handlers.js';
import { createDeviceService } from './devices/device-service.js';
import { createDeviceStore } from './devices/device-store.js';
import { createDevicePresence } from './devices/presence.js';
import { createFeedbackStore, feedbackHandlers } from './feedback/feedback.js';
import { createPrintAgents } from './print/agents.js';
import { createPrinterAdmin } from './print/printer-admin.js';
import { printerHandlers } from './print/printer-handlers.js';
import { createPrinting } from './print/printing.js';
import type { SpoolTiming } from './print/spooler.js';
import { createStaffAuth, type StaffAuth } from './staff/staff-auth.js';
import { createStaffAdmin } from './staff/staff-admin.js';
import { createStaffCutoff } from './staff/staff-cutoff.js';
import { staffAdminHandlers } from './staff/staff-admin-handlers.js';
import { staffHandlers } from './staff/staff-handlers.js';
import { createStaffSessions } from './staff/staff-sessions.js';
import { createCallPolicy } from './tickets/call-policy.js';
import { createLifecycle } from './tickets/lifecycle.js';
import { createRollover } from './tickets/rollover.js';
import { createStandings } from './tickets/standing.js';
import { ticketHandlers } from './tickets/ticket-handlers.js';
import { createTicketService } from './tickets/ticket-service.js';
import { createTicketStore } from './tickets/ticket-store.js';
import { createViews } from './views/views.js';
import { createVoiceClips } from './voice/voice-clips.js';
import type { SerialPortFactory } from '../../shared/printer/transports.js';
import { centralHandlers } from './central/central-handlers.js';
import {
  createCentralLink,
  dailyRecordsTable,
  type DailyRecordSource,
} from './central/central-link.js';

export interface FeatureOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  publicUrl?: string;
  printing?: { timing?: Partial<SpoolTiming>; serialPort?: SerialPortFactory };
  /** When the console is warned of low disk space, and how it is read (tests). */
  disk?: { lowBytes?: number; statfs?: StatFs };
  /** Where the daily records the outbox sends come from; the `daily_records` table when absent. */
  dailyRecords?: DailyRecordSource;
}

/** What the queue is made of: its state, and the services that change it. */
function queueFeatures({ db, clock, log, publicUrl }: FeatureOptions) {
  const commits = createCommits(db);
  const config = createConfigSource(db, publicUrl);
  const day = createServiceDay(db, clock, config);
  const tickets = createTicketStore(db);
  const counterStore = createCounterStore(db);
  const counters = createCounterService({ clock, commits, config, counters: counterStore });
  const standings = createStandings({ clock, tickets, counters: counterStore });
  const policy = createCallPolicy({ config, day, tickets });
  const base = { clock, commits, config, day, tickets, standings, policy, counters };
  const lifecycle = createLifecycle(base);
  return {
    ...base,
    counterStore,
    ticketService: createTicketService(base),
    rollover: createRollover({ ...base, lifecycle, log }),
    desks: createDesks({ counters, store: counterStore }),
  };
}

/** The console's side: editing the configuration and the staff accounts, with their audit. */
function consoleFeatures(
  { db, clock }: FeatureOptions,
  queue: ReturnType<typeof queueFeatures>,
  auth: StaffAuth,
) {
  const audit = createAudit(db, clock);
  const store = createConfigStore(db);
  const voiceClips = createVoiceClips(db, clock, audit);
  const staffCutoff = createStaffCutoff();
  const staffAdmin = createStaffAdmin({
    db,
    clock,
    commits: queue.commits,
    audit,
    cutoff: staffCutoff,
    throttle: auth.throttle,
  });
  const fees = createFeeHistory(db, clock);
  const editor = createConfigEditor({ ...queue, store, audit, fees });
  const transfer = createConfigTransfer({
    ...queue,
    db,
    store,
    audit,
    fees,
    today: () => queue.day.current(),
  });
  const presence = createDevicePresence();
  const deviceService = createDeviceService({
    db,
    clock,
    store: createDeviceStore(db),
    audit,
    presence,
  });
  return {
    audit,
    editor,
    voiceClips,
    presence,
    staffCutoff,
    deviceService,
    handlers: {
      ...configHandlers({ editor, store, audit, staffAdmin, config: queue.config, voiceClips }),
      ...holidayHandlers({ db, commits: queue.commits, config: queue.config, audit }),
      ...noticeHandlers({ db, commits: queue.commits, config: queue.config, audit }),
      ...staffAdminHandlers({ auth, admin: staffAdmin }),
      ...deviceHandlers(deviceService, (work) => editInForce(queue, work)),
      ...configTransferHandlers(transfer),
    },
  };
}

/** The console asks for a fresh reading of the hub's free disk space (supervisors and managers). */
const diskSpaceHandlers = (disk: DiskWatch): Handlers<'hub:disk-space'> => ({
  'hub:disk-space': (ctx) => (ctx.staff(), disk.check()),
});

export function createFeatures(opts: FeatureOptions) {
  const { db, clock } = opts;
  const queue = queueFeatures(opts);
  const feedback = createFeedbackStore(db);
  const views = createViews({ ...queue, counters: queue.counterStore, feedback });
  const staff = createStaffAuth(db, clock, opts.log);
  const agents = createPrintAgents();
  const printing = createPrinting({ ...opts, ...queue, agents, ...opts.printing });
  const consoleSide = consoleFeatures(opts, queue, staff);
  const sessions = createStaffSessions(db, clock);
  const disk = createDiskWatch({
    dir: db.memory ? process.cwd() : dirname(db.name),
    file: db.memory ? null : db.name,
    log: opts.log,
    clock,
    ...opts.disk,
  });
  const printerAdmin = createPrinterAdmin({
    ...queue,
    audit: consoleSide.audit,
    store: printing.printStore,
    spooler: printing.spooler,
  });
  const inForce = <T>(work: () => T): T => editInForce(queue, work);
  const central = createCentralLink({
    db,
    clock,
    log: opts.log,
    records: opts.dailyRecords ?? dailyRecordsTable(db),
    inForce,
  });
  const handlers = {
    ...consoleSide.handlers,
    ...centralHandlers({ db, link: central, audit: consoleSide.audit, inForce }),
    ...diskSpaceHandlers(disk),
    ...printerHandlers(printerAdmin),
    ...ticketHandlers(queue.ticketService),
    ...counterHandlers({ ...queue, stats: createCounterStats(db), views }),
    ...staffHandlers({ auth: staff, sessions, desks: queue.desks }),
    ...feedbackHandlers({ ...queue, feedback }),
  };
  return {
    ...queue,
    views,
    staff,
    sessions,
    agents,
    printing,
    disk,
    handlers,
    configEditor: consoleSide.editor,
    voiceClips: consoleSide.voiceClips,
    /** Runs `work` as one edit of the configuration in force (config-editor.ts). */
    inForce,
    central,
    devices: createDeviceAuth(db, clock),
    presence: consoleSide.presence,
    staffCutoff: consoleSide.staffCutoff,
    deviceService: consoleSide.deviceService,
  };
}

export type Features = ReturnType<typeof createFeatures>;
