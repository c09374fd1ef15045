// Server-side WebSocket keepalive: idle sockets get ping control frames (so proxies keep them
// open), and a peer that stops answering is dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, withTimeout } from './lib/harness.mjs';
import { rawSocket } from './lib/rawsocket.mjs';

let server;
before(async () => {
  // Pings go out after half the pong timeout of silence.
  server = await startServer({ env: { MM_PARLEYSETTINGS_WEBSOCKETPONGTIMEOUTSECONDS: '2' } });
});
after(async () => {
  await server.stop();
});

test('an idle authenticated socket receives ping frames and stays open', async () => {
  const u = await newUser(server);
  const s = rawSocket(server, { token: u.client.getToken() });
  await s.opened;
  let pings = 0;
  s.ws.on('ping', () => {
    pings += 1;
  });
  await withTimeout(new Promise((resolve) => s.ws.once('ping', resolve)), 5000, 'server ping frame');
  // ws answers pings with pongs automatically, so the socket outlives the pong timeout.
  await new Promise((r) => setTimeout(r, 2500));
  assert.ok(pings >= 1);
  assert.equal(s.isClosed, false);
  s.ws.close();
});

test('a peer that never answers pings is dropped', async () => {
  const u = await newUser(server);
  const s = rawSocket(server, { token: u.client.getToken() });
  await s.opened;
  // ws answers pings by calling pong(); silence it so the server hears nothing back.
  s.ws.pong = () => {};
  const closed = await withTimeout(s.closed, 10000, 'server to drop the silent socket');
  assert.ok(closed);
});
