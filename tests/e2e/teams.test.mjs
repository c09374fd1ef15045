// Teams and team memberships through the official Client4: creation rules, default channels,
// visibility and sanitising, listing, joining and adding members, and the WebSocket events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';

let server;
let admin; // first user: system admin
before(async () => {
  server = await startServer();
  admin = await newUser(server);
});
after(async () => {
  await server.stop();
});

function teamName(prefix = 't') {
  return unique(prefix).toLowerCase().slice(0, 30);
}

async function openTeam(owner, extra = {}) {
  return owner.client.createTeam({ name: teamName(), display_name: 'Open Team', type: 'O', allow_open_invite: true, ...extra });
}

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

test('patching and updating a team needs manage_team and sends update_team', async () => {
  const owner = await newUser(server);
  const member = await newUser(server);
  const team = await openTeam(owner);
  await member.client.addToTeam(team.id, member.user.id);
  const ws = await socket(server, member.client);

  const patched = await owner.client.patchTeam({ id: team.id, display_name: 'Renamed', description: 'about us' });
  assert.equal(patched.display_name, 'Renamed');
  assert.equal(patched.description, 'about us');
  assert.equal(patched.name, team.name);
  assert.ok(patched.update_at >= team.update_at);
  const evt = await ws.waitFor('update_team', (m) => m.broadcast.team_id === team.id);
  const sent = JSON.parse(evt.data.team);
  assert.equal(sent.display_name, 'Renamed');
  assert.equal(sent.invite_id, '');
  assert.equal(sent.email, '');

  await rejects(assert, member.client.patchTeam({ id: team.id, display_name: 'Hijack' }), 403, 'api.context.permissions.app_error');
  await rejects(assert, owner.client.patchTeam({ id: team.id, display_name: '' }), 400, 'model.team.is_valid.name.app_error');

  // Closing the team regenerates its invite id.
  const closed = await owner.client.patchTeam({ id: team.id, allow_open_invite: false });
  assert.equal(closed.allow_open_invite, false);
  assert.notEqual(closed.invite_id, team.invite_id);

  const updated = await owner.client.updateTeam({ ...closed, display_name: 'Whole', company_name: 'ACME' });
  assert.equal(updated.display_name, 'Whole');
  assert.equal(updated.company_name, 'ACME');
  assert.equal(updated.name, team.name, 'the name is not changed by PUT');

  const token = owner.client.getToken();
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/teams/${team.id}`,
    { token, body: JSON.stringify({ id: 'x'.repeat(26), display_name: 'x' }) }), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/teams/${team.id}/patch`, { token, body: '{"display_name":' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/teams/${team.id}/patch`,
    { token, body: JSON.stringify({ allow_open_invite: 'no' }) }), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/teams/${'z'.repeat(26)}/patch`,
    { token: admin.client.getToken(), body: JSON.stringify({ display_name: 'x' }) }), 404, 'app.team.get.find.app_error');
  ws.close();
});

test('archiving a team: soft delete, delete_team event, gone from the user\'s teams, restorable', async () => {
  const owner = await newUser(server);
  const member = await newUser(server);
  const team = await openTeam(owner);
  await member.client.addToTeam(team.id, member.user.id);
  const ws = await socket(server, member.client);

  await rejects(assert, member.client.deleteTeam(team.id), 403, 'api.context.permissions.app_error');
  const ok = await owner.client.deleteTeam(team.id);
  assert.equal(ok.status, 'OK');
  const evt = await ws.waitFor('delete_team', (m) => m.broadcast.team_id === team.id);
  assert.ok(JSON.parse(evt.data.team).delete_at > 0);
  const archived = await owner.client.getTeam(team.id);
  assert.ok(archived.delete_at > 0);
  assert.ok(!(await member.client.getMyTeams()).some((t) => t.id === team.id));

  const permanent = await raw(server, 'DELETE', `/api/v4/teams/${team.id}?permanent=true`, { token: owner.client.getToken() });
  assertAppError(assert, permanent, 401, 'api.user.delete_team.not_enabled.app_error');

  const restored = await owner.client.unarchiveTeam(team.id);
  assert.equal(restored.delete_at, 0);
  await ws.waitFor('restore_team', (m) => m.broadcast.team_id === team.id);
  assert.ok((await member.client.getMyTeams()).some((t) => t.id === team.id));
  ws.close();
});

