import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../protocol.js';
import {
  allowedActions,
  isFinal,
  nextStatus,
  TICKET_ACTIONS,
  type TicketAction,
} from './lifecycle.js';

/**
 * DESIGN.md "Ticket lifecycle", arrow by arrow:
 *
 * waiting ──call──▶ called ──start──▶ serving ──complete──▶ done
 *    ▲  │             │  ▲ recall        │
 *    │  cancel        │  └──────┘        ├─park──▶ parked ──resume──▶ waiting
 *    │  ▼             no-show            │
 *    │ cancelled      ▼                  └─transfer──▶ (new waiting ticket in
 *    │               no_show                            the target queue)
 *    └──────── end of service day: waiting/called/parked ──▶ expired
 *
 * And from the floor: a supervisor reassigns a waiting or parked ticket to another
 * service (transferred, with a new waiting ticket there).
 */
const DIAGRAM: Partial<Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>>> = {
  waiting: { call: 'called', cancel: 'cancelled', expire: 'expired', reassign: 'transferred' },
  called: { start: 'serving', recall: 'called', 'no-show': 'no_show', expire: 'expired' },
  serving: { complete: 'done', park: 'parked', transfer: 'transferred' },
  parked: { resume: 'waiting', expire: 'expired', reassign: 'transferred' },
};

const FINAL: readonly TicketStatus[] = ['done', 'cancelled', 'no_show', 'expired', 'transferred'];

describe('ticket lifecycle', () => {
  it('allows exactly the arrows of the diagram and refuses every other status × action', () => {
    for (const status of TICKET_STATUSES) {
      for (const action of TICKET_ACTIONS) {
        const expected = DIAGRAM[status]?.[action] ?? null;
        expect({ status, action, to: nextStatus(status, action) }).toEqual({
          status,
          action,
          to: expected,
        });
      }
    }
  });

  it('offers a clerk only the actions the diagram draws, never expiry nor reassignment', () => {
    const sorted = (actions: readonly TicketAction[]) => [...actions].sort();
    expect(sorted(allowedActions('waiting'))).toEqual(['call', 'cancel']);
    expect(sorted(allowedActions('called'))).toEqual(['no-show', 'recall', 'start']);
    expect(sorted(allowedActions('serving'))).toEqual(['complete', 'park', 'transfer']);
    expect(sorted(allowedActions('parked'))).toEqual(['resume']);
    for (const status of FINAL) expect(allowedActions(status)).toEqual([]);
    for (const status of TICKET_STATUSES) expect(allowedActions(status)).not.toContain('expire');
    for (const status of TICKET_STATUSES) expect(allowedActions(status)).not.toContain('reassign');
  });

  it('calls a status final exactly when nothing leads out of it', () => {
    for (const status of TICKET_STATUSES) {
      expect({ status, final: isFinal(status) }).toEqual({
        status,
        final: FINAL.includes(status),
      });
    }
  });

  it('reaches every status from waiting, and never expires a ticket being served', () => {
    // A serving citizen is never expired at midnight: the clerk must finish, park or transfer.
    expect(nextStatus('serving', 'expire')).toBeNull();
    const reachable = new Set<TicketStatus>(['waiting']);
    for (let grew = true; grew;) {
      grew = false;
      for (const from of [...reachable]) {
        for (const action of TICKET_ACTIONS) {
          const to = nextStatus(from, action);
          if (to && !reachable.has(to)) {
            reachable.add(to);
            grew = true;
          }
        }
      }
    }
    // Every status can happen to a ticket issued as waiting.
    expect([...reachable].sort()).toEqual([...TICKET_STATUSES].sort());
  });
});
