/**
 * The national page at 500 centres. A year across every centre was a sort of
 * 182,500 day rows per query; two changes make each query read little and sort
 * only what a median needs:
 *
 * - `month_figures`, one row per centre and month holding the sums of its days,
 *   kept by the same statement that counts a day into `day_figures` (so it is
 *   exact, and holds each day once). The sums of a year are then twelve rows a
 *   centre, plus the days at the range's ragged ends.
 * - Medians do not add up across months: the median of a year's daily medians is
 *   still taken over the days. The key of `day_figures` and its day index now carry
 *   the two daily waits (INCLUDE), so those medians read the indexes alone, one
 *   centre, province or month at a time, never the table or one big sort.
 *
 * Filled here from the days already counted. Shipped: never edit, add a new
 * migration instead.
 */
export const migration002 = `
  CREATE TABLE month_figures (
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    centre_id integer NOT NULL REFERENCES centres (id),
    days integer NOT NULL,
    tickets bigint NOT NULL,
    served bigint NOT NULL,
    no_shows bigint NOT NULL,
    target_called bigint NOT NULL,
    within_target bigint NOT NULL,
    ratings bigint NOT NULL,
    rating_sum bigint NOT NULL,
    asked_more bigint NOT NULL,
    asked_answers bigint NOT NULL,
    -- Every page query asks for a range of months across all centres.
    PRIMARY KEY (month, centre_id)
  );

  INSERT INTO month_figures
  SELECT date_trunc('month', day)::date, centre_id, count(*), sum(tickets), sum(served),
    sum(no_shows), sum(target_called), sum(within_target), sum(ratings), sum(rating_sum),
    sum(asked_more), sum(asked_answers)
  FROM day_figures GROUP BY 1, 2;

  ALTER TABLE day_figures DROP CONSTRAINT day_figures_pkey,
    ADD CONSTRAINT day_figures_pkey PRIMARY KEY (centre_id, day) INCLUDE (wait_median_s, wait_p90_s);
  DROP INDEX day_figures_day;
  CREATE INDEX day_figures_day ON day_figures (day) INCLUDE (wait_median_s, wait_p90_s);
`;
