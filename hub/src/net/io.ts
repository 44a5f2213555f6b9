/** The hub's Socket.IO server and sockets, typed by the protocol; each socket's data is its Connection. */
import type { Server, Socket } from 'socket.io';
import type { Connection } from '../connection.js';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
} from '../../../shared/protocol.js';

export type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, Connection>;
export type HubSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  Connection
>;
