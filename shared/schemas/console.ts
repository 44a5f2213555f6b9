/**
 * What the console reads and edits: the centre's configuration as a manager
 * sees it (with each row's `version`, so a stale edit is refused), staff,
 * the fee history and the audit trail. Inputs are strict: a name is plain
 * text of bounded length (shown as text, never run), a fee is whole kip.
 */
import { z } from 'zod';
import { EpochMs, Id, ServiceDaySchema } from './entities.js';
import { StaffRoleSchema } from './enums.js';
import type { CentreLogo } from './logo.js';
import type { BookingConfig } from './appointments.js';

/** No control characters and no angle brackets: a name is text, never markup. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^<>\p{Cc}]*$/u, 'plain text');
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^<>\p{Cc}]*$/u, 'plain text');

export const NameSchema = z.strictObject({ lo: Text(120), en: Text(120) });
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a short id: a-z, 0-9, -');
export const Version = z.number().int().positive();
/** Minutes since local midnight. */
const Minute = z.number().int().min(0).max(1440);
export const MAX_FEE_LAK = 100_000_000;

export const FeeReferenceSchema = z.strictObject({
  /** The decree or notice that sets the fee: number and title, in Lao and English. */
  lo: Text(200),
  en: Text(200),
  date: ServiceDaySchema,
});
export type FeeReference = z.infer<typeof FeeReferenceSchema>;

export const OpeningHoursSchema = z
  .strictObject({
    /** 0 Sunday … 6 Saturday. */
    weekday: z.number().int().min(0).max(6),
    opensMin: Minute,
    closesMin: Minute,
    lunchFromMin: Minute.nullable(),
    lunchToMin: Minute.nullable(),
  })
  .refine((h) => h.closesMin > h.opensMin, { path: ['closesMin'], message: 'ends-before-start' })
  .refine((h) => (h.lunchFromMin === null) === (h.lunchToMin === null), {
    path: ['lunchToMin'],
    message: 'lunch-incomplete',
  })
  .refine(
    (h) =>
      h.lunchFromMin === null ||
      h.lunchToMin === null ||
      (h.lunchFromMin > h.opensMin && h.lunchToMin > h.lunchFromMin && h.lunchToMin < h.closesMin),
    { path: ['lunchFromMin'], message: 'lunch-outside-hours' },
  );
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/**
 * A notice's words. Unlike a name it may hold `<` and `>` ("children < 12"): every app shows
 * it as text, never as markup. One paragraph, short enough to read from the back of the hall.
 */
export const NOTICE_TEXT_MAX = 300;
const NoticeText = z
  .string()
  .trim()
  .min(1)
  .max(NOTICE_TEXT_MAX)
  .regex(/^[^\p{Cc}]*$/u, 'plain text');

/** What a notice says and the days it is up (either side open). */
const noticeFields = {
  text: z.strictObject({ lo: NoticeText, en: NoticeText }),
  startsOn: ServiceDaySchema.nullable(),
  endsOn: ServiceDaySchema.nullable(),
};
const endsAfterStart = (n: { startsOn: string | null; endsOn: string | null }) =>
  n.startsOn === null || n.endsOn === null || n.endsOn >= n.startsOn;
const endsBeforeStart = { path: ['endsOn'], message: 'notice-ends-before-start' };

/** A notice for the hall displays and the kiosks, shown from `startsOn` to `endsOn` (either open). */
export const NoticeInputSchema = z
  .strictObject({
    /** Absent: a new notice. */
    id: Id.optional(),
    ...noticeFields,
  })
  .refine(endsAfterStart, endsBeforeStart);
/** A notice as a configuration file carries it: no id, since ids are each hub's own. */
export const NoticeDaysSchema = z
  .strictObject(noticeFields)
  .refine(endsAfterStart, endsBeforeStart);
export type NoticeInput = z.infer<typeof NoticeInputSchema>;
export type NoticeConfig = Omit<NoticeInput, 'id'> & { id: number; version: number };

/** A clip of a voice pack recorded in the console or uploaded (the audio itself is fetched apart). */
export interface VoiceClipInfo {
  lang: 'lo' | 'en';
  clipId: string;
  mime: string;
  sizeBytes: number;
  /** Who recorded or uploaded it; null once that person is gone. */
  recordedBy: string | null;
  at: number;
  version: number;
}

/** A day the whole centre is closed (a national holiday, a closure). */
export const HolidaySchema = z.strictObject({ day: ServiceDaySchema, name: NameSchema });
export type Holiday = z.infer<typeof HolidaySchema>;

export const MinistryInputSchema = z.strictObject({
  id: Slug,
  name: NameSchema,
  sort: z.number().int().min(0).max(999),
});
export const MinistryConfigSchema = MinistryInputSchema.extend({ version: Version });
export type MinistryConfig = z.infer<typeof MinistryConfigSchema>;

const DocumentList = z.array(Text(200)).max(20);

