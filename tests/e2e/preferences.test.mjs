// Preferences through the official Client4: save/read/delete, events, permissions and
// Mattermost's validation errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await newUser(server); // first user: system admin
});
after(async () => {
  await server.stop();
});

const sorted = (prefs) => [...prefs].sort((a, b) => `${a.category}/${a.name}`.localeCompare(`${b.category}/${b.name}`));

test('save, read back, upsert and delete preferences', async () => {
  const { client: c, user } = await newUser(server);
  assert.deepEqual(await c.getMyPreferences(), []);
  const prefs = [
    { user_id: user.id, category: 'display_settings', name: 'use_military_time', value: 'true' },
    { user_id: user.id, category: 'tutorial_step', name: user.id, value: '2' },
  ];
  assert.deepEqual(await c.savePreferences(user.id, prefs), { status: 'OK' });
  assert.deepEqual(sorted(await c.getMyPreferences()), sorted(prefs));
  await c.savePreferences(user.id, [{ ...prefs[1], value: '3' }]);
  const all = await c.getUserPreferences(user.id);
  assert.equal(all.length, 2);
  assert.equal(all.find((p) => p.category === 'tutorial_step').value, '3');

  const byCategory = await raw(server, 'GET', `/api/v4/users/me/preferences/display_settings`, { token: c.getToken() });
  assert.equal(byCategory.status, 200);
  assert.deepEqual(byCategory.body, [prefs[0]]);
  const byName = await raw(server, 'GET', `/api/v4/users/${user.id}/preferences/tutorial_step/name/${user.id}`, {
    token: c.getToken(),
  });
  assert.equal(byName.status, 200);
  assert.deepEqual(byName.body, { ...prefs[1], value: '3' });

  assert.deepEqual(await c.deletePreferences(user.id, [prefs[0]]), { status: 'OK' });
  assert.deepEqual(await c.getMyPreferences(), [{ ...prefs[1], value: '3' }]);
});

test('missing categories and names answer as Mattermost does', async () => {
  const { client: c, user } = await newUser(server);
  const token = c.getToken();
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/me/preferences/theme', { token }), 404,
    'api.preference.preferences_category.get.app_error');
  // A missing name is a 400 in Mattermost (the store error is not a not-found).
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/me/preferences/theme/name/nothing', { token }), 400,
    'app.preference.get.app_error');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/me/preferences/bad-category!', { token }), 404);
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/nope/preferences', { token }), 400,
    'api.context.invalid_url_param.app_error');
  assert.ok(user.id);
});

test('preferences_changed and preferences_deleted reach the user with a JSON string', async () => {
  const { client: c, user } = await newUser(server);
  const ws = await socket(server, c);
  try {
    const pref = { user_id: user.id, category: 'display_settings', name: 'name_format', value: 'full_name' };
    await c.savePreferences(user.id, [pref]);
    const changed = await ws.waitFor('preferences_changed');
    assert.equal(typeof changed.data.preferences, 'string');
    assert.deepEqual(JSON.parse(changed.data.preferences), [pref]);
    assert.equal(changed.broadcast.user_id, user.id);
    await c.deletePreferences(user.id, [pref]);
    const deleted = await ws.waitFor('preferences_deleted');
    assert.deepEqual(JSON.parse(deleted.data.preferences), [pref]);
    await ws.waitFor('sidebar_category_updated');
  } finally {
    ws.close();
  }
});

