import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { JOB_HOSTS } from '../harness/job-site-server';

export interface JobSiteProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * What Chromium's `--host-resolver-rules` do, for Firefox: an HTTP proxy on 127.0.0.1 that tunnels
 * `CONNECT www.linkedin.com:443` (and the other job hosts) to the local HTTPS job-site server, so
 * the pages keep their real `https://` addresses and the content scripts' match patterns apply;
 * every other host is refused at once instead of waiting on a network the machine does not have.
 * No port 443 nor DNS override is needed, so it runs beside anything else on the machine.
 */
export async function startJobSiteProxy(jobSitePort: number): Promise<JobSiteProxy> {
  const tunnels = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(502).end();
  });
  server.on('connect', (request, client: Socket, head) => {
    const [host, port] = (request.url ?? '').split(':');
    if (!host || !JOB_HOSTS.includes(host) || port !== '443') {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(jobSitePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('close', () => tunnels.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}
