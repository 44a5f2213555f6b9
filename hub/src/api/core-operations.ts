/**
 * The operations of /api/v1 that the queue answers: the hub's health, the
 * public snapshot, a ticket's status by its code, and issuing a ticket
 * (`source: api`) with a token that holds `issue`. The snapshot and the
 * ticket status stay open, as phones and hall screens have always read
 * them; an integrator's token, when sent, must hold `read`.
 */
import { z } from 'zod';
import { HUB_ACTOR } from '../connection.js';
import { HubError } from '../hub-error.js';
import type { TicketService } from '../tickets/ticket-service.js';
import type { Views } from '../views/views.js';
import { operation, type ApiOperation } from './operation.js';
import {
  IssuedTicketSchema,
  RequestSchemas,
  SnapshotSchema,
  TicketViewSchema,
  type Snapshot,
} from '../../../shared/protocol.js';

export interface CoreOperationDeps {
  views: Views;
  tickets: TicketService;
  /** The public snapshot, at the public stream's seq. */
  snapshot: () => Snapshot;
  /** `ok: false` (storage cannot be read or written) answers 503. */
  health: () => Record<string, unknown> & { ok: boolean };
}

const TICKET_CODE = /^[A-Za-z0-9_-]{8,32}$/;

export const HealthSchema = z
  .looseObject({
    ok: z.boolean(),
    day: z.string().optional(),
    schemaVersion: z.number().int(),
    uptimeMs: z.number().int(),
    connections: z.number().int(),
  })
  .meta({ id: 'Health' });

export const IssueTicketRequestSchema = RequestSchemas['ticket:issue'].meta({
  id: 'IssueTicketRequest',
  description:
    "The fields of the kiosk's `ticket:issue`. The same `requestId` again from the same token " +
    'answers the ticket it got the first time and issues nothing.',
});

const SnapshotDoc = SnapshotSchema.meta({ id: 'Snapshot' });
const TicketViewDoc = TicketViewSchema.meta({ id: 'TicketView' });
const IssuedTicketDoc = IssuedTicketSchema.meta({ id: 'IssuedTicket' });

const TicketCodeParams = z.object({
  code: z
    .string()
    .regex(TICKET_CODE)
    .meta({ description: 'The ticket code printed in the QR code (`/t/<code>`).' }),
});

/** The hub's health and the queue as every screen sees it. */
function queueOperations(deps: CoreOperationDeps): ApiOperation[] {
  return [
    operation({
      operationId: 'getHealth',
      method: 'get',
      path: '/health',
      tag: 'hub',
      summary: 'Whether the hub can read and write its storage',
      auth: null,
      responses: {
        200: { description: 'The hub is well', schema: HealthSchema },
        503: { description: 'The hub cannot read or write its storage', schema: HealthSchema },
      },
      handle: () => {
        const health = deps.health();
        return { status: health.ok ? 200 : 503, body: health };
      },
    }),
    operation({
      operationId: 'getSnapshot',
      method: 'get',
      path: '/snapshot',
      tag: 'queue',
      summary: 'The centre, its services with waiting counts and estimates, counters, recent calls',
      description: 'The public subset: no waiting list, no clerk names, no ticket codes.',
      auth: { scope: 'read', open: true },
      responses: {
        200: { description: 'The public snapshot', schema: SnapshotDoc },
      },
      handle: () => ({ status: 200, body: deps.snapshot() }),
    }),
  ];
}

/** One ticket: its status by code, and a new one issued. */
function ticketOperations(deps: CoreOperationDeps): ApiOperation[] {
  return [
    operation({
      operationId: 'getTicket',
      method: 'get',
      path: '/tickets/{code}',
      tag: 'tickets',
      summary: "A ticket's status by its code (follows transfers)",
      auth: { scope: 'read', open: true },
      params: TicketCodeParams,
      responses: {
        200: { description: 'The ticket', schema: TicketViewDoc },
        404: { description: 'No ticket has that code' },
      },
      handle: ({ params }) => {
        const code = params['code'] ?? '';
        const view = TICKET_CODE.test(code) ? deps.views.ticket(code) : null;
        if (!view) throw new HubError('not-found', 'No ticket has that code');
        return { status: 200, body: view };
      },
    }),
    operation({
      operationId: 'issueTicket',
      method: 'post',
      path: '/tickets',
      tag: 'tickets',
      summary: 'Issue a ticket (source `api`), idempotent by `requestId`',
      auth: { scope: 'issue', open: false },
      body: IssueTicketRequestSchema,
      responses: {
        201: {
          description: 'The ticket, with the people ahead and the estimated wait when issued',
          schema: IssuedTicketDoc,
        },
        404: { description: 'No service has that id' },
        409: { description: 'The service is closed, outside its hours, or at its daily cap' },
      },
      handle: async ({ body, token }) => {
        const holder = token?.id ?? 0;
        // Each token's requestIds are its own: one integrator cannot replay another's, or a kiosk's.
        const input = { ...body, requestId: `api:${holder}:${body.requestId}` };
        const ticket = await deps.tickets.issueGrouped(
          HUB_ACTOR,
          input,
          'api',
          `api token ${holder}`,
        );
        return { status: 201, body: ticket };
      },
    }),
  ];
}

export const coreOperations = (deps: CoreOperationDeps): ApiOperation[] => [
  ...queueOperations(deps),
  ...ticketOperations(deps),
];
