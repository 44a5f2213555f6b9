/**
 * The national fee table in the configuration in force. A local service the
 * manager mapped to a national code shows the national fee in force on the
 * service day being served, with the ministry's legal reference: kiosks,
 * tickets, the hall display and the phone page then say "official fee" and
 * cite it. The local fee stays in the console, where a difference is
 * flagged. The day is the stored service day, so a fee effective tomorrow
 * starts at tomorrow's rollover (which reloads the configuration).
 */
import type { Db } from '../db/open.js';
import type { ServiceConfig } from './config.js';

interface InForceRow {
  service_id: string;
  fee_lak: number;
  ref_lo: string;
  ref_en: string;
  effective_on: string;
}

export function nationalFeesInForce(db: Db): Map<string, InForceRow> {
  const rows = db
    .prepare<[], InForceRow>(
      `SELECT m.service_id, f.fee_lak, f.ref_lo, f.ref_en, f.effective_on
       FROM service_national_codes m
       JOIN national_fees f ON f.code = m.national_code
       WHERE f.effective_on = (
         SELECT max(g.effective_on) FROM national_fees g
         WHERE g.code = m.national_code
           AND g.effective_on <= coalesce((SELECT current_day FROM centre WHERE id = 1), ''))`,
    )
    .all();
  return new Map(rows.map((r) => [r.service_id, r]));
}

export function applyNationalFees(
  db: Db,
  services: Map<string, ServiceConfig>,
): Map<string, ServiceConfig> {
  for (const [id, fee] of nationalFeesInForce(db)) {
    const service = services.get(id);
    if (!service) continue;
    services.set(id, {
      ...service,
      feeLak: fee.fee_lak,
      feeIsSample: false,
      feeRef: { lo: fee.ref_lo, en: fee.ref_en, date: fee.effective_on },
    });
  }
  return services;
}
