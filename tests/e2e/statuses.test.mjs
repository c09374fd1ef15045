// Statuses through the official Client4 and WebSocketClient: online/offline from sockets,
// manual statuses, DND, status_change to the user only, WebSocket status actions, errors,
// automatic away after TeamSettings.UserStatusAwayTimeout, posting as activity, custom statuses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket, withTimeout, client } from './lib/harness.mjs';
import { openTeam } from './lib/teams.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await newUser(server);
});
after(async () => {
  await server.stop();
});

// Polls until the user's status (seen by `c`) equals `want`.
async function eventually(c, userId, want) {
  for (let i = 0; i < 100; i++) {
    const [s] = await c.getStatusesByIds([userId]);
    if (s.status === want) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`status of ${userId} never became ${want}`);
}

// Sends a WebSocket action and resolves with its reply.
function action(ws, send) {
  return withTimeout(new Promise((resolve) => send(resolve)), 5000, 'websocket reply');
}

test('users without a socket are offline; unknown ids too', async () => {
  const { client: c, user } = await newUser(server);
  const ghost = 'k9m3xq8zj7fy5r1tbn4wcd6hpa';
  const statuses = await c.getStatusesByIds([user.id, ghost]);
  assert.deepEqual(statuses.map((s) => [s.user_id, s.status]), [[user.id, 'offline'], [ghost, 'offline']]);
  const one = await c.getStatus(ghost);
  assert.equal(one.status, 'offline');
  assert.equal(one.user_id, ghost);
});

test('a socket makes the user online and closing the last one offline', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const ws1 = await socket(server, alice.client);
  const online = await ws1.waitFor('status_change', (m) => m.data.status === 'online');
  assert.deepEqual(online.data, { status: 'online', user_id: alice.user.id });
  assert.equal(online.broadcast.user_id, alice.user.id);
  const seen = await eventually(bob.client, alice.user.id, 'online');
  assert.equal(seen.manual, false);
  assert.ok(seen.last_activity_at > 0);
  assert.equal(typeof seen.dnd_end_time, 'number');

  const ws2 = await socket(server, alice.client);
  ws1.close();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await bob.client.getStatus(alice.user.id)).status, 'online');
  ws2.close();
  await eventually(bob.client, alice.user.id, 'offline');
});

test('status_change goes to that user only', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const bobWs = await socket(server, bob.client);
  try {
    await bobWs.waitFor('status_change', (m) => m.data.user_id === bob.user.id);
    await alice.client.updateStatus({ user_id: alice.user.id, status: 'away' });
    assert.ok(await bobWs.none('status_change', (m) => m.data.user_id === alice.user.id));
  } finally {
    bobWs.close();
  }
});

test('manual statuses survive connects and disconnects; online is never manual', async () => {
  const { client: c, user } = await newUser(server);
  const away = await c.updateStatus({ user_id: user.id, status: 'away' });
  assert.equal(away.status, 'away');
  assert.equal(away.manual, true);
  const ws = await socket(server, c);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await c.getStatus(user.id)).status, 'away');
  const online = await c.updateStatus({ user_id: user.id, status: 'online' });
  assert.equal(online.status, 'online');
  assert.equal(online.manual, false);
  await ws.waitFor('status_change', (m) => m.data.status === 'online');
  const offline = await c.updateStatus({ user_id: user.id, status: 'offline' });
  assert.deepEqual([offline.status, offline.manual], ['offline', true]);
  ws.close();
  const ws2 = await socket(server, c);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await c.getStatus(user.id)).status, 'offline');
  ws2.close();
});

test('dnd keeps its end time, truncated to the minute', async () => {
  const { client: c, user } = await newUser(server);
  const end = Math.floor(Date.now() / 1000) + 3600 + 17;
  const dnd = await c.updateStatus({ user_id: user.id, status: 'dnd', dnd_end_time: end });
  assert.equal(dnd.status, 'dnd');
  assert.equal(dnd.manual, true);
  assert.equal(dnd.dnd_end_time, end - (end % 60));
  const plain = await c.updateStatus({ user_id: user.id, status: 'dnd' });
  assert.equal(plain.dnd_end_time, 0);
});

