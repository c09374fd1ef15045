// WebSocket reconnection: resume with connection_id + sequence_number (replay, lossless,
// after a challenge), refusals that start a new connection with hello (unknown id, another
// user's id, events gone from the buffer, future seq), the official WebSocketClient's own
// reconnect and resync paths, and sockets closed when their session ends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, newUser, socket, withTimeout } from './lib/harness.mjs';
import { rawSocket, connected as connectedTo, assertConsecutive } from './lib/rawsocket.mjs';

const BUFFER = 6; // ParleySettings.ReconnectBufferSize for this server

let server;
before(async () => {
  server = await startServer({
    env: {
      MM_PARLEYSETTINGS_WEBSOCKETAUTHTIMEOUTSECONDS: '1',
      // Sequence tests count every event; status_change on connect is covered in statuses.test.mjs.
      MM_SERVICESETTINGS_ENABLEUSERSTATUSES: 'false',
      MM_PARLEYSETTINGS_RECONNECTBUFFERSIZE: String(BUFFER),
    },
  });
  await newUser(server); // the first user is the admin; tests use ordinary users
});
after(async () => {
  await server.stop();
});

const connected = (user, query) => connectedTo(server, user, query);

test('reconnect with connection_id + sequence_number replays exactly the missed events', async () => {
  const u = await newUser(server);
  const s1 = await connected(u);
  const connectionId = s1.events()[0].data.connection_id;
  await u.client.patchUser({ id: u.user.id, nickname: 'seen' });
  await s1.waitEvent('user_updated', (e) => e.data.user.nickname === 'seen');
  const next = s1.events().length; // next expected seq
  await s1.close();

  for (const nick of ['m1', 'm2', 'm3']) await u.client.patchUser({ id: u.user.id, nickname: nick });

  const s2 = rawSocket(server, {
    token: u.client.getToken(),
    query: { connection_id: connectionId, sequence_number: String(next) },
  });
  await s2.opened;
  await s2.waitFor(() => s2.events().length >= 3);
  await u.client.patchUser({ id: u.user.id, nickname: 'live' });
  await s2.waitEvent('user_updated', (e) => e.data.user.nickname === 'live');
  const evs = s2.events();
  assert.equal(evs.some((e) => e.event === 'hello'), false, 'a resumed connection gets no new hello');
  assert.deepEqual(
    evs.map((e) => e.data.user.nickname),
    ['m1', 'm2', 'm3', 'live'],
  );
  assertConsecutive(evs, next);
  await s2.close();
});

test('a lossless reconnect (nothing missed) continues the sequence without hello', async () => {
  const u = await newUser(server);
  const s1 = await connected(u);
  const connectionId = s1.events()[0].data.connection_id;
  await s1.close();
  const s2 = await rawSocket(server, {
    token: u.client.getToken(),
    query: { connection_id: connectionId, sequence_number: '1' },
  });
  await s2.opened;
  await u.client.patchUser({ id: u.user.id, nickname: 'after' });
  const ev = await s2.waitEvent('user_updated', (e) => e.data.user.nickname === 'after');
  assert.equal(ev.seq, 1);
  assert.equal(s2.events()[0], ev);
  await s2.close();
});

test('resuming works after authenticating by challenge too', async () => {
  const u = await newUser(server);
  const s1 = await connected(u);
  const connectionId = s1.events()[0].data.connection_id;
  await s1.close();
  await u.client.patchUser({ id: u.user.id, nickname: 'missed' });
  const s2 = rawSocket(server, { query: { connection_id: connectionId, sequence_number: '1' } });
  await s2.opened;
  const seq = s2.send('authentication_challenge', { token: u.client.getToken() });
  assert.equal((await s2.waitReply(seq)).status, 'OK');
  const ev = await s2.waitEvent('user_updated');
  assert.equal(ev.data.user.nickname, 'missed');
  assert.equal(ev.seq, 1);
  assert.equal(s2.events()[0], ev);
  await s2.close();
});

test('an unknown connection_id gets a new connection id and hello at seq 0', async () => {
  const u = await newUser(server);
  const unknown = 'x'.repeat(26);
  const s = await connected(u, { connection_id: unknown, sequence_number: '5' });
  const hello = s.events()[0];
  assert.equal(hello.event, 'hello');
  assert.equal(hello.seq, 0);
  assert.notEqual(hello.data.connection_id, unknown);
  assert.match(hello.data.connection_id, /^[a-z0-9]{26}$/);
  await s.close();
});

test("another user's connection_id is never resumed", async () => {
  const a = await newUser(server);
  const b = await newUser(server);
  const sa = await connected(a);
  const aConn = sa.events()[0].data.connection_id;
  await sa.close();
  await a.client.patchUser({ id: a.user.id, nickname: 'private' });
  const sb = await connected(b, { connection_id: aConn, sequence_number: '1' });
  const hello = sb.events()[0];
  assert.equal(hello.event, 'hello');
  assert.notEqual(hello.data.connection_id, aConn);
  assert.equal(hello.broadcast.user_id, b.user.id);
  await sb.close();
});