test('leaving and removing: leave_team events, channels left, membership kept as deleted', async () => {
  const owner = await newUser(server);
  const leaver = await newUser(server);
  const removed = await newUser(server);
  const team = await openTeam(owner);
  await leaver.client.addToTeam(team.id, leaver.user.id);
  await removed.client.addToTeam(team.id, removed.user.id);
  const priv = await owner.client.createChannel({ team_id: team.id, name: teamName('p'), display_name: 'P', type: 'P' });
  await owner.client.addToChannel(leaver.user.id, priv.id);
  const ownerWs = await socket(server, owner.client);
  const leaverWs = await socket(server, leaver.client);

  await leaver.client.removeFromTeam(team.id, leaver.user.id);
  const toTeam = await ownerWs.waitFor('leave_team', (m) => m.data.user_id === leaver.user.id);
  assert.equal(toTeam.data.team_id, team.id);
  assert.equal(toTeam.broadcast.team_id, team.id);
  const toUser = await leaverWs.waitFor('leave_team', (m) => m.broadcast.user_id === leaver.user.id);
  assert.equal(toUser.data.team_id, team.id);
  assert.equal(leaverWs.events.filter((m) => m.event === 'leave_team').length, 1);

  assert.ok(!(await leaver.client.getMyTeams()).some((t) => t.id === team.id));
  const memberships = await leaver.client.getMyTeamMembers();
  const left = memberships.find((m) => m.team_id === team.id);
  assert.ok(left.delete_at > 0);
  await rejects(assert, leaver.client.getChannel(priv.id), 403);
  const privMembers = await owner.client.getChannelMembers(priv.id);
  assert.ok(!privMembers.some((m) => m.user_id === leaver.user.id));

  await rejects(assert, leaver.client.removeFromTeam(team.id, removed.user.id), 403);
  await rejects(assert, removed.client.removeFromTeam(team.id, owner.user.id), 403, 'api.context.permissions.app_error');
  await owner.client.removeFromTeam(team.id, removed.user.id);
  const stats = await owner.client.getTeamStats(team.id);
  assert.equal(stats.total_member_count, 1);

  // Rejoining reactivates the membership and the default channels.
  const back = await leaver.client.addToTeam(team.id, leaver.user.id);
  assert.equal(back.delete_at, 0);
  assert.deepEqual((await leaver.client.getMyChannels(team.id)).map((c) => c.name).sort(), ['off-topic', 'town-square']);

  const stranger = await newUser(server);
  await rejects(assert, owner.client.removeFromTeam(team.id, stranger.user.id), 400,
    'api.team.remove_user_from_team.missing.app_error');
  ownerWs.close();
  leaverWs.close();
});

test('team member roles: manage_team_roles, memberrole_updated, scheme and guest rules', async () => {
  const owner = await newUser(server);
  const member = await newUser(server);
  const team = await openTeam(owner);
  await member.client.addToTeam(team.id, member.user.id);
  const ws = await socket(server, member.client);

  await rejects(assert, member.client.updateTeamMemberRoles(team.id, member.user.id, 'team_user team_admin'), 403);
  const ok = await owner.client.updateTeamMemberRoles(team.id, member.user.id, 'team_user team_admin');
  assert.equal(ok.status, 'OK');
  const evt = await ws.waitFor('memberrole_updated');
  const sent = JSON.parse(evt.data.member);
  assert.equal(sent.roles, 'team_user team_admin');
  assert.equal(sent.scheme_admin, true);
  assert.equal((await member.client.getTeamMember(team.id, member.user.id)).roles, 'team_user team_admin');
  // Now a team admin, the member may manage the team.
  const patched = await member.client.patchTeam({ id: team.id, description: 'by new admin' });
  assert.equal(patched.description, 'by new admin');

  await rejects(assert, owner.client.updateTeamMemberRoles(team.id, member.user.id, 'channel_user'), 400,
    'api.channel.update_team_member_roles.scheme_role.app_error');
  await rejects(assert, owner.client.updateTeamMemberRoles(team.id, member.user.id, 'team_user team_guest'), 400,
    'api.team.update_team_member_roles.guest_and_user.app_error');
  await rejects(assert, owner.client.updateTeamMemberRoles(team.id, member.user.id, 'no_such_role'), 400);
  await rejects(assert, owner.client.updateTeamMemberRoles(team.id, member.user.id, 'Bad Role!'), 400,
    'api.context.invalid_param.app_error');
  const withExplicit = await owner.client.updateTeamMemberRoles(team.id, member.user.id, 'team_user team_post_all');
  assert.equal(withExplicit.status, 'OK');
  const m = await owner.client.getTeamMember(team.id, member.user.id);
  assert.equal(m.explicit_roles, 'team_post_all');
  assert.equal(m.roles, 'team_user team_post_all');
  const stranger = await newUser(server);
  await rejects(assert, owner.client.updateTeamMemberRoles(team.id, stranger.user.id, 'team_user'), 404,
    'app.team.get_member.missing.app_error');
  ws.close();
});

