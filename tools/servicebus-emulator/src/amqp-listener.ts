import type { AddressInfo, Server, Socket } from 'node:net';
import type { Container } from 'rhea';

/** A listening AMQP container that can be closed with its connections (a broker outage, or the end of a test). */
export interface AmqpListener {
  readonly port: number;
  /** Stops listening and drops every open connection at once, as a crashed broker would. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0: any free port) and tracks the sockets so `close` can cut them. */
export async function listenAmqp(container: Container, port: number): Promise<AmqpListener> {
  const sockets = new Set<Socket>();
  const server = container.listen({ port, host: '127.0.0.1' }) as Server;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return closed;
    },
  };
}
