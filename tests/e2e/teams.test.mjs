// Teams and team memberships through the official Client4: creation rules, default channels,
// visibility and sanitising, listing, joining and adding members, and the WebSocket events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket } from './lib/harness.mjs';
import { teamName, openTeam } from './lib/teams.mjs';

let server;
let admin; // first user: system admin
before(async () => {
  server = await startServer();
  admin = await newUser(server);
});
after(async () => {
  await server.stop();
});

test('creating a team: 201, creator is team admin, default channels joined, added_to_team event', async () => {
  const owner = await newUser(server);
  const ws = await socket(server, owner.client);
  const name = teamName();
  const res = await raw(server, 'POST', '/api/v4/teams', {
    token: owner.client.getToken(),
    body: JSON.stringify({ name, display_name: 'Rocket Team', type: 'O' }),
  });
  assert.equal(res.status, 201, res.text);
  const team = res.body;
  assert.match(team.id, /^[a-z0-9]{26}$/);
  assert.equal(team.name, name);
  assert.equal(team.display_name, 'Rocket Team');
  assert.equal(team.type, 'O');
  assert.equal(team.email, owner.user.email);
  assert.match(team.invite_id, /^[a-z0-9]{26}$/);
  assert.equal(team.delete_at, 0);
  assert.ok(team.create_at > 0 && team.update_at === team.create_at);
  for (const k of ['company_name', 'allowed_domains', 'allow_open_invite', 'scheme_id', 'group_constrained', 'policy_id']) {
    assert.ok(k in team, `missing ${k}`);
  }

  const member = await owner.client.getTeamMember(team.id, owner.user.id);
  assert.equal(member.roles, 'team_user team_admin');
  assert.equal(member.scheme_admin, true);
  assert.equal(member.delete_at, 0);

  const channels = await owner.client.getMyChannels(team.id);
  const byName = Object.fromEntries(channels.map((c) => [c.name, c]));
  assert.deepEqual(Object.keys(byName).sort(), ['off-topic', 'town-square']);
  assert.equal(byName['town-square'].display_name, 'Town Square');
  assert.equal(byName['off-topic'].display_name, 'Off-Topic');
  assert.equal(byName['town-square'].type, 'O');
  const townMember = await owner.client.getMyChannelMember(byName['town-square'].id);
  assert.equal(townMember.roles, 'channel_user channel_admin');

  const evt = await ws.waitFor('added_to_team', (m) => m.data.team_id === team.id);
  assert.equal(evt.data.user_id, owner.user.id);
  assert.equal(evt.broadcast.user_id, owner.user.id);
  ws.close();
});

test('team names: reserved words, characters, length, duplicates and type are validated', async () => {
  const u = await newUser(server);
  const cases = [
    [{ name: 'admins-room', display_name: 'x', type: 'O' }, 'model.team.is_valid.reserved.app_error'],
    [{ name: 'api', display_name: 'x', type: 'O' }, 'model.team.is_valid.reserved.app_error'],
    [{ name: 'Upper', display_name: 'x', type: 'O' }, 'model.team.is_valid.characters.app_error'],
    [{ name: 'under_score', display_name: 'x', type: 'O' }, 'model.team.is_valid.characters.app_error'],
    [{ name: '-dash', display_name: 'x', type: 'O' }, 'model.team.is_valid.characters.app_error'],
    [{ name: 'a', display_name: 'x', type: 'O' }, 'model.team.is_valid.characters.app_error'],
    [{ name: 'a'.repeat(65), display_name: 'x', type: 'O' }, 'model.team.is_valid.url.app_error'],
    [{ name: teamName(), display_name: '', type: 'O' }, 'model.team.is_valid.name.app_error'],
    [{ name: teamName(), display_name: 'x'.repeat(65), type: 'O' }, 'model.team.is_valid.name.app_error'],
    [{ name: teamName(), display_name: 'x', type: 'Z' }, 'model.team.is_valid.type.app_error'],
    [{ name: teamName(), display_name: 'x' }, 'model.team.is_valid.type.app_error'],
  ];
  for (const [team, id] of cases) {
    await rejects(assert, u.client.createTeam(team), 400, id);
  }
  const ok = await u.client.createTeam({ name: teamName(), display_name: 'dup', type: 'I' });
  assert.equal(ok.type, 'I');
  await rejects(assert, u.client.createTeam({ name: ok.name, display_name: 'again', type: 'O' }), 400,
    'app.team.save.existing.app_error');
});

