// The WebSocket protocol: hello, the three ways to authenticate, origin checks, the auth
// timeout, actions and their replies, per-connection sequence numbers and who receives which
// event (raw `ws` frames and the official WebSocketClient). Reconnection is in
// websocket_reconnect.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, socket, withTimeout } from './lib/harness.mjs';
import { rawSocket, connected as connectedTo, assertConsecutive } from './lib/rawsocket.mjs';
import { slug, teamWith } from './lib/teams.mjs';

let server;
let admin;
before(async () => {
  server = await startServer({
    env: {
      MM_PARLEYSETTINGS_WEBSOCKETAUTHTIMEOUTSECONDS: '1',
      // Sequence tests count every event; status_change on connect is covered in statuses.test.mjs.
      MM_SERVICESETTINGS_ENABLEUSERSTATUSES: 'false',
      MM_PRIVACYSETTINGS_SHOWEMAILADDRESS: 'false',
      MM_PRIVACYSETTINGS_SHOWFULLNAME: 'false',
    },
  });
  admin = await newUser(server); // first user: system admin
});
after(async () => {
  await server.stop();
});

const connected = (user, query) => connectedTo(server, user, query);

async function versionHeader() {
  const res = await raw(server, 'GET', '/api/v4/system/ping');
  return res.headers.get('x-version-id');
}

test('hello is the first event, at seq 0, with a 26-char connection_id and server_version', async () => {
  const u = await newUser(server);
  const s = await socket(server, u.client);
  const hello = s.events[0];
  assert.equal(hello.event, 'hello');
  assert.equal(hello.seq, 0);
  assert.match(hello.data.connection_id, /^[a-z0-9]{26}$/);
  assert.equal(hello.data.server_version, await versionHeader());
  assert.equal(hello.broadcast.user_id, u.user.id);
  assert.equal(s.ws.connectionId, hello.data.connection_id);
  s.close();
});

test('authentication_challenge is answered OK with seq_reply, then hello', async () => {
  const u = await newUser(server);
  const s = rawSocket(server);
  await s.opened;
  const seq = s.send('authentication_challenge', { token: u.client.getToken() });
  const reply = await s.waitReply(seq);
  assert.deepEqual(reply, { status: 'OK', seq_reply: seq });
  const hello = await s.waitEvent('hello');
  assert.equal(hello.seq, 0);
  assert.equal(hello.broadcast.user_id, u.user.id);
  // A second challenge on an authenticated socket is ignored, and the socket keeps working.
  s.send('authentication_challenge', { token: 'whatever' });
  const ping = s.send('ping');
  assert.equal((await s.waitReply(ping)).status, 'OK');
  assert.equal(s.frames.filter((f) => f.event === 'hello').length, 1);
  await s.close();
});

test('a Bearer header on the upgrade authenticates without a challenge', async () => {
  const u = await newUser(server);
  const s = rawSocket(server, { token: u.client.getToken() });
  await s.opened;
  const hello = await s.waitEvent('hello');
  assert.equal(hello.seq, 0);
  assert.equal(hello.broadcast.user_id, u.user.id);
  await s.close();
});

test('an MMAUTHTOKEN cookie on the upgrade authenticates (how the web app connects)', async () => {
  const u = await newUser(server);
  const login = await fetch(`${server.url}/api/v4/users/login`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ login_id: u.user.username, password: u.password }),
  });
  const jar = Object.fromEntries(login.headers.getSetCookie().map((c) => c.split(';')[0].split('=')));
  const s = rawSocket(server, {
    cookie: `MMAUTHTOKEN=${jar.MMAUTHTOKEN}; MMUSERID=${jar.MMUSERID}; MMCSRF=${jar.MMCSRF}`,
    query: { connection_id: '', sequence_number: '0', posted_ack: 'true' },
  });
  await s.opened;
  const hello = await s.waitEvent('hello');
  assert.equal(hello.broadcast.user_id, u.user.id);
  await s.close();
});

test('a browser Origin other than the server is refused (cross-site WebSocket hijacking)', async () => {
  const u = await newUser(server);
  const host = new URL(server.url).host;
  const evil = rawSocket(server, { token: u.client.getToken(), headers: { Origin: 'http://evil.example' } });
  await assert.rejects(evil.opened, /upgrade refused: 403/);
  const nullOrigin = rawSocket(server, { token: u.client.getToken(), headers: { Origin: 'null' } });
  await assert.rejects(nullOrigin.opened, /upgrade refused: 403/);
  const same = rawSocket(server, { token: u.client.getToken(), headers: { Origin: `http://${host}` } });
  await same.opened;
  await same.waitEvent('hello');
  await same.close();
});

