import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';

/** Binds exactly the configured host and port (S-17) and answers once the socket is listening. */
export function listen(
  fetch: (req: Request) => Response | Promise<Response>,
  at: { host: string; port: number },
): Promise<{ server: ServerType; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: at.host, port: at.port }, (address) =>
      resolve({ server, address }),
    );
    server.once('error', reject);
  });
}
