// Managing teams through the official Client4: patch/update, archive/restore, leaving and
// removal, member roles, stats, batch adds, invite ids and unread totals, with their events.
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