test('a plain GET on the WebSocket path is a 400 AppError', async () => {
  for (const p of ['/api/v4/websocket', '/api/v4/websocket/']) {
    const res = await raw(server, 'GET', p);
    assert.equal(res.status, 400, p);
    assert.equal(res.body.id, 'api.web_socket.connect.upgrade.app_error');
  }
});

test('a bad token on the challenge closes the socket', async () => {
  const s = rawSocket(server);
  await s.opened;
  s.send('authentication_challenge', { token: 'a'.repeat(26) });
  await s.waitClosed();
  assert.equal(s.events().length, 0);
  const t = rawSocket(server);
  await t.opened;
  t.send('authentication_challenge', {});
  await t.waitClosed();
});

test('an invalid Bearer header leaves the socket unauthenticated; a challenge still works', async () => {
  const u = await newUser(server);
  const s = rawSocket(server, { token: 'b'.repeat(26) });
  await s.opened;
  const seq = s.send('authentication_challenge', { token: u.client.getToken() });
  assert.equal((await s.waitReply(seq)).status, 'OK');
  const hello = await s.waitEvent('hello');
  assert.equal(hello.broadcast.user_id, u.user.id);
  await s.close();
});

test('actions before authentication fail with not_authenticated', async () => {
  const s = rawSocket(server);
  await s.opened;
  const seq = s.send('ping');
  const reply = await s.waitReply(seq);
  assert.equal(reply.status, 'FAIL');
  assert.equal(reply.error.id, 'api.web_socket_router.not_authenticated.app_error');
  assert.equal(reply.error.status_code, 401);
  assert.equal(s.events().length, 0);
  await s.close();
});

test('an unauthenticated socket is closed after WebSocketAuthTimeoutSeconds', async () => {
  const s = rawSocket(server);
  await s.opened;
  await s.waitClosed(10000);
  assert.equal(s.events().length, 0);
  // An authenticated one outlives the timeout.
  const u = await newUser(server);
  const ok = await connected(u);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(ok.isClosed, false);
  const seq = ok.send('ping');
  assert.equal((await ok.waitReply(seq)).status, 'OK');
  await ok.close();
});

test('ping is answered with pong, version, server_time and node_id', async () => {
  const u = await newUser(server);
  const s = await connected(u);
  const before = Date.now();
  const seq = s.send('ping');
  const reply = await s.waitReply(seq);
  assert.deepEqual(Object.keys(reply).sort(), ['data', 'seq_reply', 'status']);
  assert.equal(reply.status, 'OK');
  assert.equal(reply.data.text, 'pong');
  assert.equal(reply.data.version, (await versionHeader()).split('.').slice(0, 3).join('.'));
  assert.equal(typeof reply.data.server_time, 'number');
  assert.ok(reply.data.server_time >= before - 60_000 && reply.data.server_time <= Date.now() + 60_000);
  assert.equal(reply.data.node_id, '');
  // Replies consume no event seq: the next event is still seq 1.
  await u.client.patchUser({ id: u.user.id, nickname: 'after-ping' });
  const ev = await s.waitEvent('user_updated', (e) => e.data.user.id === u.user.id);
  assert.equal(ev.seq, 1);
  await s.close();
});

test('the official client ping gets pong', async () => {
  const u = await newUser(server);
  const s = await socket(server, u.client);
  const reply = await withTimeout(new Promise((resolve) => s.ws.ping(resolve)), 5000, 'pong');
  assert.equal(reply.status, 'OK');
  assert.equal(reply.data.text, 'pong');
  s.close();
});

test('presence and posted_notify_ack are acknowledged with a bare OK', async () => {
  const u = await newUser(server);
  const s = await connected(u);
  const presence = s.send('presence', { channel_id: 'c'.repeat(26), team_id: 't'.repeat(26) });
  assert.deepEqual(await s.waitReply(presence), { status: 'OK', seq_reply: presence });
  const ack = s.send('posted_notify_ack', { post_id: 'p'.repeat(26), status: 'received' });
  assert.deepEqual(await s.waitReply(ack), { status: 'OK', seq_reply: ack });
  await s.close();
});

