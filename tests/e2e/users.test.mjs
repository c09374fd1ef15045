// Users, login/logout, sessions and system routes through the official Client4.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, newUser, raw, assertAppError, rejects, unique } from './lib/harness.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('first user becomes system admin, later users are system users', async () => {
  const admin = await newUser(server);
  assert.equal(admin.user.roles, 'system_admin system_user');
  const other = await newUser(server);
  assert.equal(other.user.roles, 'system_user');
  assert.match(admin.user.id, /^[a-z0-9]{26}$/);
  const me = await other.client.getMe();
  assert.equal(me.id, other.user.id);
  assert.equal(me.password, undefined);
});

test('login returns a Token header; cookies only for XMLHttpRequest', async () => {
  const { user, password } = await newUser(server);
  const res = await fetch(`${server.url}/api/v4/users/login`, {
    method: 'POST',
    body: JSON.stringify({ login_id: user.username, password }),
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('token'), /^[a-z0-9]{26}$/);
  assert.equal(res.headers.get('set-cookie'), null);
  const xhr = await fetch(`${server.url}/api/v4/users/login`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ login_id: user.email, password }),
  });
  const cookies = xhr.headers.getSetCookie();
  for (const name of ['MMAUTHTOKEN', 'MMUSERID', 'MMCSRF']) {
    assert.ok(cookies.some((c) => c.startsWith(name + '=')), `${name} cookie missing`);
  }
  assert.ok(cookies.find((c) => c.startsWith('MMAUTHTOKEN=')).includes('HttpOnly'));
});

test('cookie authentication needs the CSRF header for non-GET requests', async () => {
  const { user, password } = await newUser(server);
  const login = await fetch(`${server.url}/api/v4/users/login`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ login_id: user.username, password }),
  });
  const jar = Object.fromEntries(login.headers.getSetCookie().map((c) => c.split(';')[0].split('=')));
  const cookie = `MMAUTHTOKEN=${jar.MMAUTHTOKEN}; MMUSERID=${jar.MMUSERID}; MMCSRF=${jar.MMCSRF}`;
  const me = await raw(server, 'GET', '/api/v4/users/me', { headers: { Cookie: cookie } });
  assert.equal(me.status, 200);
  assert.equal(me.body.id, user.id);
  const patch = JSON.stringify({ nickname: 'nick' });
  const noCsrf = await raw(server, 'PUT', '/api/v4/users/me/patch', { headers: { Cookie: cookie }, body: patch });
  assertAppError(assert, noCsrf, 401, 'api.context.session_expired.app_error');
  const withCsrf = await raw(server, 'PUT', '/api/v4/users/me/patch', {
    headers: { Cookie: cookie, 'X-CSRF-Token': jar.MMCSRF },
    body: patch,
  });
  assert.equal(withCsrf.status, 200);
  assert.equal(withCsrf.body.nickname, 'nick');
});

test('logout revokes the session', async () => {
  const { client: c } = await newUser(server);
  const token = c.getToken();
  await c.logout();
  const after = client(server, token);
  const err = await rejects(assert, after.getMe(), 401, 'api.context.session_expired.app_error');
  assert.ok(err);
});

test('wrong password and unknown user give the masked 401', async () => {
  const { user } = await newUser(server);
  await rejects(assert, client(server).login(user.username, 'nope-nope'), 401,
    'api.user.login.invalid_credentials_email_username');
  await rejects(assert, client(server).login('nobody-here', 'nope-nope'), 401,
    'api.user.login.invalid_credentials_email_username');
});

test('sign-up validation: bad username, bad email, short password, duplicates', async () => {
  const c = client(server);
  await rejects(assert, c.createUser({ username: 'Bad Name!', email: `${unique()}@x.com`, password: 'Passw0rd!x' }), 400,
    'model.user.is_valid.username.app_error');
  await rejects(assert, c.createUser({ username: unique(), email: 'not-an-email', password: 'Passw0rd!x' }), 400,
    'model.user.is_valid.email.app_error');
  await rejects(assert, c.createUser({ username: unique(), email: `${unique()}@x.com`, password: 'short' }), 400,
    'model.user.is_valid.pwd.app_error');
  const { user } = await newUser(server);
  await rejects(assert, c.createUser({ username: user.username, email: `${unique()}@x.com`, password: 'Passw0rd!x' }), 400,
    'app.user.save.username_exists.app_error');
  await rejects(assert, c.createUser({ username: unique(), email: user.email, password: 'Passw0rd!x' }), 400,
    'app.user.save.email_exists.app_error');
});

