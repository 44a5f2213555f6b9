/**
 * Today's figures for the clerk's screen (`counter:stats`): tickets served,
 * no-shows and the average service time, for one counter and for one staff
 * member. Read from the audit trail (`ticket_events`), so they count what
 * each did, whoever called the ticket.
 */
import type { Db } from '../db/open.js';
import type { DayFigures } from '../../../shared/protocol.js';

interface FiguresRow {
  served: number;
  no_shows: number;
  avg_ms: number | null;
}

// Ticket ids only grow, so today's events all belong to tickets from today's first id on:
// the range keeps each count to today's rows, however long the history.
const figuresSql = (who: 'counter_id' | 'staff_id') => `
  SELECT count(*) FILTER (WHERE e.type = 'complete') AS served,
         count(*) FILTER (WHERE e.type = 'no-show') AS no_shows,
         avg(t.finished_at - t.started_at) FILTER (WHERE e.type = 'complete') AS avg_ms
  FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
  WHERE e.ticket_id >= (SELECT min(id) FROM tickets WHERE day = @day)
    AND t.day = @day AND e.type IN ('complete', 'no-show') AND e.${who} = @id`;

function toFigures(row: FiguresRow | undefined): DayFigures {
  const avg = row?.avg_ms ?? null;
  return {
    served: row?.served ?? 0,
    noShows: row?.no_shows ?? 0,
    avgServiceMs: avg === null ? null : Math.round(avg),
  };
}

export interface CounterStats {
  forCounter(day: string, counterId: number): DayFigures;
  forStaff(day: string, staffId: number): DayFigures;
}

export function createCounterStats(db: Db): CounterStats {
  const byCounter = db.prepare<[{ day: string; id: number }], FiguresRow>(figuresSql('counter_id'));
  const byStaff = db.prepare<[{ day: string; id: number }], FiguresRow>(figuresSql('staff_id'));
  return {
    forCounter: (day: string, counterId: number) =>
      toFigures(byCounter.get({ day, id: counterId })),
    forStaff: (day: string, staffId: number) => toFigures(byStaff.get({ day, id: staffId })),
  };
}