test('user_typing reaches the other channel members only, never the typist', async () => {
  const a = await newUser(server);
  const b = await newUser(server);
  const teammate = await newUser(server); // in the team, not in the channel
  const outsider = await newUser(server);
  const team = await teamWith(a, b, teammate);
  const channel = await a.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Typing', type: 'P' });
  await a.client.addToChannel(b.user.id, channel.id);
  const sa = await connected(a);
  const sb = await connected(b);
  const st = await connected(teammate);
  const so = await connected(outsider);

  const seq = sa.send('user_typing', { channel_id: channel.id, parent_id: '' });
  assert.deepEqual(await sa.waitReply(seq), { status: 'OK', seq_reply: seq });
  const ev = await sb.waitEvent('typing');
  assert.deepEqual(ev.data, { parent_id: '', user_id: a.user.id });
  assert.equal(ev.broadcast.channel_id, channel.id);
  assert.deepEqual(ev.broadcast.omit_users, { [a.user.id]: true });

  // Typing in a thread carries the root id.
  const root = 'r'.repeat(26);
  sb.send('user_typing', { channel_id: channel.id, parent_id: root });
  const threaded = await sa.waitEvent('typing');
  assert.deepEqual(threaded.data, { parent_id: root, user_id: b.user.id });

  // Non-members cannot type there (Mattermost answers invalid_param, not 403).
  const denied = so.send('user_typing', { channel_id: channel.id });
  const reply = await so.waitReply(denied);
  assert.equal(reply.error.id, 'api.websocket_handler.invalid_param.app_error');
  assert.equal(reply.error.status_code, 400);
  const teamDenied = st.send('user_typing', { channel_id: channel.id });
  assert.equal((await st.waitReply(teamDenied)).status, 'FAIL');

  // Marker: a broadcast after the typing events; once it arrives, typing would have too.
  await a.client.patchUser({ id: a.user.id, nickname: 'typing-marker' });
  for (const s of [sa, sb, st, so]) await s.waitEvent('user_updated', (e) => e.data.user.nickname === 'typing-marker');
  assert.equal(sa.events().filter((e) => e.event === 'typing').length, 1, 'only b typing reaches a');
  assert.equal(sb.events().filter((e) => e.event === 'typing').length, 1, 'only a typing reaches b');
  assert.equal(st.events().some((e) => e.event === 'typing'), false);
  assert.equal(so.events().some((e) => e.event === 'typing'), false);
  await Promise.all([sa, sb, st, so].map((s) => s.close()));
});

test('unknown, missing and badly numbered actions fail with Mattermost error ids', async () => {
  const u = await newUser(server);
  const s = await connected(u);
  const bad = s.send('no_such_action');
  const badReply = await s.waitReply(bad);
  assert.equal(badReply.status, 'FAIL');
  assert.equal(badReply.error.id, 'api.web_socket_router.bad_action.app_error');
  assert.equal(badReply.error.status_code, 500);
  assert.equal(badReply.error.detailed_error, '');
  const none = s.send('');
  assert.equal((await s.waitReply(none)).error.id, 'api.web_socket_router.no_action.app_error');
  // seq 0: Mattermost omits seq_reply (omitempty); the reply is recognised by its status.
  s.sendText(JSON.stringify({ action: 'ping', seq: 0 }));
  const badSeq = await s.waitFor((f) => f.status === 'FAIL' && f.error?.id === 'api.web_socket_router.bad_seq.app_error');
  assert.equal('seq_reply' in badSeq, false);
  // Garbage frames do not kill the server, and the socket's events stay numbered.
  const typing = s.send('user_typing', { channel_id: 'nope' });
  assert.equal((await s.waitReply(typing)).error.id, 'api.websocket_handler.invalid_param.app_error');
  await u.client.patchUser({ id: u.user.id, nickname: 'still-here' });
  const ev = await s.waitEvent('user_updated', (e) => e.data.user.id === u.user.id);
  assert.equal(ev.seq, 1);
  assert.equal((await raw(server, 'GET', '/api/v4/system/ping')).status, 200);
  await s.close();
});

