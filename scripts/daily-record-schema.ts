/** `npm run schema:daily-record`: writes the daily record's JSON Schema to docs/schemas/. */
import { writeFileSync } from 'node:fs';
import {
  DAILY_RECORD_SCHEMA_FILE,
  dailyRecordJsonSchema,
} from '../hub/src/reports/daily-record-schema.js';

writeFileSync(DAILY_RECORD_SCHEMA_FILE, dailyRecordJsonSchema());
console.log(`wrote ${DAILY_RECORD_SCHEMA_FILE}`);
