// Raw HTTP/1.1 over one TCP connection, for what fetch() hides: literal (unnormalised) paths,
// HEAD responses without bodies, several requests on one keep-alive connection, partial sends.
import net from 'node:net';
import { withTimeout } from './harness.mjs';

export async function rawConnection(server) {
  const { port } = new URL(server.url);
  const sock = net.connect({ host: '127.0.0.1', port: Number(port) });
  await new Promise((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  let buf = Buffer.alloc(0);
  let ended = false;
  let wake = null;
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    wake?.();
  });
  sock.on('end', () => {
    ended = true;
    wake?.();
  });
  sock.on('close', () => {
    ended = true;
    wake?.();
  });
  sock.on('error', () => {});
  const more = () =>
    new Promise((resolve) => {
      wake = () => {
        wake = null;
        resolve();
      };
    });

  // Reads one response; `head` means no body follows whatever Content-Length says.
  async function readResponse(head = false) {
    let end;
    while ((end = buf.indexOf('\r\n\r\n')) < 0) {
      if (ended) throw new Error(`connection closed before a response (${buf.length} bytes)`);
      await more();
    }
    const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
    const [, status] = lines[0].match(/^HTTP\/1\.1 (\d{3})/) ?? [];
    const headers = {};
    for (const l of lines.slice(1)) {
      const i = l.indexOf(':');
      headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
    }
    buf = buf.subarray(end + 4);
    let body = Buffer.alloc(0);
    if (!head) {
      if (headers['transfer-encoding'] === 'chunked') throw new Error('chunked responses not expected');
      const len = Number(headers['content-length'] ?? 0);
      while (buf.length < len) {
        if (ended) throw new Error('connection closed inside a body');
        await more();
      }
      body = buf.subarray(0, len);
      buf = buf.subarray(len);
    }
    return { status: Number(status), headers, body: body.toString('utf8') };
  }

  return {
    sock,
    write(text) {
      sock.write(text);
    },
    // Sends one request and reads its response.
    async request(method, path, { headers = {}, body = '' } = {}) {
      const h = { Host: 'localhost', ...headers };
      if (body) h['Content-Length'] = Buffer.byteLength(body);
      const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(h)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`;
      sock.write(head + body);
      return withTimeout(readResponse(method === 'HEAD'), 10000, `${method} ${path}`);
    },
    readResponse: (head) => withTimeout(readResponse(head), 10000, 'response'),
    // Bytes received and not yet consumed by readResponse.
    pending: () => buf.length,
    get ended() {
      return ended;
    },
    close() {
      sock.destroy();
    },
  };
}
