import net from 'node:net';

/**
 * A lean HTTP/1.1 keep-alive client for load generation: one connection, one request at a time,
 * responses with Content-Length only (what the server sends for JSON). The benchmark's clients
 * share two cores with the server and PostgreSQL, so every microsecond they spend is taken from
 * the system under test; pgbench, on the other side of the ratio, is a lean C client.
 */
export class KeepAliveConnection {
  private socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting:
    { resolve: (r: { status: number; text: string }) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (e: Error) => {
      this.failure = e;
      this.waiting?.reject(e);
      this.waiting = undefined;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed by the server')));
  }

  post(
    path: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; text: string }> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('one request at a time on a connection'));
    let head = `POST ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${head}\r\n${body}`);
    });
  }

  /** A GET on the same connection (reads between a client's transitions). */
  get(path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('one request at a time on a connection'));
    let head = `GET ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${head}\r\n`);
    });
  }

  close() {
    this.socket.end();
  }

  private onData(chunk: Buffer) {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    const waiting = this.waiting;
    if (!length) {
      const e = new Error(`response without Content-Length: ${head.split('\r\n')[0]}`);
      this.failure = e;
      this.waiting = undefined;
      waiting?.reject(e);
      this.socket.destroy();
      return;
    }
    const total = end + 4 + Number(length[1]);
    if (this.buffered.length < total) return;
    const status = Number(head.slice(9, 12));
    const text = this.buffered.subarray(end + 4, total).toString('utf8');
    this.buffered = this.buffered.subarray(total);
    this.waiting = undefined;
    waiting?.resolve({ status, text });
  }
}
