import type { AddressInfo, Server, Socket } from 'node:net';
import type { Container } from 'rhea';

/** A listening AMQP container whose connections can be cut (a broker outage) and which can be closed (the end of a test). */
export interface AmqpListener {
  readonly port: number;
  /**
   * Drops every open connection at once, as a crashed broker would, and closes each new one as it
   * opens until `accept()`. The port stays bound: let go, it could be taken meanwhile by another
   * process (any listen on port 0), which the clients would then reach.
   */
  refuse(): void;
  /** Serves connections again after `refuse()`. */
  accept(): void;
  /** Stops listening and drops every open connection at once. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0: any free port) and tracks the sockets so `refuse` and `close` can cut them. */
export async function listenAmqp(container: Container, port: number): Promise<AmqpListener> {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server = container.listen({ port, host: '127.0.0.1' }) as Server;
  // rhea hands each socket to a new AMQP connection in its own 'connection' listener: it runs
  // only while serving (rhea has no other way to accept a socket), so a refused socket reaches no connection.
  const serve = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    if (refusing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    for (const handle of serve) handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const cut = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    port: (server.address() as AddressInfo).port,
    refuse() {
      refusing = true;
      cut();
    },
    accept() {
      refusing = false;
    },
    close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      cut();
      return closed;
    },
  };
}
