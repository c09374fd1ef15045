// Sign-up gates (TeamSettings.EnableOpenServer, EnableUserCreation) and PasswordSettings rules:
// the first account is always possible, later anonymous sign-ups follow the settings, and
// system admins can always create users.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, client, newUser, rejects, unique } from './lib/harness.mjs';

const servers = [];
async function start(env) {
  const s = await startServer({ env });
  servers.push(s);
  return s;
}
after(async () => {
  for (const s of servers) await s.stop();
});

const account = (extra = {}) => {
  const name = unique('s');
  return { username: name, email: `${name}@example.com`, password: 'Passw0rd!x', ...extra };
};

test('closed server: first user signs up, others need an admin', async () => {
  const server = await start({ MM_TEAMSETTINGS_ENABLEOPENSERVER: 'false' });
  const admin = await newUser(server);
  assert.equal(admin.user.roles, 'system_admin system_user');
  await rejects(assert, client(server).createUser(account()), 403, 'api.user.create_user.no_open_server');
  const made = await admin.client.createUser(account());
  assert.equal(made.roles, 'system_user');
  // A signed-in non-admin is still a sign-up, and still refused.
  const u = client(server);
  await u.login(made.username, 'Passw0rd!x');
  await rejects(assert, u.createUser(account()), 403, 'api.user.create_user.no_open_server');
});

test('user creation disabled: sign-up answers 501, admins still create users', async () => {
  const server = await start({ MM_TEAMSETTINGS_ENABLEUSERCREATION: 'false' });
  await rejects(assert, client(server).createUser(account()), 501, 'api.user.create_user.signup_email_disabled.app_error');
  const cfg = await client(server).getClientConfig();
  assert.equal(cfg.EnableUserCreation, 'false');
  assert.equal(cfg.NoAccounts, 'true');
});

test('password rules follow PasswordSettings with Mattermost error ids', async () => {
  const server = await start({
    MM_PASSWORDSETTINGS_MINIMUMLENGTH: '10',
    MM_PASSWORDSETTINGS_UPPERCASE: 'true',
    MM_PASSWORDSETTINGS_NUMBER: 'true',
  });
  const c = client(server);
  await rejects(assert, c.createUser(account({ password: 'alllowercaseletters' })), 400,
    'model.user.is_valid.pwd_uppercase_number.app_error');
  await rejects(assert, c.createUser(account({ password: 'Short1' })), 400, 'model.user.is_valid.pwd_uppercase_number.app_error');
  const ok = await c.createUser(account({ password: 'LongEnough12' }));
  assert.ok(ok.id);
  await c.login(ok.username, 'LongEnough12');
});
