/**
 * Central's first schema: the centres and how they enrol, the ministry's
 * staff, the daily records every hub sends, and the national fee table.
 *
 * A daily record is kept whole (`daily_records`, as the hub sent it) and the
 * figures the national page reads are copied out at ingest (`day_figures`),
 * so a year across every centre is a scan of narrow rows, never of JSON.
 *
 * Shipped: never edit, add a new migration instead.
 */
export const migration001 = `
  CREATE TABLE centres (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name_lo text NOT NULL CHECK (length(name_lo) BETWEEN 1 AND 200),
    name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    province text NOT NULL,
    token_hash text UNIQUE,
    enrolled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  );

  CREATE TABLE enrolment_codes (
    code_hash text PRIMARY KEY,
    centre_id integer NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  );

  CREATE TABLE staff (
    id serial PRIMARY KEY,
    username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{2,40}$'),
    name text NOT NULL,
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );

  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    staff_id integer NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
  );

  -- The record as the hub sent it; kept whole, read by no page.
  CREATE TABLE daily_records (
    centre_id integer NOT NULL REFERENCES centres (id),
    day date NOT NULL,
    schema_version integer NOT NULL,
    record jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (centre_id, day, schema_version)
  );

  -- The figures the national page reads, copied out of each record at ingest: narrow rows,
  -- so a year across every centre is a short scan. One per centre and day.
  CREATE TABLE day_figures (
    centre_id integer NOT NULL REFERENCES centres (id),
    day date NOT NULL,
    schema_version integer NOT NULL,
    tickets integer NOT NULL,
    served integer NOT NULL,
    no_shows integer NOT NULL,
    wait_median_s integer,
    wait_p90_s integer,
    target_called integer NOT NULL,
    within_target integer NOT NULL,
    ratings integer NOT NULL,
    rating_sum integer NOT NULL,
    asked_more integer NOT NULL,
    asked_answers integer NOT NULL,
    PRIMARY KEY (centre_id, day)
  );
  CREATE INDEX day_figures_day ON day_figures (day, centre_id);

  -- One row per code and effective date: a change announced for the future waits beside
  -- the fee in force, and the history stays.
  CREATE TABLE national_fees (
    code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,31}$'),
    effective_on date NOT NULL,
    name_lo text NOT NULL,
    name_en text NOT NULL,
    fee_lak bigint NOT NULL CHECK (fee_lak >= 0),
    ref_lo text NOT NULL,
    ref_en text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by integer REFERENCES staff (id),
    PRIMARY KEY (code, effective_on)
  );
  -- Bumped with every change, so a hub asks only "anything newer than N?".
  CREATE TABLE fee_table (
    id integer PRIMARY KEY CHECK (id = 1),
    version integer NOT NULL
  );
  INSERT INTO fee_table (id, version) VALUES (1, 0);

  -- What each centre last said it charges for the national codes it maps.
  CREATE TABLE centre_fees (
    centre_id integer NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    code text NOT NULL,
    local_fee_lak bigint NOT NULL,
    reported_at timestamptz NOT NULL,
    PRIMARY KEY (centre_id, code)
  );
`;