test("another user's preferences are 403, an admin may edit them", async () => {
  const alice = await newUser(server);
  const bob = await newUser(server);
  const pref = { user_id: alice.user.id, category: 'display_settings', name: 'colorize_usernames', value: 'false' };
  await rejects(assert, bob.client.getUserPreferences(alice.user.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, bob.client.savePreferences(alice.user.id, [pref]), 403, 'api.context.permissions.app_error');
  await rejects(assert, bob.client.deletePreferences(alice.user.id, [pref]), 403, 'api.context.permissions.app_error');
  // Preferences naming someone else cannot be saved through one's own route.
  await rejects(assert, bob.client.savePreferences(bob.user.id, [pref]), 403,
    'api.preference.update_preferences.set.app_error');
  await rejects(assert, bob.client.deletePreferences(bob.user.id, [pref]), 403,
    'api.preference.delete_preferences.delete.app_error');
  await admin.client.savePreferences(alice.user.id, [pref]);
  assert.deepEqual(await alice.client.getMyPreferences(), [pref]);
  assert.deepEqual(await admin.client.getUserPreferences(alice.user.id), [pref]);
});

test('invalid preferences are rejected with the model error and nothing is saved', async () => {
  const { client: c, user } = await newUser(server);
  const ok = { user_id: user.id, category: 'ok', name: 'ok', value: '1' };
  const cases = [
    [{ user_id: user.id, category: '', name: 'n', value: 'v' }, 'model.preference.is_valid.category.app_error'],
    [{ user_id: user.id, category: 'c'.repeat(33), name: 'n', value: 'v' }, 'model.preference.is_valid.category.app_error'],
    [{ user_id: user.id, category: 'c', name: 'n'.repeat(33), value: 'v' }, 'model.preference.is_valid.name.app_error'],
    [{ user_id: user.id, category: 'c', name: 'n', value: 'v'.repeat(20001) }, 'model.preference.is_valid.value.app_error'],
    [{ user_id: user.id, category: 'theme', name: '', value: 'not json' }, 'model.preference.is_valid.theme.app_error'],
    [{ user_id: user.id, category: 'sidebar_settings', name: 'limit_visible_dms_gms', value: '0' },
      'model.preference.is_valid.limit_visible_dms_gms.app_error'],
  ];
  for (const [bad, id] of cases) {
    await rejects(assert, c.savePreferences(user.id, [ok, bad]), 400, id);
  }
  assert.deepEqual(await c.getMyPreferences(), []);
  const token = c.getToken();
  for (const body of ['not json', '{"user_id":"x"}', '[{"user_id":5}]', '[]']) {
    assertAppError(assert, await raw(server, 'PUT', '/api/v4/users/me/preferences', { token, body }), 400,
      'api.context.invalid_param.app_error');
  }
  const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => ({ ...ok, name: `n${i}` })));
  assertAppError(assert, await raw(server, 'PUT', '/api/v4/users/me/preferences', { token, body: tooMany }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/users/me/preferences/delete', { token, body: '{' }), 400,
    'api.context.invalid_param.app_error');
});

test('theme colours are cleaned up before saving', async () => {
  const { client: c, user } = await newUser(server);
  const theme = { sidebarBg: '#145dbf', linkColor: 'javascript:alert(1)', type: 'Denim', image: 'x.png' };
  await c.savePreferences(user.id, [{ user_id: user.id, category: 'theme', name: '', value: JSON.stringify(theme) }]);
  const [saved] = await c.getMyPreferences();
  assert.deepEqual(JSON.parse(saved.value), { ...theme, linkColor: '#ffffff' });
});

test('preferences need a session', async () => {
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/me/preferences'), 401, 'api.context.session_expired.app_error');
});

test('flagged_post preferences need a post the user can read', async () => {
  const name = unique('team');
  const team = await admin.client.createTeam({ name, display_name: name, type: 'O' });
  const secret = await admin.client.createChannel({ team_id: team.id, name: unique('secret'), display_name: 'Secret', type: 'P' });
  const post = await admin.client.createPost({ channel_id: secret.id, message: 'hidden' });
  const { client: c, user } = await newUser(server);
  const flag = (id) => [{ user_id: user.id, category: 'flagged_post', name: id, value: 'true' }];
  await rejects(assert, c.savePreferences(user.id, flag('k9m3xq8zj7fy5r1tbn4wcd6hpa')), 400, 'api.context.invalid_param.app_error');
  await rejects(assert, c.savePreferences(user.id, flag(post.id)), 403, 'api.context.permissions.app_error');
  await admin.client.addToTeam(team.id, user.id);
  await admin.client.addToChannel(user.id, secret.id);
  await c.savePreferences(user.id, flag(post.id));
  assert.deepEqual(await c.getMyPreferences(), flag(post.id));
});
