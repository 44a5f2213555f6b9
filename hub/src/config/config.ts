/**
 * The centre's configuration (services, ministries, counters), read once and
 * again whenever it changes. It changes rarely; every ticket needs it.
 */
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { notFound } from '../hub-error.js';
import { logoFromColumn, type LoadedLogo } from './logo-image.js';
import { applyNationalFees } from './national-fees.js';
import {
  type Centre,
  type FeeReference,
  type NoticeConfig,
  type Holiday,
  type Localized,
  type OpeningHours,
  type LocalizedList,
} from '../../../shared/protocol.js';
import { DEFAULT_PRIORITY_EVERY } from '../../../shared/domain/next-ticket.js';

export const CentreSettingsSchema = z.object({
  /** One priority ticket after every N others when both wait (DESIGN.md). */
  priorityEvery: z.number().int().min(0).max(20).default(DEFAULT_PRIORITY_EVERY),
});
export type CentreSettings = z.infer<typeof CentreSettingsSchema>;

export interface ServiceConfig {
  id: string;
  prefix: string;
  ministry: { id: string; name: Localized };
  name: Localized;
  feeLak: number;
  feeIsSample: boolean;
  /** The decree or notice that sets an official fee; null for none (a sample fee). */
  feeRef: FeeReference | null;
  documents: LocalizedList;
  targetMinutes: number;
  dailyCap: number | null;
  /** False: the kiosk does not ask this service's citizens about priority. */
  asksPriority: boolean;
  open: boolean;
  /** Opening hours per weekday; none: open whenever the centre is. */
  hours: OpeningHours[];
}

export interface CounterConfig {
  id: number;
  number: number;
  name: Localized;
  /** Best-ranked first. */
  services: string[];
}

export interface CentreConfig {
  name: Localized;
  timeZone: string;
  /** The public address the manager set (console or setup); null: none. */
  publicUrl: string | null;
  settings: CentreSettings;
  services: Map<string, ServiceConfig>;
  counters: Map<number, CounterConfig>;
  /** Days the centre is closed, `YYYY-MM-DD`, sorted. */
  holidays: Holiday[];
  /** Shown in the kiosk's and the display's headers and printed atop each ticket; null: none. */
  logo: LoadedLogo | null;
  /** Every notice, in force or not, in order (views.ts shows the day's). */
  notices: NoticeConfig[];
  displays: Centre['displays'];
  voiceClips: Centre['voiceClips'];
}

const jsonList = z.array(z.string());

export class NoCentreError extends Error {
  constructor() {
    super('The database holds no centre yet: start the hub with --demo, or set the centre up.');
  }
}

function loadHours(db: Db): Map<string, OpeningHours[]> {
  const rows = db
    .prepare<
      [],
      {
        service_id: string;
        weekday: number;
        opens_min: number;
        closes_min: number;
        lunch_from_min: number | null;
        lunch_to_min: number | null;
      }
    >('SELECT * FROM opening_hours ORDER BY service_id, weekday')
    .all();
  const byService = new Map<string, OpeningHours[]>();
  for (const r of rows) {
    const list = byService.get(r.service_id) ?? [];
    list.push({
      weekday: r.weekday,
      opensMin: r.opens_min,
      closesMin: r.closes_min,
      lunchFromMin: r.lunch_from_min,
      lunchToMin: r.lunch_to_min,
    });
    byService.set(r.service_id, list);
  }
  return byService;
}

function loadServices(db: Db): Map<string, ServiceConfig> {
  const hours = loadHours(db);
  const services = new Map<string, ServiceConfig>();
  const serviceRows = db
    .prepare<[], Record<string, string | number | null>>(
      `SELECT s.*, m.name_lo AS m_lo, m.name_en AS m_en FROM services s
       JOIN ministries m ON m.id = s.ministry_id ORDER BY m.sort, s.sort, s.prefix`,
    )
    .all();
  for (const r of serviceRows) {
    const id = String(r.id);
    services.set(id, {
      id,
      prefix: String(r.prefix),
      ministry: { id: String(r.ministry_id), name: { lo: String(r.m_lo), en: String(r.m_en) } },
      name: { lo: String(r.name_lo), en: String(r.name_en) },
      feeLak: Number(r.fee_lak),
      feeIsSample: r.fee_is_sample === 1,
      feeRef:
        r.fee_ref_date === null
          ? null
          : { lo: String(r.fee_ref_lo), en: String(r.fee_ref_en), date: String(r.fee_ref_date) },
      documents: {
        lo: jsonList.parse(JSON.parse(String(r.documents_lo))),
        en: jsonList.parse(JSON.parse(String(r.documents_en))),
      },
      targetMinutes: Number(r.target_minutes),
      dailyCap: r.daily_cap === null ? null : Number(r.daily_cap),
      asksPriority: r.asks_priority === 1,
      open: r.open === 1,
      hours: hours.get(id) ?? [],
    });
  }
  return services;
}

