/**
 * The shape every feature's handlers share. A feature exports a typed map
 * from its events to handlers; net/ merges the maps, checks the role and
 * the payload, and answers with what the handler returns. A handler never
 * publishes: its mutations go through `Commits`, which does.
 */
import type { Actor, Connection } from './connection.js';
import type { RequestEvent, RequestPayload, ResponseData, Staff } from '../../shared/protocol.js';

export interface Ctx {
  conn: Connection;
  actor: Actor;
  /** The logged-in staff member, re-read so a deactivated account stops working at once. */
  staff(): Staff;
  /** As `staff()`, for what only a manager may do (the configuration, staff accounts). */
  manager(): Staff;
}

export type Handler<E extends RequestEvent> = (
  ctx: Ctx,
  payload: RequestPayload<E>,
) => ResponseData[E] | Promise<ResponseData[E]>;

/** One feature's part of the protocol. */
export type Handlers<E extends RequestEvent> = { [K in E]: Handler<K> };
