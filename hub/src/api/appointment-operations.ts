/**
 * The appointments' operations of /api/v1 (tag "Appointments"): the bookable
 * services, a day's slots, and a booking made, read, moved, cancelled and
 * checked in. They are open (the citizen's /book page calls them with no
 * token) and, with a token, need `book`. Each is rate-limited per client
 * address, and a new booking per phone number too. Check-in without a token
 * is open only from the centre's own network (local-address.ts).
 */
import { z } from 'zod';
import { HUB_ACTOR } from '../connection.js';
import { HubError } from '../hub-error.js';
import type { Appointments } from '../appointments/appointment-features.js';
import { isLocalAddress } from './local-address.js';
import { operation, type ApiCall, type ApiOperation } from './operation.js';
import {
  BookableAnswerSchema,
  BookingAnswerSchema,
  BookingCodeInputSchema,
  BookingMoveSchema,
  BookingRequestSchema,
  CheckInAnswerSchema,
  normalPhone,
  ServiceDaySchema,
  SlotsAnswerSchema,
  Slug,
  type BookingMove,
  type BookingRequest,
} from '../../../shared/protocol.js';

const TAG = 'Appointments';
const auth = { scope: 'book', open: true } as const;
const CodeParams = z.object({ code: BookingCodeInputSchema });
const SlotsQuery = z.object({ service: Slug, day: ServiceDaySchema });
const CheckInDoc = z.object({ checkIn: CheckInAnswerSchema }).meta({ id: 'CheckInAnswer' });

/** Who is asking, for the rate limits: the token when there is one, else the address. */
const client = (call: ApiCall<unknown>) =>
  call.token ? `token:${call.token.id}` : `addr:${call.address}`;

const codeOf = (call: ApiCall<unknown>) => call.params['code'] ?? '';

function slotsQuery(query: URLSearchParams) {
  const parsed = SlotsQuery.safeParse({ service: query.get('service'), day: query.get('day') });
  if (!parsed.success) {
    throw new HubError('invalid-request', 'Give ?service=<id>&day=YYYY-MM-DD', undefined, {
      fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), issue: i.code })),
    });
  }
  return parsed.data;
}

function readOperations(a: Appointments): ApiOperation[] {
  return [
    operation({
      operationId: 'listBookable',
      method: 'get',
      path: '/bookable',
      tag: TAG,
      summary: 'The services that take bookings',
      auth,
      responses: { 200: { description: 'The bookable services', schema: BookableAnswerSchema } },
      handle: (call) => (a.limits.read(client(call)), { status: 200, body: a.bookings.bookable() }),
    }),
    operation({
      operationId: 'listSlots',
      method: 'get',
      path: '/slots',
      tag: TAG,
      summary: "A service's slots on a day (`?service=<id>&day=YYYY-MM-DD`)",
      description:
        'Every slot of the day in order; a full slot, or one that has started, has `left: 0`. ' +
        'A day with none says why in `closed`.',
      auth,
      responses: {
        200: { description: 'The slots', schema: SlotsAnswerSchema },
        404: { description: 'No service has that id' },
      },
      handle: (call) => {
        a.limits.read(client(call));
        const q = slotsQuery(call.query);
        return { status: 200, body: a.bookings.slots(q.service, q.day) };
      },
    }),
    operation({
      operationId: 'getBooking',
      method: 'get',
      path: '/bookings/{code}',
      tag: TAG,
      summary: 'A booking, by its code',
      auth,
      params: CodeParams,
      responses: {
        200: { description: 'The booking', schema: BookingAnswerSchema },
        404: { description: 'No booking has that code' },
      },
      handle: (call) => {
        a.limits.read(client(call));
        return { status: 200, body: { booking: a.bookings.get(codeOf(call)) } };
      },
    }),
  ];
}

/** A new booking: limited per client and per phone number, so no one takes a day's slots. */
function bookOperation(a: Appointments): ApiOperation {
  return operation<BookingRequest>({
    operationId: 'createBooking',
    method: 'post',
    path: '/bookings',
    tag: TAG,
    summary: 'Book a slot',
    auth,
    body: BookingRequestSchema,
    responses: {
      201: { description: 'The booking, with its code', schema: BookingAnswerSchema },
      404: { description: 'No bookable service has that id' },
      409: { description: '`slot-full`, or `slot-unavailable` (closed, started, not a slot)' },
    },
    handle: (call) => {
      a.limits.write(client(call));
      a.limits.phone(normalPhone(call.body.phone));
      const booking = a.bookings.book(call.body, call.token ? 'api' : 'phone');
      return { status: 201, body: { booking } };
    },
  });
}

/** The citizen changes their mind: another slot, or none. */
function changeOperations(a: Appointments): ApiOperation[] {
  return [
    operation<BookingMove>({
      operationId: 'moveBooking',
      method: 'put',
      path: '/bookings/{code}',
      tag: TAG,
      summary: 'Move a booking to another slot of its service (only while `booked`)',
      auth,
      params: CodeParams,
      body: BookingMoveSchema,
      responses: {
        200: { description: 'The booking, moved', schema: BookingAnswerSchema },
        404: { description: 'No booking has that code' },
        409: { description: 'Not `booked` any more, or the slot is full or unavailable' },
      },
      handle: (call) => {
        a.limits.write(client(call));
        return { status: 200, body: { booking: a.bookings.move(codeOf(call), call.body) } };
      },
    }),
    operation({
      operationId: 'cancelBooking',
      method: 'delete',
      path: '/bookings/{code}',
      tag: TAG,
      summary: 'Cancel a booking (only while `booked`)',
      auth,
      params: CodeParams,
      responses: {
        200: { description: 'The booking, cancelled', schema: BookingAnswerSchema },
        404: { description: 'No booking has that code' },
        409: { description: 'Not `booked` any more' },
      },
      handle: (call) => {
        a.limits.write(client(call));
        return { status: 200, body: { booking: a.bookings.cancel(codeOf(call)) } };
      },
    }),
  ];
}

/** Check-in over REST: the phone page on the centre's network, or an integrator's kiosk. */
function checkInOperation(a: Appointments): ApiOperation {
  return operation({
    operationId: 'checkInBooking',
    method: 'post',
    path: '/bookings/{code}/check-in',
    tag: TAG,
    summary: "Check in: the booked citizen enters the queue (from the centre's network)",
    description:
      'Without a token only from loopback or a private LAN address. The outcome says what ' +
      'happened; `ticket` comes with `checked-in`, `already-checked-in` and `too-late`.',
    auth,
    params: CodeParams,
    responses: { 200: { description: 'The outcome', schema: CheckInDoc } },
    handle: (call) => {
      if (!call.token && !isLocalAddress(call.address)) {
        throw new HubError(
          'unauthorized',
          'Check in at the centre: on its network, or at a kiosk',
          'token-invalid',
        );
      }
      a.limits.write(client(call));
      const source = call.token ? 'api' : 'phone';
      return { status: 200, body: { checkIn: a.checkIn(HUB_ACTOR, codeOf(call), source) } };
    },
  });
}

export const appointmentOperations = (a: Appointments): ApiOperation[] => [
  ...readOperations(a),
  bookOperation(a),
  ...changeOperations(a),
  checkInOperation(a),
];