export const ServiceInputSchema = z
  .strictObject({
    id: Slug,
    ministryId: Slug,
    prefix: z.string().regex(/^[A-Z]{1,3}$/, '1 to 3 capital letters'),
    name: NameSchema,
    feeLak: z.number().int().min(0).max(MAX_FEE_LAK),
    /** True: the fee is illustrative, never shown as official. */
    feeIsSample: z.boolean(),
    /** The legal reference of an official fee; required unless the fee is a sample. */
    feeRef: FeeReferenceSchema.nullable(),
    documents: z.strictObject({ lo: DocumentList, en: DocumentList }),
    targetMinutes: z.number().int().min(1).max(600),
    dailyCap: z.number().int().min(1).max(100_000).nullable(),
    /** Weekdays the service is open; a weekday not listed is closed. Empty: always open. */
    hours: z.array(OpeningHoursSchema).max(7),
    asksPriority: z.boolean(),
    /** False: the service issues no tickets (the kiosk shows it as closed). */
    open: z.boolean(),
    sort: z.number().int().min(0).max(999),
  })
  .refine((s) => s.feeIsSample || s.feeRef !== null, { path: ['feeRef'], message: 'required' })
  .refine((s) => new Set(s.hours.map((h) => h.weekday)).size === s.hours.length, {
    path: ['hours'],
    message: 'duplicate-weekday',
  });
export type ServiceInput = z.infer<typeof ServiceInputSchema>;
export type ServiceConfig = ServiceInput & { version: number };

export const CounterInputSchema = z.strictObject({
  /** Absent: a new counter. */
  id: Id.optional(),
  number: z.number().int().min(1).max(999),
  name: NameSchema,
  /** Service ids, best-ranked first; at least one. */
  services: z.array(Slug).min(1).max(50),
  active: z.boolean(),
});
export type CounterInput = z.infer<typeof CounterInputSchema>;
export type CounterConfig = CounterInput & { id: number; version: number };

export const CentreInputSchema = z.strictObject({
  name: NameSchema,
  province: NameSchema,
  district: NameSchema,
  address: z.strictObject({ lo: OptionalText(300), en: OptionalText(300) }),
  timeZone: z.string().min(1).max(64),
  /** The address phones and stations reach the hub by; QR codes point here. Null: where it listens. */
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .max(200)
    .nullable(),
});
export type CentreInput = z.infer<typeof CentreInputSchema>;
/** The logo is not part of the input: its bytes go to `LOGO_PATH` (logo.ts), not over the socket. */
export type CentreConfig = CentreInput & { version: number; logo: CentreLogo | null };

/** A PIN: 6 to 8 digits (4-digit PINs are only for the demo). */
export const NewPinSchema = z.string().regex(/^\d{6,8}$/, '6 to 8 digits');

export const StaffInputSchema = z.strictObject({
  /** Absent: a new person, who gets a temporary PIN. */
  id: Id.optional(),
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'a-z, 0-9, . _ -'),
  name: Text(120),
  role: StaffRoleSchema,
  /** The counters a clerk may open. */
  counters: z.array(Id).max(100),
  active: z.boolean(),
});
export type StaffInput = z.infer<typeof StaffInputSchema>;

export const StaffMemberSchema = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  counters: z.array(Id),
  active: z.boolean(),
  /** Wrong PINs are slowing some desk down at this name until then (a supervisor can clear it). */
  slowedUntil: EpochMs.nullable(),
  pinMustChange: z.boolean(),
  version: Version,
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** Everything the console edits, as it is now. */
export interface ConsoleConfig {
  centre: CentreConfig;
  ministries: MinistryConfig[];
  services: ServiceConfig[];
  counters: CounterConfig[];
  staff: StaffMember[];
  holidays: Holiday[];
  /** Every notice, in force or not, in the order the displays show them. */
  notices: NoticeConfig[];
  /** The clips recorded in the console or uploaded, of every language. */
  voiceClips: VoiceClipInfo[];
  /** Each service's booking settings, and the retention of bookings' personal data. */
  booking: BookingConfig;
}

export interface FeeChange {
  at: number;
  /** Who changed it; null for a change made before staff existed (the seed, setup). */
  staffName: string | null;
  oldFeeLak: number | null;
  newFeeLak: number;
  oldIsSample: boolean | null;
  newIsSample: boolean;
  ref: FeeReference | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  staffName: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'import' | 'setup';
  before: unknown;
  after: unknown;
}

/** The first-run wizard (`POST /api/v1/setup`): the centre and its first manager. */
export const SetupInputSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/),
  centre: CentreInputSchema,
  manager: z.strictObject({
    username: StaffInputSchema.shape.username,
    name: Text(120),
    pin: NewPinSchema,
  }),
});
export type SetupInput = z.infer<typeof SetupInputSchema>;

/** Free space on the hub's disk, for the console's early warning (hub/src/db/disk-space.ts). */
export const DiskSpaceSchema = z.object({
  freeBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  /** Below this much free space the console warns: 1 GiB, or three times the database. */
  lowBytes: z.number().nonnegative(),
  low: z.boolean(),
  checkedAt: EpochMs,
});
export type DiskSpace = z.infer<typeof DiskSpaceSchema>;
