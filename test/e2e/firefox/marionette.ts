import { connect, type Socket } from 'node:net';

/**
 * A small client of Firefox's Marionette protocol: length-prefixed JSON packets over TCP,
 * `[0, id, command, params]` out and `[1, id, error, result]` back. Firefox serves it itself with
 * `--marionette`, so no driver binary is needed; no maintained npm client speaks it (WebDriver BiDi
 * clients cannot load extension pages nor reach the browser's own window, which the tests need).
 */
export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`${command}: ${error}: ${message}`);
  }
}

interface Pending {
  command: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeting: ((packet: unknown) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.failAll(new Error('Marionette connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  static async connect(port: number): Promise<Marionette> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new Marionette(socket);
    await new Promise((resolve) => {
      client.greeting = resolve;
    });
    return client;
  }

  send<T = unknown>(command: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    this.socket.write(`${body.length}:`);
    this.socket.write(body);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.toString('ascii', 0, colon));
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.toString('utf8', colon + 1, colon + 1 + length));
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.greeting?.(packet);
      this.greeting = null;
      return;
    }
    const [, id, error, result] = packet as [
      number,
      number,
      { error: string; message: string } | null,
      unknown,
    ];
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error) waiting.reject(new MarionetteError(waiting.command, error.error, error.message));
    else waiting.resolve(result);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
