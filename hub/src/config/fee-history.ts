/**
 * An official fee's history (`fee_history`): one row whenever a service's fee,
 * its sample mark or its legal reference changes, and one when it is created,
 * so a citizen's question "what was the fee on that day, and by which decree"
 * has an answer.
 */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { FeeChange, ServiceConfig, ServiceInput } from '../../../shared/protocol.js';

interface FeeRow {
  at: number;
  staff_name: string | null;
  old_fee_lak: number | null;
  new_fee_lak: number;
  old_is_sample: number | null;
  new_is_sample: number;
  ref_lo: string;
  ref_en: string;
  ref_date: string | null;
}

const sameRef = (a: ServiceInput['feeRef'], b: ServiceInput['feeRef']) =>
  JSON.stringify(a) === JSON.stringify(b);

export function createFeeHistory(db: Db, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO fee_history (service_id, at, staff_id, old_fee_lak, new_fee_lak, old_is_sample,
       new_is_sample, ref_lo, ref_en, ref_date)
     VALUES (@serviceId, @at, @staffId, @oldFee, @newFee, @oldSample, @newSample, @refLo, @refEn,
       @refDate)`,
  );
  const list = db.prepare<[string], FeeRow>(
    `SELECT f.*, s.name AS staff_name FROM fee_history f LEFT JOIN staff s ON s.id = f.staff_id
     WHERE f.service_id = ? ORDER BY f.at DESC, f.id DESC`,
  );
  return {
    /** Writes a row when the fee, its sample mark or its reference changed (or is new). */
    record(staffId: number | null, before: ServiceConfig | null, after: ServiceInput) {
      const changed =
        !before ||
        before.feeLak !== after.feeLak ||
        before.feeIsSample !== after.feeIsSample ||
        !sameRef(before.feeRef, after.feeRef);
      if (!changed) return;
      insert.run({
        serviceId: after.id,
        at: clock.now(),
        staffId,
        oldFee: before?.feeLak ?? null,
        newFee: after.feeLak,
        oldSample: before ? (before.feeIsSample ? 1 : 0) : null,
        newSample: after.feeIsSample ? 1 : 0,
        refLo: after.feeRef?.lo ?? '',
        refEn: after.feeRef?.en ?? '',
        refDate: after.feeRef?.date ?? null,
      });
    },
    /** Newest first. */
    list(serviceId: string): FeeChange[] {
      return list.all(serviceId).map((r) => ({
        at: r.at,
        staffName: r.staff_name,
        oldFeeLak: r.old_fee_lak,
        newFeeLak: r.new_fee_lak,
        oldIsSample: r.old_is_sample === null ? null : r.old_is_sample === 1,
        newIsSample: r.new_is_sample === 1,
        ref: r.ref_date === null ? null : { lo: r.ref_lo, en: r.ref_en, date: r.ref_date },
      }));
    },
  };
}

export type FeeHistory = ReturnType<typeof createFeeHistory>;