test('malformed, wrong-typed and anonymous team creation', async () => {
  const u = await newUser(server);
  const token = u.client.getToken();
  assertAppError(assert, await raw(server, 'POST', '/api/v4/teams', { token, body: '{"name":' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/teams', { token, body: '[1,2]' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/teams',
    { token, body: JSON.stringify({ name: teamName(), display_name: 'x', type: 'O', allow_open_invite: 'yes' }) }), 400,
  'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/teams',
    { token, body: JSON.stringify({ name: 42, display_name: 'x', type: 'O' }) }), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/teams',
    { body: JSON.stringify({ name: teamName(), display_name: 'x', type: 'O' }) }), 401,
  'api.context.session_expired.app_error');
});

test('getting a team: open teams are visible but sanitised, others need membership', async () => {
  const owner = await newUser(server);
  const outsider = await newUser(server);
  const open = await openTeam(owner);
  const closed = await owner.client.createTeam({ name: teamName(), display_name: 'Closed', type: 'I' });

  const seen = await outsider.client.getTeam(open.id);
  assert.equal(seen.id, open.id);
  assert.equal(seen.invite_id, '');
  assert.equal(seen.email, '');
  const byName = await outsider.client.getTeamByName(open.name);
  assert.equal(byName.id, open.id);

  await rejects(assert, outsider.client.getTeam(closed.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, outsider.client.getTeamByName(closed.name), 403, 'api.context.permissions.app_error');

  const own = await owner.client.getTeam(closed.id);
  assert.equal(own.invite_id, closed.invite_id);
  assert.equal(own.email, owner.user.email);
  const asAdmin = await admin.client.getTeam(closed.id);
  assert.equal(asAdmin.invite_id, closed.invite_id);

  const token = outsider.client.getToken();
  assertAppError(assert, await raw(server, 'GET', '/api/v4/teams/notanid', { token }), 400,
    'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/teams/${'b'.repeat(26)}`, { token }), 404,
    'app.team.get.find.app_error');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/teams/name/no-such-team-here', { token }), 404,
    'app.team.get_by_name.missing.app_error');
  assertAppError(assert, await raw(server, 'GET', '/api/v4/teams/name/Bad_Name', { token }), 400,
    'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/teams/${open.id}`), 401);
});

test('listing teams: users see joinable teams, admins see all, with total count', async () => {
  const owner = await newUser(server);
  const viewer = await newUser(server);
  const open = await openTeam(owner, { display_name: 'AAA listed' });
  const hidden = await owner.client.createTeam({ name: teamName(), display_name: 'AAA hidden', type: 'O' });

  const mine = await viewer.client.getTeams(0, 200);
  assert.ok(mine.some((t) => t.id === open.id));
  assert.ok(!mine.some((t) => t.id === hidden.id));
  assert.ok(mine.every((t) => t.allow_open_invite === true));
  assert.ok(mine.every((t) => t.invite_id === '' && t.email === ''));

  const all = await admin.client.getTeams(0, 200);
  assert.ok(all.some((t) => t.id === hidden.id) && all.some((t) => t.id === open.id));

  const withCount = await viewer.client.getTeams(0, 1, true);
  assert.equal(withCount.teams.length, 1);
  assert.ok(withCount.total_count >= 1);
  const names = all.map((t) => t.display_name);
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const page2 = await admin.client.getTeams(1, 1);
  assert.equal(page2.length, 1);
  assert.equal(page2[0].id, all[1].id);
});

test('joining an open team joins its default channels and announces it', async () => {
  const owner = await newUser(server);
  const joiner = await newUser(server);
  const team = await openTeam(owner);
  const town = await owner.client.getChannelByName(team.id, 'town-square');
  const ownerWs = await socket(server, owner.client);
  const joinerWs = await socket(server, joiner.client);

  const res = await raw(server, 'POST', `/api/v4/teams/${team.id}/members`, {
    token: joiner.client.getToken(),
    body: JSON.stringify({ team_id: team.id, user_id: joiner.user.id }),
  });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.roles, 'team_user');
  assert.equal(res.body.user_id, joiner.user.id);
  assert.equal(res.body.team_id, team.id);

  const channels = await joiner.client.getMyChannels(team.id);
  assert.deepEqual(channels.map((c) => c.name).sort(), ['off-topic', 'town-square']);
  const cm = await joiner.client.getMyChannelMember(town.id);
  assert.equal(cm.roles, 'channel_user');

  const added = await joinerWs.waitFor('added_to_team', (m) => m.data.team_id === team.id);
  assert.equal(added.data.user_id, joiner.user.id);
  const userAdded = await ownerWs.waitFor('user_added', (m) => m.broadcast.channel_id === town.id);
  assert.equal(userAdded.data.user_id, joiner.user.id);
  assert.equal(userAdded.data.team_id, team.id);

  // Joining again returns the existing membership.
  const again = await joiner.client.addToTeam(team.id, joiner.user.id);
  assert.equal(again.delete_at, 0);
  ownerWs.close();
  joinerWs.close();
});

