/**
 * One REST operation of /api/v1, as one record that the router
 * (net/rest.ts), the OpenAPI document (openapi.ts) and the contract test
 * all read: its method and path, who may call it, what it takes, what it
 * answers, and the code that answers. A feature adds its operations as a
 * list of these (core-operations.ts, appointment-operations.ts, the daily
 * records), and they are documented and routed with nothing else to change.
 */
import type { z } from 'zod';
import type { TokenHolder } from './api-tokens.js';
import type { ApiScope } from '../../../shared/protocol.js';

export type ApiMethod = 'get' | 'post' | 'put' | 'delete';

export interface ApiCall<B> {
  /** The path's `{name}` segments, as sent (not decoded). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body, already checked against the operation's `body` schema. */
  body: B;
  /** The token the request came with; null for an open operation called without one. */
  token: TokenHolder | null;
  /** The client's address as the socket sees it (no proxy header is believed). */
  address: string;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface ApiResponseDoc {
  description: string;
  schema?: z.ZodType;
}

export interface ApiOperation<B = unknown> {
  operationId: string;
  method: ApiMethod;
  /** Below /api/v1, with `{name}` for a path segment: `/tickets/{code}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /**
   * The scope a token must hold. `open`: answered without a token as well (a token that is
   * sent is still checked, and its rate limit applies). Null: no token is looked at.
   */
  auth: { scope: ApiScope; open: boolean } | null;
  /** The path's parameters, for the document (the handler checks their form itself). */
  params?: z.ZodObject;
  body?: z.ZodType<B>;
  /** The answers besides the errors every operation shares (401, 403, 429, 400 with a body). */
  responses: Record<number, ApiResponseDoc>;
  handle(call: ApiCall<B>): ApiAnswer | Promise<ApiAnswer>;
}

/** Keeps `body`'s type and `handle`'s argument in step, then forgets it for the list. */
export const operation = <B>(op: ApiOperation<B>): ApiOperation => op as unknown as ApiOperation;
