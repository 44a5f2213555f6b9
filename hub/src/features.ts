/**
 * Every feature of the hub, built from the database, the clock and the
 * configuration, in the order their doors run: stores first, then the
 * services that use them, then the read models and the handlers that
 * answer with them. app.ts adds the transport.
 */
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Handlers } from './handler.js';
import { DEFAULT_TOKEN_RATE, type TokenRate } from './api/token-rate.js';
import { createDiskWatch, type DiskWatch, type StatFs } from './db/disk-space.js';
import type { Db } from './db/open.js';
import type { Clock } from './clock.js';
import { createCommits } from './changes/commits.js';
import { createAudit, type Audit } from './config/audit.js';
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
import { createAlerts, DEFAULT_ALERT_TIMING, type AlertTiming } from './floor/alerts.js';
import { createFloorActions } from './floor/floor-actions.js';
import { floorHandlers } from './floor/floor-handlers.js';
import { createFloorStore } from './floor/floor-store.js';
import { createPrintAgents } from './print/agents.js';
import { createPrinterAdmin, type PrinterAdmin } from './print/printer-admin.js';
import { printerHandlers } from './print/printer-handlers.js';
import { createPrinting, type Printing } from './print/printing.js';
import type { SpoolTiming } from './print/spooler.js';
import { createStaffAuth, type StaffAuth } from './staff/staff-auth.js';
import { createStaffAdmin } from './staff/staff-admin.js';
import { createStaffCutoff } from './staff/staff-cutoff.js';
import { staffAdminHandlers } from './staff/staff-admin-handlers.js';
import { staffHandlers } from './staff/staff-handlers.js';
import { createStaffSessions } from './staff/staff-sessions.js';
import { createCallPolicy } from './tickets/call-policy.js';
import { createLifecycle } from './tickets/lifecycle.js';
import { createMinistryTokens } from './reports/ministry-tokens.js';
import { createComments } from './reports/comments.js';
import { createDailyRecords } from './reports/daily-records.js';
import { reportHandlers } from './reports/report-handlers.js';
import { createReportStore } from './reports/report-store.js';
import { createReports } from './reports/reports.js';
import { createRollover } from './tickets/rollover.js';
import { createStandings } from './tickets/standing.js';
import type { IssueDeps } from './tickets/issue.js';
import { ticketHandlers } from './tickets/ticket-handlers.js';
import { createTicketService } from './tickets/ticket-service.js';
import { createTicketStore } from './tickets/ticket-store.js';
import { createViews, type Views } from './views/views.js';
import { createVoiceClips } from './voice/voice-clips.js';
import type { WebhookTiming } from './webhooks/webhook-dispatcher.js';
import { integrationFeatures } from './api/integration-features.js';
import { appointmentFeatures } from './appointments/appointment-features.js';
import type { BookingRate } from './appointments/booking-rate.js';
import { bookingConfig } from './appointments/booking-admin.js';
import { createBookingStore } from './appointments/booking-store.js';
import type { SerialPortFactory } from '../../shared/printer/transports.js';
import { centralFeatures } from './central/central-features.js';
import type { DailyRecordSource } from './central/central-link.js';

export interface FeatureOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  publicUrl?: string;
  printing?: { timing?: Partial<SpoolTiming>; serialPort?: SerialPortFactory };
  /** When the console is warned of low disk space, and how it is read (tests). */
  disk?: { lowBytes?: number; statfs?: StatFs };
  /** How often the floor's alerts are checked, and when an empty counter counts as idle. */
  alerts?: Partial<AlertTiming>;
  /** Each API token's request budget (tests make it small). */
  apiRate?: Partial<TokenRate>;
  /** How webhook deliveries are tried (tests make the waits short). */
  webhooks?: Partial<WebhookTiming>;
  /** Where the daily records the outbox sends come from; the `daily_records` table when absent. */
  dailyRecords?: DailyRecordSource;
  /** How often citizens may book and check in (tests make it small). */
  bookingRate?: Partial<BookingRate>;
}

/** What the queue is made of: its state, and the services that change it. */
function queueFeatures({ db, clock, log, publicUrl }: FeatureOptions) {
  const commits = createCommits(db);
  const config = createConfigSource(db, publicUrl);
  const day = createServiceDay(db, clock, config);
  const tickets = createTicketStore(db);
  const counterStore = createCounterStore(db);
  const counters = createCounterService({ clock, commits, config, counters: counterStore });
  const policy = createCallPolicy({ config, day, tickets, commits });
  const standings = createStandings({ clock, tickets, counters: counterStore, policy });
  const base = { clock, commits, config, day, tickets, standings, policy, counters };
  const lifecycle = createLifecycle(base);
  const reportStore = createReportStore(db);
  const reports = createReports(db, reportStore);
  const dailyRecords = createDailyRecords(db, reports);
  const dayEnds: ((today: string) => void)[] = [];
  return {
    ...base,
    counterStore,
    issuing: { ...base, lifecycle } satisfies IssueDeps,
    reportStore,
    reports,
    dailyRecords,
    ticketService: createTicketService(base),
    dayEnds,
    bookingStore: createBookingStore(db),
    rollover: createRollover({ ...base, lifecycle, records: dailyRecords, dayEnds, log }),
    desks: createDesks({ counters, store: counterStore }),
  };
}