test('timed dnd returns to the previous status once its end time passes', async () => {
  const { client: c, user } = await newUser(server);
  const ws = await socket(server, c);
  try {
    await ws.waitFor('status_change', (m) => m.data.status === 'online');
    // An end time within the current minute is already due once truncated; the server's
    // periodic check (once a minute) ends it.
    const dnd = await c.updateStatus({ user_id: user.id, status: 'dnd', dnd_end_time: Math.floor(Date.now() / 1000) + 1 });
    assert.equal(dnd.status, 'dnd');
    const dndEvent = await ws.waitFor('status_change', (m) => m.data.status === 'dnd');
    const back = await ws.waitFor('status_change', (m) => m.data.status === 'online' &&
      ws.events.indexOf(m) > ws.events.indexOf(dndEvent), 90000);
    assert.equal(back.data.user_id, user.id);
    const now = await c.getStatus(user.id);
    assert.deepEqual([now.status, now.manual, now.dnd_end_time], ['online', false, 0]);
  } finally {
    ws.close();
  }
});

test('status changes need the user themself or an admin, and valid input', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  await rejects(assert, bob.client.updateStatus({ user_id: alice.user.id, status: 'away' }), 403,
    'api.context.permissions.app_error');
  const byAdmin = await admin.client.updateStatus({ user_id: alice.user.id, status: 'dnd' });
  assert.equal(byAdmin.status, 'dnd');
  await rejects(assert, alice.client.updateStatus({ user_id: alice.user.id, status: 'ooo' }), 400,
    'api.context.invalid_param.app_error');
  const token = alice.client.getToken();
  const mismatch = await raw(server, 'PUT', '/api/v4/users/me/status', {
    token,
    body: JSON.stringify({ user_id: bob.user.id, status: 'away' }),
  });
  assertAppError(assert, mismatch, 400, 'api.context.invalid_param.app_error');
  assert.match(mismatch.body.message, /user_id/);
  assertAppError(assert, await raw(server, 'PUT', '/api/v4/users/me/status', { token, body: '[' }), 400);
  for (const body of ['[]', '["short"]', '{"a":1}', 'nope']) {
    assertAppError(assert, await raw(server, 'POST', '/api/v4/users/status/ids', { token, body }), 400,
      'api.context.invalid_param.app_error');
  }
});

test('WebSocket actions: get_statuses, get_statuses_by_ids, user_update_active_status', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const bobWs = await socket(server, bob.client);
  const ws = await socket(server, alice.client);
  try {
    await eventually(alice.client, bob.user.id, 'online');
    await eventually(alice.client, alice.user.id, 'online');
    const all = await action(ws, (done) => ws.ws.getStatuses(done));
    assert.equal(all.status, 'OK');
    assert.equal(all.data[alice.user.id], 'online');
    assert.equal(all.data[bob.user.id], 'online');
    assert.ok(Object.values(all.data).every((s) => s !== 'offline'));

    const ghost = 'k9m3xq8zj7fy5r1tbn4wcd6hpa';
    const some = await action(ws, (done) => ws.ws.getStatusesByIds([bob.user.id, ghost], done));
    assert.deepEqual(some.data, { [bob.user.id]: 'online', [ghost]: 'offline' });
    const none = await action(ws, (done) => ws.ws.getStatusesByIds([], done));
    assert.equal(none.status, 'FAIL');
    assert.equal(none.error.id, 'api.websocket_handler.invalid_param.app_error');

    const idle = await action(ws, (done) => ws.ws.userUpdateActiveStatus(false, true, done));
    assert.equal(idle.status, 'OK');
    await ws.waitFor('status_change', (m) => m.data.status === 'away');
    assert.deepEqual([(await alice.client.getStatus(alice.user.id)).status], ['away']);
    const back = await action(ws, (done) => ws.ws.userUpdateActiveStatus(true, true, done));
    assert.equal(back.status, 'OK');
    await eventually(alice.client, alice.user.id, 'online');
  } finally {
    ws.close();
    bobWs.close();
  }
});

test('a quiet client is set away by the server on a WebSocket pong once idle past the timeout', async () => {
  // Pings go out after half the pong timeout of client silence (1 s here); the official client
  // answers them, and each pong runs Mattermost's automatic away check. The client reports
  // nothing itself.
  const quick = await startServer({
    env: { MM_TEAMSETTINGS_USERSTATUSAWAYTIMEOUT: '1', MM_PARLEYSETTINGS_WEBSOCKETPONGTIMEOUTSECONDS: '2' },
  });
  try {
    const alice = await newUser(quick);
    const ws = await socket(quick, alice.client);
    await ws.waitFor('status_change', (m) => m.data.status === 'online');
    const ev = await ws.waitFor('status_change', (m) => m.data.status === 'away', 15000);
    assert.deepEqual(ev.data, { status: 'away', user_id: alice.user.id });
    const s = await alice.client.getStatus(alice.user.id);
    assert.deepEqual([s.status, s.manual], ['away', false]);
    // A status set by hand is not replaced by later pongs.
    await alice.client.updateStatus({ user_id: alice.user.id, status: 'online' });
    await alice.client.updateStatus({ user_id: alice.user.id, status: 'dnd' });
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal((await alice.client.getStatus(alice.user.id)).status, 'dnd');
    ws.close();
  } finally {
    await quick.stop();
  }
});

