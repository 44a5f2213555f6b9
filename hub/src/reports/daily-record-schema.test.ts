import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DAILY_RECORD_SCHEMA_FILE, dailyRecordJsonSchema } from './daily-record-schema.js';

describe('the published daily record schema', () => {
  it('is committed exactly as the zod schema generates it (npm run schema:daily-record)', () => {
    expect(readFileSync(DAILY_RECORD_SCHEMA_FILE, 'utf8')).toBe(dailyRecordJsonSchema());
  });

  it('says what it is and admits no field it does not describe', () => {
    const schema = JSON.parse(dailyRecordJsonSchema()) as {
      $schema: string;
      title: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { const?: unknown }>;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('Khiu daily record');
    expect(schema.properties.schema?.const).toBe('khiu-daily-record');
    expect(schema.properties.version?.const).toBe(1);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['schema', 'version', 'day', 'total', 'services', 'counters']),
    );
  });
});