function loadCounters(db: Db): Map<number, CounterConfig> {
  const counters = new Map<number, CounterConfig>();
  const counterRows = db
    .prepare<[], { id: number; number: number; name_lo: string; name_en: string }>(
      'SELECT id, number, name_lo, name_en FROM counters ORDER BY number',
    )
    .all();
  const ranked = db.prepare<[number], { service_id: string }>(
    'SELECT service_id FROM counter_services WHERE counter_id = ? ORDER BY rank',
  );
  for (const r of counterRows) {
    counters.set(r.id, {
      id: r.id,
      number: r.number,
      name: { lo: r.name_lo, en: r.name_en },
      services: ranked.all(r.id).map((s) => s.service_id),
    });
  }
  return counters;
}

export function loadNotices(db: Db): NoticeConfig[] {
  return db
    .prepare<
      [],
      {
        id: number;
        text_lo: string;
        text_en: string;
        starts_on: string | null;
        ends_on: string | null;
        version: number;
      }
    >('SELECT id, text_lo, text_en, starts_on, ends_on, version FROM notices ORDER BY sort, id')
    .all()
    .map((n) => ({
      id: n.id,
      text: { lo: n.text_lo, en: n.text_en },
      startsOn: n.starts_on,
      endsOn: n.ends_on,
      version: n.version,
    }));
}

/** The displays that show only some services (revoked ones are gone from the hall). */
function loadDisplays(db: Db): Centre['displays'] {
  const rows = db
    .prepare<[], { device_id: number; service_id: string }>(
      `SELECT ds.device_id, ds.service_id FROM display_services ds
       JOIN devices d ON d.id = ds.device_id
       JOIN services s ON s.id = ds.service_id
       WHERE d.revoked_at IS NULL ORDER BY ds.device_id, s.sort, s.prefix`,
    )
    .all();
  const byDevice = new Map<number, string[]>();
  for (const r of rows)
    byDevice.set(r.device_id, [...(byDevice.get(r.device_id) ?? []), r.service_id]);
  return [...byDevice].map(([deviceId, serviceIds]) => ({ deviceId, serviceIds }));
}

function loadVoiceClips(db: Db): Centre['voiceClips'] {
  return db
    .prepare<[], { lang: 'lo' | 'en'; clip_id: string; version: number }>(
      'SELECT lang, clip_id, version FROM voice_clips ORDER BY lang, clip_id',
    )
    .all()
    .map((c) => ({ lang: c.lang, clipId: c.clip_id, version: c.version }));
}

export function loadConfig(db: Db): CentreConfig {
  const centre = db
    .prepare<
      [],
      {
        name_lo: string;
        name_en: string;
        time_zone: string;
        public_url: string | null;
        settings: string;
        logo: string | null;
      }
    >('SELECT name_lo, name_en, time_zone, public_url, settings, logo FROM centre WHERE id = 1')
    .get();
  if (!centre) throw new NoCentreError();
  return {
    name: { lo: centre.name_lo, en: centre.name_en },
    timeZone: centre.time_zone,
    publicUrl: centre.public_url,
    settings: CentreSettingsSchema.parse(JSON.parse(centre.settings)),
    logo: logoFromColumn(centre.logo),
    services: applyNationalFees(db, loadServices(db)),
    counters: loadCounters(db),
    holidays: db
      .prepare<[], { day: string; name_lo: string; name_en: string }>(
        'SELECT day, name_lo, name_en FROM holidays ORDER BY day',
      )
      .all()
      .map((h) => ({ day: h.day, name: { lo: h.name_lo, en: h.name_en } })),
    notices: loadNotices(db),
    displays: loadDisplays(db),
    voiceClips: loadVoiceClips(db),
  };
}

/** The configuration in force: read once, and again when the console changes it. */
export interface ConfigSource {
  current(): CentreConfig;
  reload(): CentreConfig;
  /** The address phones reach the hub by (QR codes): as given, else as set, else where it listens. */
  publicUrl(): string;
  /** Where the hub listens, once it does; the public address unless one was given. */
  listening(url: string): void;
}

export function createConfigSource(db: Db, givenPublicUrl?: string): ConfigSource {
  let config = loadConfig(db);
  let listeningUrl = '';
  return {
    current: () => config,
    reload: () => (config = loadConfig(db)),
    publicUrl: () => givenPublicUrl ?? config.publicUrl ?? listeningUrl,
    listening(url) {
      listeningUrl = url;
    },
  };
}

export function serviceIn(config: CentreConfig, id: string): ServiceConfig {
  const s = config.services.get(id);
  if (!s) throw notFound(`Service ${id}`);
  return s;
}