test('stats, members by ids, batch add, exists', async () => {
  const owner = await newUser(server);
  const a = await newUser(server);
  const b = await newUser(server);
  const outsider = await newUser(server);
  const team = await openTeam(owner);

  const added = await owner.client.addUsersToTeam(team.id, [a.user.id, b.user.id]);
  assert.deepEqual(added.map((m) => m.user_id).sort(), [a.user.id, b.user.id].sort());
  const graceful = await owner.client.addUsersToTeamGracefully(team.id, [a.user.id, 'q'.repeat(26)]);
  assert.equal(graceful.length, 2);
  assert.equal(graceful[0].member.user_id, a.user.id);
  assert.equal(graceful[1].member, null);
  assert.equal(graceful[1].error.status_code, 404);
  await rejects(assert, owner.client.addUsersToTeam(team.id, ['q'.repeat(26)]), 404);
  await rejects(assert, outsider.client.addUsersToTeam(team.id, [outsider.user.id]), 403);
  const token = owner.client.getToken();
  assertAppError(assert, await raw(server, 'POST', `/api/v4/teams/${team.id}/members/batch`, { token, body: '[]' }), 400);
  assertAppError(assert, await raw(server, 'POST', `/api/v4/teams/${team.id}/members/batch`,
    { token, body: JSON.stringify([{ team_id: 'w'.repeat(26), user_id: a.user.id }]) }), 400);

  const stats = await a.client.getTeamStats(team.id);
  assert.deepEqual(stats, { team_id: team.id, total_member_count: 3, active_member_count: 3 });
  await admin.client.updateUserActive(b.user.id, false);
  const after = await a.client.getTeamStats(team.id);
  assert.equal(after.total_member_count, 3);
  assert.equal(after.active_member_count, 2);
  await rejects(assert, outsider.client.getTeamStats(team.id), 403);

  const byIds = await a.client.getTeamMembersByIds(team.id, [owner.user.id, outsider.user.id]);
  assert.deepEqual(byIds.map((m) => m.user_id), [owner.user.id]);
  assertAppError(assert, await raw(server, 'POST', `/api/v4/teams/${team.id}/members/ids`, { token, body: '[]' }), 400);

  assert.deepEqual(await outsider.client.checkIfTeamExists(team.name), { exists: true });
  const closed = await owner.client.createTeam({ name: teamName(), display_name: 'Closed', type: 'I' });
  assert.deepEqual(await outsider.client.checkIfTeamExists(closed.name), { exists: false });
  assert.deepEqual(await owner.client.checkIfTeamExists(closed.name), { exists: true });
  assert.deepEqual(await owner.client.checkIfTeamExists('nobody-has-this'), { exists: false });
});

test('invite ids: public invite info, joining by invite id even into invite-only teams', async () => {
  const owner = await newUser(server);
  const joiner = await newUser(server);
  const open = await openTeam(owner, { description: 'come in' });
  const info = await raw(server, 'GET', `/api/v4/teams/invite/${open.invite_id}`);
  assert.equal(info.status, 200);
  assert.deepEqual(info.body, { display_name: open.display_name, description: 'come in', name: open.name, id: open.id });
  assertAppError(assert, await raw(server, 'GET', `/api/v4/teams/invite/${'r'.repeat(26)}`), 404,
    'app.team.get_by_invite_id.finding.app_error');
  const closed = await owner.client.createTeam({ name: teamName(), display_name: 'Closed', type: 'I' });
  assertAppError(assert, await raw(server, 'GET', `/api/v4/teams/invite/${closed.invite_id}`), 403,
    'api.team.get_invite_info.not_open_team');

  const member = await joiner.client.joinTeam(closed.invite_id);
  assert.equal(member.team_id, closed.id);
  assert.equal(member.roles, 'team_user');
  await rejects(assert, joiner.client.joinTeam('s'.repeat(26)), 404, 'app.team.get_by_invite_id.finding.app_error');
  await rejects(assert, joiner.client.addToTeamFromInvite('', ''), 400, 'api.team.add_user_to_team.missing_parameter.app_error');

  const regenerated = await owner.client.regenerateTeamInviteId(closed.id);
  assert.notEqual(regenerated.invite_id, closed.invite_id);
  const late = await newUser(server);
  await rejects(assert, late.client.joinTeam(closed.invite_id), 404);
});

test('team unread totals come from channel counters', async () => {
  const owner = await newUser(server);
  const team = await openTeam(owner);
  const other = await openTeam(owner);
  const unreads = await owner.client.getMyTeamUnreads();
  assert.deepEqual(unreads.map((u) => u.team_id).sort(), [team.id, other.id].sort());
  for (const u of unreads) {
    assert.deepEqual(Object.keys(u).sort(), ['mention_count', 'mention_count_root', 'msg_count', 'msg_count_root', 'team_id',
      'thread_count', 'thread_mention_count', 'thread_urgent_mention_count']);
    assert.equal(u.msg_count, 0);
  }
  const token = owner.client.getToken();
  const excluded = await raw(server, 'GET', `/api/v4/users/me/teams/unread?exclude_team=${team.id}`, { token });
  assert.deepEqual(excluded.body.map((u) => u.team_id), [other.id]);
  const one = await raw(server, 'GET', `/api/v4/users/me/teams/${team.id}/unread`, { token });
  assert.equal(one.status, 200);
  assert.equal(one.body.team_id, team.id);
  assert.equal(one.body.mention_count, 0);
  const outsider = await newUser(server);
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/${owner.user.id}/teams/unread`,
    { token: outsider.client.getToken() }), 403);
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/me/teams/${team.id}/unread`,
    { token: outsider.client.getToken() }), 403);
});