test('idle past UserStatusAwayTimeout goes away; posting is activity; manual statuses stay', async () => {
  const quick = await startServer({ env: { MM_TEAMSETTINGS_USERSTATUSAWAYTIMEOUT: '1' } });
  try {
    const alice = await newUser(quick);
    const ws = await socket(quick, alice.client);
    await ws.waitFor('status_change', (m) => m.data.status === 'online');
    // The web app reports inactivity; the server turns it into away only once the user has
    // been idle for the timeout, so keep reporting until it does.
    const away = ws.waitFor('status_change', (m) => m.data.status === 'away', 15000);
    let done = false;
    away.then(() => { done = true; }, () => { done = true; });
    while (!done) {
      await action(ws, (cb) => ws.ws.userUpdateActiveStatus(false, false, cb));
      await new Promise((r) => setTimeout(r, 250));
    }
    const ev = await away;
    assert.deepEqual(ev.data, { status: 'away', user_id: alice.user.id });
    const s = await alice.client.getStatus(alice.user.id);
    assert.deepEqual([s.status, s.manual], ['away', false]);

    // A post (set_online defaults to true) brings the user back online.
    const team = await openTeam(alice);
    const town = await alice.client.getChannelByName(team.id, 'town-square');
    await alice.client.createPost({ channel_id: town.id, message: 'back' });
    await ws.waitFor('status_change', (m) => m.data.status === 'online' && m.data.user_id === alice.user.id &&
      ws.events.indexOf(m) > ws.events.indexOf(ev));
    assert.equal((await alice.client.getStatus(alice.user.id)).status, 'online');

    // A status set by hand is not replaced by inactivity or by posting.
    await alice.client.updateStatus({ user_id: alice.user.id, status: 'dnd' });
    await new Promise((r) => setTimeout(r, 1100));
    await action(ws, (cb) => ws.ws.userUpdateActiveStatus(false, false, cb));
    await alice.client.createPost({ channel_id: town.id, message: 'still busy' });
    assert.equal((await alice.client.getStatus(alice.user.id)).status, 'dnd');
    ws.close();
  } finally {
    await quick.stop();
  }
});

