import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCases } from '../../helpers/fixtures';

/**
 * The job sites' hosts the end-to-end tests serve locally: every LinkedIn and Indeed host of the
 * corpus's real pages (country sites among them), so that a page added there is served as itself.
 */
export const JOB_HOSTS = [
  ...new Set([
    'www.linkedin.com',
    'www.indeed.com',
    ...loadCases()
      .map((c) => new URL(c.url).hostname)
      .filter((host) => /(^|\.)(linkedin|indeed)\.com$/.test(host)),
  ]),
];

/** Every job host mapped to the local server on `port`, for `launchWithExtension`. */
export const jobHostMap = (port: number): Record<string, number> =>
  Object.fromEntries(JOB_HOSTS.map((host) => [host, port]));

export interface JobSiteServer {
  /** HTTPS, for the job sites mapped here by name. */
  port: number;
  /** Plain HTTP on 127.0.0.1, for a career site no content script covers (`http://localhost:N`). */
  httpPort: number;
  /**
   * Serve `html` at this path (query string ignored) for every host mapped to the server.
   * `csp: false` serves it without the Content-Security-Policy, so that its inline scripts and
   * handlers run (a hostile page's, or markup a bug let in).
   */
  page(path: string, html: string, options?: { csp?: boolean }): void;
  close(): Promise<void>;
}

/**
 * An HTTPS server that answers for job sites (www.linkedin.com, www.indeed.com, ...) once Chromium
 * maps their names here, so the content scripts' real `https://` match patterns apply.
 */
export async function startJobSiteServer(): Promise<JobSiteServer> {
  const { key, cert } = selfSignedCertificate();
  const pages = new Map<string, { html: string; csp: boolean }>();
  const answer: RequestListener = (request, response) => {
    const path = new URL(request.url ?? '/', 'https://localhost').pathname;
    const page = pages.get(path);
    response.writeHead(page === undefined ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
      // Saved pages carry the sites' own scripts; only our content scripts (and the test's
      // DevTools evaluations, which CSP does not govern) should run.
      ...(page?.csp === false ? {} : { 'content-security-policy': "script-src 'none'" }),
    });
    response.end(page?.html ?? '<!doctype html><title>Not found</title>');
  };
  const servers = [createServer({ key, cert }, answer), createHttpServer(answer)];
  const [port, httpPort] = await Promise.all(servers.map(listen));
  return {
    port: port as number,
    httpPort: httpPort as number,
    page: (path, html, options) => pages.set(path, { html, csp: options?.csp ?? true }),
    close: async () => {
      await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)),
  );
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'clipper-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=job-sites.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