test('a sequence_number older than the replay buffer gets a new connection and hello at seq 0', async () => {
  const u = await newUser(server);
  const s1 = await connected(u);
  const connectionId = s1.events()[0].data.connection_id;
  await s1.close();
  for (let i = 0; i < BUFFER + 2; i++) await u.client.patchUser({ id: u.user.id, nickname: `o${i}` });

  const s2 = await connected(u, { connection_id: connectionId, sequence_number: '1' });
  const hello = s2.events()[0];
  assert.equal(hello.event, 'hello');
  assert.equal(hello.seq, 0);
  assert.notEqual(hello.data.connection_id, connectionId);
  await u.client.patchUser({ id: u.user.id, nickname: 'fresh' });
  await s2.waitEvent('user_updated', (e) => e.data.user.nickname === 'fresh');
  assertConsecutive(s2.events());
  assert.equal(s2.events().length, 2, 'no stale replay on the new connection');
  await s2.close();

  // A sequence_number from the future is refused the same way.
  const s3 = await connected(u, { connection_id: hello.data.connection_id, sequence_number: '999' });
  assert.equal(s3.events()[0].seq, 0);
  assert.notEqual(s3.events()[0].data.connection_id, hello.data.connection_id);
  await s3.close();
});

test('the official client reconnects by itself, resumes, and never loops on 4001', async () => {
  const u = await newUser(server);
  const s = await socket(server, u.client, { minWebSocketRetryTime: 100, reconnectJitterRange: 50 });
  let reconnects = 0;
  const closes = [];
  s.ws.addReconnectListener(() => {
    reconnects += 1;
  });
  s.ws.addCloseListener((n) => closes.push(s.ws.lastErrCode ?? n));
  const connectionId = s.ws.connectionId;

  await u.client.patchUser({ id: u.user.id, nickname: 'before' });
  await s.waitFor('user_updated', (e) => e.data.user.nickname === 'before');

  const reopened = new Promise((resolve) => s.ws.addReconnectListener(resolve));
  s.ws.conn.close(); // drop the underlying socket as a network failure would
  await u.client.patchUser({ id: u.user.id, nickname: 'while-down' });
  await withTimeout(reopened, 5000, 'reconnect');
  await u.client.patchUser({ id: u.user.id, nickname: 'after' });
  await s.waitFor('user_updated', (e) => e.data.user.nickname === 'after');

  assert.equal(reconnects, 1);
  assert.equal(s.resyncs.length, 0, 'a resumed connection needs no resync');
  assert.equal(s.ws.connectionId, connectionId);
  assert.equal(closes.length, 1);
  const nicks = s.events.filter((e) => e.event === 'user_updated').map((e) => e.data.user.nickname);
  assert.deepEqual(nicks, ['before', 'while-down', 'after']);
  assertConsecutive(s.events);
  // Stays up: one more round trip and no further close.
  const pong = await withTimeout(new Promise((resolve) => s.ws.ping(resolve)), 5000, 'pong');
  assert.equal(pong.data.text, 'pong');
  assert.equal(closes.length, 1);
  s.close();
});

test('the official client resyncs once when its connection is gone', async () => {
  const u = await newUser(server);
  const s = await socket(server, u.client, { minWebSocketRetryTime: 100, reconnectJitterRange: 50 });
  let closes = 0;
  s.ws.addCloseListener(() => {
    closes += 1;
  });
  const first = s.ws.connectionId;
  const reopened = new Promise((resolve) => s.ws.addReconnectListener(resolve));
  s.ws.conn.close();
  // Overflow the replay buffer while the client is away.
  for (let i = 0; i < BUFFER + 2; i++) await u.client.patchUser({ id: u.user.id, nickname: `gone${i}` });
  await withTimeout(reopened, 5000, 'reconnect');
  await withTimeout(
    (async () => {
      while (s.ws.connectionId === first) await new Promise((r) => setTimeout(r, 20));
    })(),
    5000,
    'new connection id',
  );
  await u.client.patchUser({ id: u.user.id, nickname: 'back' });
  await s.waitFor('user_updated', (e) => e.data.user.nickname === 'back');
  assert.equal(s.resyncs.length, 1);
  assert.equal(closes, 1, 'no 4001 reconnect loop');
  s.close();
});

test('logging out closes that session’s sockets; other sessions keep theirs', async () => {
  const u = await newUser(server);
  const other = client(server);
  await other.login(u.user.username, u.password);
  const s1 = await connected(u);
  const s2 = await connected({ client: other });
  await other.logout();
  await s2.waitClosed();
  await u.client.patchUser({ id: u.user.id, nickname: 'still-open' });
  await s1.waitEvent('user_updated', (e) => e.data.user.nickname === 'still-open');
  assert.equal(s1.isClosed, false);
  // The revoked token cannot open a new socket.
  const s3 = rawSocket(server, { token: other.getToken() });
  await s3.opened;
  await s3.waitClosed(10000);
  assert.equal(s3.events().length, 0);
  await s1.close();
});
