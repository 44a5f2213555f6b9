/**
 * The daily record's published JSON Schema, generated from its zod schema
 * (shared/schemas/reports.ts) so the two cannot drift: docs/schemas/ holds
 * the file (`npm run schema:daily-record` writes it), and a test fails when
 * the committed file is not what this makes. Draft 7, which every JSON
 * Schema validator reads.
 */
import { z } from 'zod';
import { DAILY_RECORD_VERSION, DailyRecordSchema } from '../../../shared/protocol.js';

export const DAILY_RECORD_SCHEMA_FILE = `docs/schemas/daily-record.v${DAILY_RECORD_VERSION}.json`;
export const DAILY_RECORD_SCHEMA_ID = `urn:khiu:schema:daily-record:v${DAILY_RECORD_VERSION}`;

export function dailyRecordJsonSchema(): string {
  const schema = z.toJSONSchema(DailyRecordSchema, {
    target: 'draft-7',
    io: 'output',
  });
  return `${JSON.stringify({ $id: DAILY_RECORD_SCHEMA_ID, ...schema }, null, 2)}\n`;
}
