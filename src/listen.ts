/** Binding a server to a port, shared by the gateway's entry and the sandbox. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on `host:port` (0 picks a free port); resolves with the bound port and its `http://` origin. */
export const listen = (server: Server, port: number, host: string): Promise<{ port: number; url: string }> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({ port: bound, url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}` });
    });
  });