test('malformed and wrong-typed bodies give AppErrors and the server keeps serving', async () => {
  const bad = await raw(server, 'POST', '/api/v4/users', { body: '{"username": ' });
  assertAppError(assert, bad, 400, 'api.context.invalid_param.app_error');
  const typed = await raw(server, 'POST', '/api/v4/users', { body: '{"username": 42, "email": "a@b.c", "password": "x"}' });
  assertAppError(assert, typed, 400, 'api.context.invalid_param.app_error');
  const arr = await raw(server, 'POST', '/api/v4/users/login', { body: '[]' });
  assertAppError(assert, arr, 400);
  const ping = await raw(server, 'GET', '/api/v4/system/ping');
  assert.equal(ping.status, 200);
});

test('oversized bodies get 413', async () => {
  const big = 'x'.repeat(400_000);
  const res = await raw(server, 'POST', '/api/v4/users', { body: JSON.stringify({ username: big }) });
  assertAppError(assert, res, 413, 'api.context.request_body_too_large.app_error');
});

test('unknown routes 404, wrong methods 405, anonymous 401', async () => {
  assertAppError(assert, await raw(server, 'GET', '/api/v4/no/such/thing'), 404, 'api.context.404.app_error');
  assertAppError(assert, await raw(server, 'DELETE', '/api/v4/system/ping'), 405);
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/me'), 401, 'api.context.session_expired.app_error');
  const { client: c } = await newUser(server);
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/notanid', { token: c.getToken() }), 400,
    'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/${'a'.repeat(26)}`, { token: c.getToken() }), 404);
});

test('every response carries JSON content type, request id and version', async () => {
  const res = await raw(server, 'GET', '/api/v4/system/ping');
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.match(res.headers.get('x-request-id'), /^[a-z0-9]{26}$/);
  const version = res.headers.get('x-version-id');
  const [major, minor] = version.split('.').map(Number);
  assert.ok(major > 9 || (major === 9 && minor >= 11), version);
});

test('system ping, client config and license as the clients read them', async () => {
  const c = client(server);
  const ping = await c.ping(true);
  assert.equal(ping.status, 'OK');
  assert.equal(ping.database_status, 'OK');
  const cfg = await c.getClientConfig();
  assert.equal(typeof cfg.Version, 'string');
  assert.equal(cfg.NoAccounts, 'false');
  const lic = await c.getClientLicenseOld();
  assert.equal(lic.IsLicensed, 'false');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/license/client'), 400, 'api.license.client.old_format.app_error');
});

test('roles by name are served complete', async () => {
  const { client: c } = await newUser(server);
  const roles = await c.getRolesByNames(['system_user', 'team_user', 'channel_user', 'nope']);
  assert.deepEqual(roles.map((r) => r.name).sort(), ['channel_user', 'system_user', 'team_user']);
  const channelUser = roles.find((r) => r.name === 'channel_user');
  assert.ok(channelUser.permissions.includes('create_post'));
});

test('users: by id list, usernames, search, autocomplete, patch permissions', async () => {
  const a = await newUser(server, { first_name: 'Ada', last_name: 'Lovelace' });
  const b = await newUser(server);
  const byIds = await a.client.getProfilesByIds([a.user.id, b.user.id]);
  assert.equal(byIds.length, 2);
  const byNames = await a.client.getProfilesByUsernames([b.user.username]);
  assert.equal(byNames[0].id, b.user.id);
  const found = await b.client.searchUsers(a.user.username.slice(0, 8), {});
  assert.ok(found.some((u) => u.id === a.user.id));
  const byUsername = await b.client.getUserByUsername(a.user.username);
  assert.equal(byUsername.id, a.user.id);
  await rejects(assert, b.client.patchUser({ id: a.user.id, nickname: 'hacked' }), 403, 'api.context.permissions.app_error');
  const patched = await a.client.patchUser({ id: a.user.id, nickname: 'ada' });
  assert.equal(patched.nickname, 'ada');
});

test('only admins change roles; sessions list and revoke', async () => {
  const admin = await newUser(server);
  const user = await newUser(server);
  const usersNow = await admin.client.getProfiles(0, 200);
  assert.ok(usersNow.length >= 2);
  await rejects(assert, user.client.updateUserRoles(user.user.id, 'system_user system_admin'), 403);
  const sessions = await user.client.getSessions(user.user.id);
  assert.equal(sessions.length, 1);
  assert.equal(sessions[0].token, '');
  await user.client.revokeSession(user.user.id, sessions[0].id);
  await rejects(assert, user.client.getMe(), 401);
});