/** The paired devices: who is online, and the console's device list. */
function deviceFeatures(db: Db, clock: Clock, audit: Audit) {
  const presence = createDevicePresence();
  const store = createDeviceStore(db);
  return { presence, deviceService: createDeviceService({ db, clock, store, audit, presence }) };
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
  const { presence, deviceService } = deviceFeatures(db, clock, audit);
  const comments = createComments(db, clock, audit, queue.reportStore);
  const ministryTokens = createMinistryTokens(db, clock, audit);
  return {
    audit,
    editor,
    ministryTokens,
    voiceClips,
    presence,
    staffCutoff,
    staffAdmin,
    deviceService,
    handlers: {
      ...configHandlers({
        editor,
        store,
        audit,
        staffAdmin,
        config: queue.config,
        voiceClips,
        booking: () => bookingConfig(queue.bookingStore, store.services()),
      }),
      ...holidayHandlers({ db, commits: queue.commits, config: queue.config, audit }),
      ...noticeHandlers({ db, commits: queue.commits, config: queue.config, audit }),
      ...staffAdminHandlers({ auth, admin: staffAdmin }),
      ...deviceHandlers(deviceService, (work) => editInForce(queue, work)),
      ...configTransferHandlers(transfer),
      ...reportHandlers({ reports: queue.reports, comments, tokens: ministryTokens }),
    },
  };
}

/** The console asks for a fresh reading of the hub's free disk space (supervisors and managers). */
const diskSpaceHandlers = (disk: DiskWatch): Handlers<'hub:disk-space'> => ({
  'hub:disk-space': (ctx) => (ctx.staff(), disk.check()),
});

/** The live floor: its alerts (started by app.ts), what it reads, and what it does. */
function floorFeatures(
  opts: FeatureOptions,
  deps: ReturnType<typeof queueFeatures> & {
    views: Views;
    printing: Printing;
    consoleSide: ReturnType<typeof consoleFeatures>;
    printerAdmin: PrinterAdmin;
  },
) {
  const floor = createFloorStore(opts.db);
  const alerts = createAlerts({
    clock: opts.clock,
    log: opts.log,
    config: deps.config,
    counters: deps.counterStore,
    floor,
    printers: deps.printing.views,
    timing: { ...DEFAULT_ALERT_TIMING, ...opts.alerts },
  });
  deps.commits.listen({ committed: () => alerts.soon() });
  const actions = createFloorActions({
    ...deps,
    db: opts.db,
    audit: deps.consoleSide.audit,
    cutoff: deps.consoleSide.staffCutoff,
    floor,
  });
  const staffAdmin = deps.consoleSide.staffAdmin;
  return { alerts, handlers: floorHandlers({ ...deps, floor, alerts, actions, staffAdmin }) };
}

/** The printers: the kiosks' own agents, the spooler, and the console's printer admin. */
function printingFeatures(
  opts: FeatureOptions,
  queue: ReturnType<typeof queueFeatures>,
  audit: Audit,
) {
  const agents = createPrintAgents();
  const printing = createPrinting({ ...opts, ...queue, agents, ...opts.printing });
  const printerAdmin = createPrinterAdmin({
    ...queue,
    audit,
    store: printing.printStore,
    spooler: printing.spooler,
  });
  return { agents, printing, printerAdmin };
}

/** The free space where the database lives (an in-memory one is watched from here). */
const diskWatchFor = ({ db, clock, log, disk }: FeatureOptions) =>
  createDiskWatch({
    dir: db.memory ? process.cwd() : dirname(db.name),
    file: db.memory ? null : db.name,
    log,
    clock,
    ...disk,
  });

export function createFeatures(opts: FeatureOptions) {
  const { db, clock } = opts;
  const queue = queueFeatures(opts);
  const feedback = createFeedbackStore(db);
  const views = createViews({ ...queue, counters: queue.counterStore, feedback });
  const staff = createStaffAuth(db, clock, opts.log);
  const consoleSide = consoleFeatures(opts, queue, staff);
  const { agents, printing, printerAdmin } = printingFeatures(opts, queue, consoleSide.audit);
  const sessions = createStaffSessions(db, clock);
  const disk = diskWatchFor(opts);
  const floor = floorFeatures(opts, { ...queue, views, printing, consoleSide, printerAdmin });
  const integration = integrationFeatures(opts, queue, consoleSide.audit);
  const inForce = <T>(work: () => T): T => editInForce(queue, work);
  const appointments = appointmentFeatures({
    ...opts,
    ...queue,
    audit: consoleSide.audit,
    outbox: integration.outbox,
    inForce,
    ...(opts.bookingRate && { rate: opts.bookingRate }),
  });
  const central = centralFeatures(opts, consoleSide.audit, inForce);
  const handlers = {
    ...consoleSide.handlers,
    ...floor.handlers,
    ...integration.handlers,
    ...appointments.handlers,
    ...central.handlers,
    ...diskSpaceHandlers(disk),
    ...printerHandlers(printerAdmin),
    ...ticketHandlers(queue.ticketService, queue.commits),
    ...counterHandlers({ ...queue, stats: createCounterStats(db), views }),
    ...staffHandlers({ auth: staff, sessions, desks: queue.desks }),
    ...feedbackHandlers({ ...queue, feedback, rated: (day) => queue.reports.facts.refresh(day) }),
  };
  return {
    ...queue,
    views,
    staff,
    sessions,
    agents,
    printing,
    disk,
    alerts: floor.alerts,
    handlers,
    configEditor: consoleSide.editor,
    voiceClips: consoleSide.voiceClips,
    /** Runs `work` as one edit of the configuration in force (config-editor.ts). */
    inForce,
    central: central.link,
    devices: createDeviceAuth(db, clock),
    presence: consoleSide.presence,
    staffCutoff: consoleSide.staffCutoff,
    deviceService: consoleSide.deviceService,
    apiTokens: integration.apiTokens,
    apiRate: { ...DEFAULT_TOKEN_RATE, ...opts.apiRate },
    webhookDispatcher: integration.dispatcher,
    ministryTokens: consoleSide.ministryTokens,
    appointments,
  };
}

export type Features = ReturnType<typeof createFeatures>;