test('sequence numbers are strictly consecutive per connection under concurrent events', async () => {
  const users = await Promise.all([newUser(server), newUser(server), newUser(server)]);
  const sockets = await Promise.all(users.map((u) => connected(u)));
  const official = await socket(server, users[0].client);
  const rounds = 8;
  await Promise.all(
    users.flatMap((u) =>
      Array.from({ length: rounds }, (_, i) => u.client.patchUser({ id: u.user.id, nickname: `n${i}` })),
    ),
  );
  const total = users.length * rounds;
  for (const s of sockets) {
    const last = users.map((u) => u.user.id);
    await s.waitFor(() => s.events().filter((e) => e.event === 'user_updated' && last.includes(e.data.user.id)).length >= total);
    assertConsecutive(s.events());
  }
  await official.waitFor('user_updated', () =>
    official.events.filter((e) => e.event === 'user_updated').length >= total,
  ).catch(() => {});
  assert.ok(official.events.filter((e) => e.event === 'user_updated').length >= total);
  assertConsecutive(official.events);
  assert.equal(official.ws.lastErrCode, null);
  official.close();
  await Promise.all(sockets.map((s) => s.close()));
});

test('new_user and user_updated go to everyone; user_role_updated only to that user', async () => {
  const a = await newUser(server);
  const b = await newUser(server);
  const sa = await connected(a);
  const sb = await connected(b);
  const sAdmin = await connected(admin);

  const c = await newUser(server);
  for (const s of [sa, sb, sAdmin]) await s.waitEvent('new_user', (e) => e.data.user_id === c.user.id);

  await admin.client.updateUserRoles(b.user.id, 'system_user system_user_manager');
  const roleEvent = await sb.waitEvent('user_role_updated');
  assert.equal(roleEvent.data.user_id, b.user.id);
  assert.equal(roleEvent.data.roles, 'system_user system_user_manager');
  assert.equal(roleEvent.broadcast.user_id, b.user.id);

  // A later broadcast is a marker: once a and admin have it, they would have had the role event.
  await c.client.patchUser({ id: c.user.id, nickname: 'marker' });
  for (const s of [sa, sAdmin, sb]) {
    await s.waitEvent('user_updated', (e) => e.data.user.id === c.user.id && e.data.user.nickname === 'marker');
  }
  assert.equal(sa.events().some((e) => e.event === 'user_role_updated'), false);
  assert.equal(sAdmin.events().some((e) => e.event === 'user_role_updated'), false);
  for (const s of [sa, sb, sAdmin]) assertConsecutive(s.events());

  // user_updated never leaks the password, and others see no email unless privacy allows it.
  const seen = sa.events().find((e) => e.event === 'user_updated' && e.data.user.id === c.user.id);
  assert.equal(seen.data.user.password, undefined);
  await Promise.all([sa, sb, sAdmin].map((s) => s.close()));
});

test('user_updated: the user gets everything, admins email and names, others the sanitised profile', async () => {
  const t = await newUser(server);
  const other = await newUser(server);
  const marker = await newUser(server);
  const sockets = { self: await connected(t), other: await connected(other), admin: await connected(admin) };
  await t.client.patchUser({ id: t.user.id, first_name: 'Tess', nickname: 'per-recipient' });
  await marker.client.patchUser({ id: marker.user.id, nickname: 'marker2' });
  const seen = {};
  for (const [who, s] of Object.entries(sockets)) {
    await s.waitEvent('user_updated', (e) => e.data.user.id === marker.user.id);
    const mine = s.events().filter((e) => e.event === 'user_updated' && e.data.user.id === t.user.id);
    assert.equal(mine.length, 1, `${who} gets exactly one user_updated`);
    seen[who] = mine[0].data.user;
    assert.equal(seen[who].nickname, 'per-recipient');
    assert.equal(seen[who].password, undefined);
  }
  assert.equal(seen.self.email, t.user.email);
  assert.equal(seen.self.first_name, 'Tess');
  assert.equal(typeof seen.self.notify_props, 'object', 'the user keeps their own settings');
  assert.equal(seen.admin.email, t.user.email);
  assert.equal(seen.admin.first_name, 'Tess');
  assert.equal(seen.admin.notify_props, undefined);
  assert.equal(seen.other.email, '');
  assert.equal(seen.other.first_name, '');
  assert.equal(seen.other.notify_props, undefined);
  // Promoted to admin, the other user's open socket now gets the admin copy.
  await admin.client.updateUserRoles(other.user.id, 'system_user system_admin');
  await sockets.other.waitEvent('user_role_updated');
  await t.client.patchUser({ id: t.user.id, nickname: 'after-promotion' });
  const promoted = await sockets.other.waitEvent('user_updated', (e) => e.data.user.nickname === 'after-promotion');
  assert.equal(promoted.data.user.email, t.user.email);
  for (const s of Object.values(sockets)) assertConsecutive(s.events());
  await Promise.all(Object.values(sockets).map((s) => s.close()));
});
