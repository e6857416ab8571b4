import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

type Message = {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: any;
  sessionId?: string;
};

/**
 * Chromium driven over the DevTools protocol through `--remote-debugging-pipe`, for what the
 * protocol allows only there (with `--enable-unsafe-extension-debugging`): `Extensions.triggerAction`,
 * the toolbar button's click as the browser runs it, which grants activeTab. Playwright's
 * persistent contexts expose no browser-level session for it.
 */
export class PipeBrowser {
  private next = 1;
  private readonly waiting = new Map<number, (message: Message) => void>();
  private readonly listeners: Array<(message: Message) => void> = [];
  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    let buffer = '';
    (child.stdio[4] as Readable).on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        const message = JSON.parse(buffer.slice(0, end)) as Message;
        buffer = buffer.slice(end + 1);
        if (message.id !== undefined) this.waiting.get(message.id)?.(message);
        else for (const listener of this.listeners) listener(message);
      }
    });
  }

  /** Chromium with nothing loaded; `loadExtension` adds the unpacked build. */
  static launch(hostMap: Record<string, number>): PipeBrowser {
    const profile = mkdtempSync(join(tmpdir(), 'clipper-pipe-'));
    const rules = [
      ...Object.entries(hostMap).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`),
      'MAP * ~NOTFOUND',
      'EXCLUDE localhost',
      'EXCLUDE 127.0.0.1',
    ].join(', ');
    const child = spawn(
      chromiumPath(),
      [
        ...CHROMIUM_ARGS,
        '--headless=new',
        '--remote-debugging-pipe',
        '--enable-unsafe-extension-debugging',
        `--user-data-dir=${profile}`,
        '--ignore-certificate-errors',
        `--host-resolver-rules=${rules}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new PipeBrowser(child, profile);
  }

  /** Loads the unpacked extension the way the protocol allows it, and answers its id. */
  async loadExtension(path: string): Promise<string> {
    return (await this.send('Extensions.loadUnpacked', { path })).id;
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<any> {
    const id = this.next++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    (this.child.stdio[3] as Writable).write(`${message}\0`);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) => {
        this.waiting.delete(id);
        if (answer.error) reject(new Error(`${method}: ${JSON.stringify(answer.error)}`));
        else resolve(answer.result);
      });
    });
  }

  /** Evaluates `expression` in the target (a page or a worker), by value. */
  async evaluate(targetId: string, expression: string): Promise<unknown> {
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    try {
      const { result, exceptionDetails } = await this.send(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails).slice(0, 300));
      return result.value;
    } finally {
      await this.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
  }

  async targets(): Promise<Array<{ targetId: string; type: string; url: string }>> {
    return (await this.send('Target.getTargets')).targetInfos;
  }

  async close(): Promise<void> {
    await this.send('Browser.close').catch(() => {});
    await new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve(undefined);
      else this.child.once('exit', resolve);
    });
    rmSync(this.profile, { recursive: true, force: true });
  }
}