test('custom status: set, user_updated, recent list, clear, and Mattermost validation', async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const ws = await socket(server, alice.client);
  const expires = new Date(Date.now() + 3600 * 1000);
  expires.setMilliseconds(0);
  const wanted = { emoji: 'calendar', text: 'In a meeting', duration: 'one_hour', expires_at: expires.toISOString() };
  assert.deepEqual(await alice.client.updateCustomStatus(wanted), { status: 'OK' });

  const stored = { ...wanted, expires_at: expires.toISOString().replace('.000Z', 'Z') };
  const updated = await ws.waitFor('user_updated', (m) => m.data.user.id === alice.user.id && m.data.user.props?.customStatus);
  assert.deepEqual(JSON.parse(updated.data.user.props.customStatus), stored);
  const me = await alice.client.getMe();
  assert.deepEqual(JSON.parse(me.props.customStatus), stored);
  const seen = await bob.client.getUser(alice.user.id);
  assert.deepEqual(JSON.parse(seen.props.customStatus), stored);
  const recentPref = async () => (await alice.client.getMyPreferences())
    .find((p) => p.category === 'custom_status' && p.name === 'recent_custom_statuses');
  assert.deepEqual(JSON.parse((await recentPref()).value), [stored]);

  // Without a duration, a future expiry becomes date_and_time; text is cut to 100 characters;
  // a second status with the same text replaces the first in the recent list.
  const long = 'é'.repeat(120);
  await alice.client.updateCustomStatus({ emoji: 'palm_tree', text: long, expires_at: expires.toISOString() });
  const second = JSON.parse((await alice.client.getMe()).props.customStatus);
  assert.equal(second.duration, 'date_and_time');
  assert.equal([...second.text].length, 100);
  await alice.client.updateCustomStatus({ emoji: 'coffee', text: 'In a meeting' });
  const recent = JSON.parse((await recentPref()).value);
  assert.deepEqual(recent.map((r) => r.emoji), ['coffee', 'palm_tree']);
  assert.equal(recent[0].expires_at, '0001-01-01T00:00:00Z');
  assert.equal(recent[0].duration, '');

  // Removing a recent status needs an exact match.
  await alice.client.removeRecentCustomStatus(recent[1]);
  assert.deepEqual(JSON.parse((await recentPref()).value).map((r) => r.emoji), ['coffee']);
  await rejects(assert, alice.client.removeRecentCustomStatus(recent[1]), 400,
    'api.custom_status.recent_custom_statuses.delete.app_error');
  const token = alice.client.getToken();
  const viaDelete = await raw(server, 'DELETE', '/api/v4/users/me/status/custom/recent', { token, body: JSON.stringify(recent[0]) });
  assert.equal(viaDelete.status, 200);
  assert.deepEqual(viaDelete.body, { status: 'OK' });
  assert.deepEqual(JSON.parse((await recentPref()).value), []);

  // Clearing leaves an empty string in props.
  await alice.client.unsetCustomStatus();
  await ws.waitFor('user_updated', (m) => m.data.user.props?.customStatus === '');
  assert.equal((await alice.client.getMe()).props.customStatus, '');

  const past = new Date(Date.now() - 60000).toISOString();
  for (const bad of [
    { emoji: '', text: '' },
    { emoji: 'x', duration: 'forever', expires_at: expires.toISOString() },
    { emoji: 'x', duration: 'one_hour' },
    { emoji: 'x', expires_at: past },
    { emoji: 'x', duration: 'one_hour', expires_at: past },
    { emoji: 'x', expires_at: 'tomorrow' },
    { emoji: 7 },
  ]) {
    assertAppError(assert, await raw(server, 'PUT', '/api/v4/users/me/status/custom', { token, body: JSON.stringify(bad) }), 400,
      'api.context.invalid_param.app_error');
  }
  assertAppError(assert, await raw(server, 'PUT', '/api/v4/users/me/status/custom', { token, body: '{' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/users/${alice.user.id}/status/custom`,
    { token: bob.client.getToken(), body: JSON.stringify({ emoji: 'x' }) }), 403, 'api.context.permissions.app_error');
  assertAppError(assert, await raw(server, 'DELETE', `/api/v4/users/${alice.user.id}/status/custom`,
    { token: bob.client.getToken() }), 403, 'api.context.permissions.app_error');
  ws.close();
});

test('custom statuses are refused when TeamSettings.EnableCustomUserStatuses is off', async () => {
  const off = await startServer({ env: { MM_TEAMSETTINGS_ENABLECUSTOMUSERSTATUSES: 'false' } });
  try {
    const { client: c } = await newUser(off);
    await rejects(assert, c.updateCustomStatus({ emoji: 'x', text: 'y' }), 501, 'api.custom_status.disabled');
    await rejects(assert, c.unsetCustomStatus(), 501, 'api.custom_status.disabled');
    await rejects(assert, c.removeRecentCustomStatus({ emoji: 'x', text: 'y' }), 501, 'api.custom_status.disabled');
  } finally {
    await off.stop();
  }
});

test('several devices: closing the active one leaves the user away when the others have been idle past the timeout', async () => {
  const quick = await startServer({ env: { MM_TEAMSETTINGS_USERSTATUSAWAYTIMEOUT: '2' } });
  try {
    const alice = await newUser(quick);
    const team = await openTeam(alice);
    const town = await alice.client.getChannelByName(team.id, 'town-square');
    // A second device: its own session and socket, left alone.
    const tablet = client(quick);
    await tablet.login(alice.user.username, alice.password);
    const tabletWs = await socket(quick, tablet);
    await tabletWs.waitFor('status_change', (m) => m.data.status === 'online');
    await new Promise((r) => setTimeout(r, 2200));

    // Activity through the tablet's session keeps it active: closing the laptop changes nothing.
    await tablet.viewMyChannel(town.id);
    let laptopWs = await socket(quick, alice.client);
    laptopWs.close();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await alice.client.getStatus(alice.user.id)).status, 'online');
    assert.ok(await tabletWs.none('status_change', (m) => m.data.status === 'away', 0));

    // The tablet stays idle past the timeout; the laptop connects (online again) and closes.
    await new Promise((r) => setTimeout(r, 2200));
    laptopWs = await socket(quick, alice.client);
    laptopWs.close();
    const away = await tabletWs.waitFor('status_change', (m) => m.data.status === 'away');
    assert.deepEqual(away.data, { status: 'away', user_id: alice.user.id });
    const s = await alice.client.getStatus(alice.user.id);
    assert.deepEqual([s.status, s.manual], ['away', false]);

    // Connecting a device again makes the user online, as each new connection does.
    laptopWs = await socket(quick, alice.client);
    await tabletWs.waitFor('status_change', (m) => m.data.status === 'online' &&
      tabletWs.events.indexOf(m) > tabletWs.events.indexOf(away));
    laptopWs.close();
    tabletWs.close();
  } finally {
    await quick.stop();
  }
});
