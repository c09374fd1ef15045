// A raw `ws` WebSocket to /api/v4/websocket for the details the official WebSocketClient hides:
// upgrade headers, exact frames, close timing, reconnect query parameters.
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { withTimeout } from './harness.mjs';

// Opens a socket. `token` goes in an Authorization: Bearer header, `cookie` in Cookie, `query`
// (e.g. {connection_id, sequence_number}) in the URL, `headers` as given (e.g. Origin).
// Await `.opened` before sending.
export function rawSocket(server, { token, cookie, query, headers: extra = {} } = {}) {
  const headers = { ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (cookie) headers.Cookie = cookie;
  const qs = query ? `?${new URLSearchParams(query)}` : '';
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v4/websocket${qs}`, { headers });
  const frames = [];
  const waiters = [];
  let closeInfo = null;
  let onClose;
  const closed = new Promise((resolve) => {
    onClose = resolve;
  });
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    frames.push(msg);
    for (const w of [...waiters]) {
      if (w.match(msg)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(msg);
      }
    }
  });
  ws.on('close', (code) => {
    closeInfo = { code };
    onClose(closeInfo);
  });
  ws.on('error', () => {});
  const opened = new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  let seq = 0;
  return {
    ws,
    frames,
    opened,
    closed,
    get isClosed() {
      return closeInfo !== null;
    },
    // Server events only (replies have seq_reply and no event).
    events() {
      return frames.filter((f) => 'event' in f);
    },
    // Sends an action with the next request seq (or the given one); returns the seq used.
    send(action, data = {}, explicitSeq) {
      seq = explicitSeq ?? seq + 1;
      ws.send(JSON.stringify({ action, seq, data }));
      return seq;
    },
    sendText(text) {
      ws.send(text);
    },
    // Resolves with the first frame (already received or future) matching pred.
    waitFor(pred, ms = 5000, what = 'frame') {
      const seen = frames.find(pred);
      if (seen) return Promise.resolve(seen);
      return withTimeout(new Promise((resolve) => waiters.push({ match: pred, resolve })), ms, what);
    },
    waitEvent(name, pred = () => true, ms = 5000) {
      return this.waitFor((f) => f.event === name && pred(f), ms, name);
    },
    waitReply(seqReply, ms = 5000) {
      return this.waitFor((f) => f.seq_reply === seqReply, ms, `reply ${seqReply}`);
    },
    waitClosed(ms = 5000) {
      return withTimeout(closed, ms, 'close');
    },
    async close() {
      if (closeInfo) return;
      ws.close();
      await withTimeout(closed, 5000, 'close');
    },
  };
}

// A socket of `user` ({client}) authenticated by Bearer header that has received its hello.
export async function connected(server, user, query) {
  const s = rawSocket(server, { token: user.client.getToken(), query });
  await s.opened;
  await s.waitEvent('hello');
  return s;
}

// Asserts that the events' seq values are exactly first, first+1, ...
export function assertConsecutive(events, first = 0) {
  assert.deepEqual(
    events.map((e) => e.seq),
    events.map((_, i) => first + i),
    `non-consecutive seqs: ${events.map((e) => `${e.event}:${e.seq}`).join(' ')}`,
  );
}
