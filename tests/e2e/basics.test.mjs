// The remaining core endpoints the clients call at start-up or from account settings: server
// limits, webapp plugins, single roles, autocomplete, stats, lookup by email, full update,
// activation, password change and revoking all sessions, with their WebSocket events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, newUser, raw, rejects, assertAppError } from './lib/harness.mjs';
import { rawSocket } from './lib/rawsocket.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await newUser(server);
});
after(async () => {
  await server.stop();
});

async function connected(user) {
  const s = rawSocket(server, { token: user.client.getToken() });
  await s.opened;
  await s.waitEvent('hello');
  return s;
}

test('server limits and webapp plugins as the web app reads them', async () => {
  const u = await newUser(server);
  const limits = await u.client.getServerLimits();
  assert.equal(typeof limits.data.activeUserCount, 'number');
  assert.ok(limits.data.activeUserCount >= 2);
  assert.equal(limits.data.maxUsersLimit, 0);
  assertAppError(assert, await raw(server, 'GET', '/api/v4/limits/server'), 401);
  const plugins = await client(server).getWebappPlugins();
  assert.deepEqual(plugins, []);
});

test('a role by name and by id', async () => {
  const u = await newUser(server);
  const byName = await u.client.getRoleByName('system_user');
  assert.equal(byName.name, 'system_user');
  assert.match(byName.id, /^[a-z0-9]{26}$/);
  assert.ok(Array.isArray(byName.permissions));
  const byId = await u.client.getRole(byName.id);
  assert.deepEqual(byId, byName);
  await rejects(assert, u.client.getRoleByName('no_such_role'), 404);
  await rejects(assert, u.client.getRole('a'.repeat(26)), 404);
  assertAppError(assert, await raw(server, 'GET', '/api/v4/roles/name/system_user'), 401);
});

test('autocomplete and user stats', async () => {
  const prefix = `auto${Date.now().toString(36)}`;
  const a = await newUser(server, { username: `${prefix}a`, email: `${prefix}a@example.com` });
  await newUser(server, { username: `${prefix}b`, email: `${prefix}b@example.com` });
  const found = await a.client.autocompleteUsers(prefix, '', '');
  assert.deepEqual(found.users.map((u) => u.username).sort(), [`${prefix}a`, `${prefix}b`]);
  assert.equal(found.users[0].password, undefined);
  const none = await a.client.autocompleteUsers(`${prefix}zzz`, '', '');
  assert.deepEqual(none.users, []);
  const stats = await a.client.getTotalUsersStats();
  const all = await admin.client.getProfiles(0, 200);
  assert.equal(stats.total_users_count, all.length);
});

test('user by email', async () => {
  const a = await newUser(server);
  const b = await newUser(server);
  const got = await a.client.getUserByEmail(b.user.email);
  assert.equal(got.id, b.user.id);
  await rejects(assert, a.client.getUserByEmail('nobody@example.com'), 404);
});

test('PUT /users/{id} updates the profile and broadcasts user_updated', async () => {
  const a = await newUser(server);
  const watcher = await newUser(server);
  const s = await connected(watcher);
  const updated = await a.client.updateUser({ ...a.user, nickname: 'full-update', position: 'tester' });
  assert.equal(updated.nickname, 'full-update');
  assert.equal(updated.position, 'tester');
  const ev = await s.waitEvent('user_updated', (e) => e.data.user.id === a.user.id);
  assert.equal(ev.data.user.nickname, 'full-update');
  assert.equal(ev.data.user.password, undefined);
  await rejects(assert, watcher.client.updateUser({ ...a.user, nickname: 'nope' }), 403);
  await s.close();
  // A whole-profile update clears what it leaves out, and the body id must match the URL.
  const { nickname, position, ...rest } = updated;
  const cleared = await a.client.updateUser(rest);
  assert.equal(cleared.nickname, '');
  assert.equal(cleared.position, '');
  assert.equal(cleared.username, a.user.username);
  const mismatch = await raw(server, 'PUT', `/api/v4/users/${a.user.id}`, {
    token: a.client.getToken(),
    body: JSON.stringify({ ...rest, id: watcher.user.id }),
  });
  assertAppError(assert, mismatch, 400, 'api.context.invalid_param.app_error');
});

test('deactivation: admin only, sessions end, sockets close, event to everyone', async () => {
  const target = await newUser(server);
  const other = await newUser(server);
  const sTarget = await connected(target);
  const sOther = await connected(other);
  await rejects(assert, other.client.updateUserActive(target.user.id, false), 403);
  await admin.client.updateUserActive(target.user.id, false);
  await sOther.waitEvent('user_activation_status_change');
  await sTarget.waitClosed();
  await rejects(assert, target.client.getMe(), 401);
  await rejects(assert, client(server).login(target.user.username, target.password), 401,
    'api.user.login.inactive.app_error');
  await admin.client.updateUserActive(target.user.id, true);
  const again = client(server);
  assert.equal((await again.login(target.user.username, target.password)).id, target.user.id);
  assert.equal(sOther.isClosed, false);
  await sOther.close();
});

test('password change: current password required, old one stops working', async () => {
  const u = await newUser(server);
  await rejects(assert, u.client.updateUserPassword(u.user.id, 'wrong-current', 'NewPassw0rd!'), 400,
    'api.user.update_password.incorrect.app_error');
  await rejects(assert, u.client.updateUserPassword(u.user.id, u.password, 'short'), 400);
  await u.client.updateUserPassword(u.user.id, u.password, 'NewPassw0rd!');
  await rejects(assert, client(server).login(u.user.username, u.password), 401);
  assert.equal((await client(server).login(u.user.username, 'NewPassw0rd!')).id, u.user.id);
  const other = await newUser(server);
  await rejects(assert, other.client.updateUserPassword(u.user.id, '', 'Hijack3d!x'), 403);
  // An admin sets it without the current one.
  await admin.client.updateUserPassword(u.user.id, '', 'AdminSet1!x');
  assert.equal((await client(server).login(u.user.username, 'AdminSet1!x')).id, u.user.id);
});

test('revoke all sessions ends every session and closes their sockets', async () => {
  const u = await newUser(server);
  const second = client(server);
  await second.login(u.user.username, u.password);
  const s1 = await connected(u);
  const s2 = await connected({ client: second });
  await u.client.revokeAllSessionsForUser(u.user.id);
  await s1.waitClosed();
  await s2.waitClosed();
  await rejects(assert, u.client.getMe(), 401);
  await rejects(assert, second.getMe(), 401);
});