test('join and add permissions: invite-only teams, adding others, bad bodies', async () => {
  const owner = await newUser(server);
  const other = await newUser(server);
  const third = await newUser(server);
  const closed = await owner.client.createTeam({ name: teamName(), display_name: 'Closed', type: 'I' });
  const open = await openTeam(owner);

  await rejects(assert, other.client.addToTeam(closed.id, other.user.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, other.client.addToTeam(open.id, third.user.id), 403, 'api.context.permissions.app_error');
  // A team member holds add_user_to_team.
  const added = await owner.client.addToTeam(closed.id, other.user.id);
  assert.equal(added.roles, 'team_user');
  const byMember = await other.client.addToTeam(closed.id, third.user.id);
  assert.equal(byMember.user_id, third.user.id);

  const token = owner.client.getToken();
  const path = `/api/v4/teams/${open.id}/members`;
  assertAppError(assert, await raw(server, 'POST', path, { token, body: '{"user_id":' }), 400,
    'api.team.add_team_member.invalid_body.app_error');
  assertAppError(assert, await raw(server, 'POST', path, { token, body: JSON.stringify({ team_id: open.id, user_id: 7 }) }), 400,
    'api.team.add_team_member.invalid_body.app_error');
  assertAppError(assert, await raw(server, 'POST', path, { token, body: JSON.stringify({ team_id: closed.id, user_id: third.user.id }) }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', path, { token, body: JSON.stringify({ team_id: open.id, user_id: 'nope' }) }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', path, { token, body: JSON.stringify({ team_id: open.id, user_id: 'c'.repeat(26) }) }), 404,
    'app.user.missing_account.const');
  assertAppError(assert, await raw(server, 'POST', `/api/v4/teams/${'d'.repeat(26)}/members`,
    { token: other.client.getToken(), body: JSON.stringify({ team_id: 'd'.repeat(26), user_id: other.user.id }) }), 404,
  'app.team.get.find.app_error');
});

test('a user\'s teams and memberships; team member lists need view_team', async () => {
  const owner = await newUser(server);
  const member = await newUser(server);
  const outsider = await newUser(server);
  const team = await openTeam(owner);
  await member.client.addToTeam(team.id, member.user.id);

  const teams = await member.client.getMyTeams();
  assert.deepEqual(teams.map((t) => t.id), [team.id]);
  assert.equal(teams[0].email, '');
  const memberships = await member.client.getMyTeamMembers();
  assert.equal(memberships.length, 1);
  assert.equal(memberships[0].team_id, team.id);
  assert.equal(memberships[0].roles, 'team_user');

  await rejects(assert, outsider.client.getTeamsForUser(member.user.id), 403);
  await rejects(assert, outsider.client.getTeamMembersForUser(member.user.id), 403);
  const viaAdmin = await admin.client.getTeamsForUser(member.user.id);
  assert.equal(viaAdmin.length, 1);

  const list = await member.client.getTeamMembers(team.id, 0, 100);
  assert.deepEqual(list.map((m) => m.user_id).sort(), [owner.user.id, member.user.id].sort());
  const paged = await member.client.getTeamMembers(team.id, 0, 1);
  assert.equal(paged.length, 1);
  const one = await member.client.getTeamMember(team.id, owner.user.id);
  assert.equal(one.roles, 'team_user team_admin');
  await rejects(assert, member.client.getTeamMember(team.id, outsider.user.id), 404, 'app.team.get_member.missing.app_error');
  await rejects(assert, outsider.client.getTeamMembers(team.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, outsider.client.getTeamMember(team.id, owner.user.id), 403);
  assertAppError(assert, await raw(server, 'GET', '/api/v4/users/me/teams'), 401);
});

test('allowed domains: the creator must match them, members from those domains may join', async () => {
  const owner = await newUser(server);
  await rejects(assert, owner.client.createTeam({ name: teamName(), display_name: 'x', type: 'O', allowed_domains: 'corp.example' }), 400,
    'api.team.is_team_creation_allowed.domain.app_error');
  const team = await owner.client.createTeam({ name: teamName(), display_name: 'x', type: 'O', allow_open_invite: true,
    allowed_domains: 'example.com' });
  assert.equal(team.allowed_domains, 'example.com');
  const other = await newUser(server);
  const joined = await other.client.addToTeam(team.id, other.user.id);
  assert.equal(joined.team_id, team.id);
});
