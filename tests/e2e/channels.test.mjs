// Channels and channel memberships through the official Client4: open/private creation, DMs
// and group messages, lookups and read permissions, adding members, the user's channel lists
// (NDJSON included) and the WebSocket events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, newUser, raw, assertAppError, rejects, socket } from './lib/harness.mjs';
import { slug, teamWith } from './lib/teams.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await newUser(server);
});
after(async () => {
  await server.stop();
});

test('creating open and private channels: 201, creator is channel admin, channel_created', async () => {
  const owner = await newUser(server);
  const team = await teamWith(owner);
  const ws = await socket(server, owner.client);
  const name = slug();
  const res = await raw(server, 'POST', '/api/v4/channels', {
    token: owner.client.getToken(),
    body: JSON.stringify({ team_id: team.id, name, display_name: '  Launch Pad  ', type: 'O', purpose: 'p', header: 'h' }),
  });
  assert.equal(res.status, 201, res.text);
  const ch = res.body;
  assert.equal(ch.name, name);
  assert.equal(ch.display_name, 'Launch Pad');
  assert.equal(ch.team_id, team.id);
  assert.equal(ch.creator_id, owner.user.id);
  assert.equal(ch.purpose, 'p');
  assert.equal(ch.header, 'h');
  assert.equal(ch.total_msg_count, 0);
  const member = await owner.client.getMyChannelMember(ch.id);
  assert.equal(member.roles, 'channel_user channel_admin');
  assert.equal(member.notify_props.mark_unread, 'all');
  const evt = await ws.waitFor('channel_created', (m) => m.data.channel_id === ch.id);
  assert.equal(evt.data.team_id, team.id);
  assert.equal(evt.broadcast.user_id, owner.user.id);

  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Secret', type: 'P' });
  assert.equal(priv.type, 'P');
  ws.close();
});

test('channel creation is validated and needs team permissions', async () => {
  const owner = await newUser(server);
  const outsider = await newUser(server);
  const team = await teamWith(owner);
  const c = owner.client;
  await rejects(assert, outsider.client.createChannel({ team_id: team.id, name: slug(), display_name: 'x', type: 'O' }), 403,
    'api.context.permissions.app_error');
  await rejects(assert, outsider.client.createChannel({ team_id: team.id, name: slug(), display_name: 'x', type: 'P' }), 403);
  await rejects(assert, c.createChannel({ team_id: team.id, name: slug(), display_name: '', type: 'O' }), 400,
    'api.context.invalid_param.app_error');
  await rejects(assert, c.createChannel({ name: slug(), display_name: 'x', type: 'O' }), 400, 'api.context.invalid_param.app_error');
  await rejects(assert, c.createChannel({ team_id: team.id, name: 'Bad Name', display_name: 'x', type: 'O' }), 400,
    'model.channel.is_valid.1_or_more.app_error');
  await rejects(assert, c.createChannel({ team_id: team.id, name: `${owner.user.id}__${outsider.user.id}`, display_name: 'x', type: 'O' }), 400,
    'model.channel.is_valid.name.app_error');
  await rejects(assert, c.createChannel({ team_id: team.id, name: 'town-square', display_name: 'x', type: 'O' }), 400,
    'store.sql_channel.save_channel.exists.app_error');
  await rejects(assert, c.createChannel({ team_id: team.id, name: slug(), display_name: 'x', type: 'D' }), 400,
    'api.channel.create_channel.direct_channel.app_error');
  await rejects(assert, c.createChannel({ team_id: team.id, name: slug(), display_name: 'x'.repeat(65), type: 'O' }), 400,
    'model.channel.is_valid.display_name.app_error');
  await rejects(assert, c.createChannel({ team_id: team.id, name: slug(), display_name: 'x', type: 'O', purpose: 'p'.repeat(251) }), 400,
    'model.channel.is_valid.purpose.app_error');
  const token = c.getToken();
  assertAppError(assert, await raw(server, 'POST', '/api/v4/channels', { token, body: '{"team_id"' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/channels',
    { token, body: JSON.stringify({ team_id: team.id, name: slug(), display_name: 'x', type: 'O', header: 5 }) }), 400,
  'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/channels',
    { body: JSON.stringify({ team_id: team.id, name: slug(), display_name: 'x', type: 'O' }) }), 401);
});

test('reading channels: public to the team, private/DM/GM only to members', async () => {
  const owner = await newUser(server);
  const teammate = await newUser(server);
  const outsider = await newUser(server);
  const team = await teamWith(owner, teammate);
  const pub = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Pub', type: 'O' });
  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Priv', type: 'P' });
  const dm = await owner.client.createDirectChannel([owner.user.id, teammate.user.id]);

  assert.equal((await teammate.client.getChannel(pub.id)).id, pub.id);
  await rejects(assert, outsider.client.getChannel(pub.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, teammate.client.getChannel(priv.id), 403, 'api.context.permissions.app_error');
  await rejects(assert, outsider.client.getChannel(dm.id), 403, 'api.context.permissions.app_error');
  assert.equal((await admin.client.getChannel(priv.id)).id, priv.id);

  assert.equal((await teammate.client.getChannelByName(team.id, pub.name)).id, pub.id);
  assert.equal((await teammate.client.getChannelByNameAndTeamName(team.name, pub.name)).id, pub.id);
  await rejects(assert, teammate.client.getChannelByName(team.id, priv.name), 404, 'app.channel.get_by_name.missing.app_error');
  await rejects(assert, teammate.client.getChannelByNameAndTeamName(team.name, priv.name), 404,
    'app.channel.get_by_name.missing.app_error');
  await rejects(assert, outsider.client.getChannelByName(team.id, pub.name), 403);
  assert.equal((await owner.client.getChannelByName(team.id, priv.name)).id, priv.id);
  await rejects(assert, owner.client.getChannelByName(team.id, 'nothing-here'), 404, 'app.channel.get_by_name.missing.app_error');
  await rejects(assert, owner.client.getChannelByNameAndTeamName('no-team-like-this', 'town-square'), 404,
    'app.team.get_by_name.missing.app_error');

  const token = teammate.client.getToken();
  assertAppError(assert, await raw(server, 'GET', '/api/v4/channels/bad', { token }), 400, 'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/teams/${team.id}/channels/name/Bad%20Name`, { token }), 400,
    'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/channels/${'e'.repeat(26)}`, { token: admin.client.getToken() }), 404,
    'app.channel.get.existing.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/channels/${pub.id}`), 401);
});

test('adding members: self-join public, others need manage_*_members, events to channel and user', async () => {
  const owner = await newUser(server);
  const joiner = await newUser(server);
  const invitee = await newUser(server);
  const stranger = await newUser(server);
  const team = await teamWith(owner, joiner, invitee);
  const pub = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Pub', type: 'O' });
  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Priv', type: 'P' });
  const ownerWs = await socket(server, owner.client);
  const joinerWs = await socket(server, joiner.client);

  const res = await raw(server, 'POST', `/api/v4/channels/${pub.id}/members`, {
    token: joiner.client.getToken(),
    body: JSON.stringify({ user_id: joiner.user.id }),
  });
  assert.equal(res.status, 201, res.text);
  assert.ok(!Array.isArray(res.body));
  assert.equal(res.body.user_id, joiner.user.id);
  assert.equal(res.body.roles, 'channel_user');
  const toChannel = await ownerWs.waitFor('user_added', (m) => m.broadcast.channel_id === pub.id);
  assert.equal(toChannel.data.user_id, joiner.user.id);
  assert.equal(toChannel.data.team_id, team.id);
  const toUser = await joinerWs.waitFor('user_added', (m) => m.broadcast.channel_id === pub.id);
  assert.equal(toUser.broadcast.user_id, joiner.user.id);

  await rejects(assert, joiner.client.addToChannel(joiner.user.id, priv.id), 403, 'api.context.permissions.app_error');
  const many = await owner.client.addToChannels([joiner.user.id, invitee.user.id], priv.id);
  assert.ok(Array.isArray(many));
  assert.deepEqual(many.map((m) => m.user_id).sort(), [joiner.user.id, invitee.user.id].sort());
  const other = many.find((m) => m.user_id === joiner.user.id);
  assert.ok(!('last_viewed_at' in other), 'other members hide their view times');
  const seen = await joiner.client.getChannel(priv.id);
  assert.equal(seen.id, priv.id);

  await rejects(assert, owner.client.addToChannel(stranger.user.id, pub.id), 404, 'app.team.get_member.missing.app_error');
  const dm = await owner.client.createDirectChannel([owner.user.id, joiner.user.id]);
  await rejects(assert, owner.client.addToChannel(invitee.user.id, dm.id), 400, 'api.channel.add_user_to_channel.type.app_error');

  const token = owner.client.getToken();
  assertAppError(assert, await raw(server, 'POST', `/api/v4/channels/${pub.id}/members`, { token, body: '{"user_id":' }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', `/api/v4/channels/${pub.id}/members`, { token, body: JSON.stringify({ user_id: 3 }) }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', `/api/v4/channels/${pub.id}/members`,
    { token, body: JSON.stringify({ user_ids: [invitee.user.id, 5] }) }), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', `/api/v4/channels/${'f'.repeat(26)}/members`,
    { token, body: JSON.stringify({ user_id: invitee.user.id }) }), 404, 'app.channel.get.existing.app_error');
  ownerWs.close();
  joinerWs.close();
});

test('channel members: "me", missing members and non-readers', async () => {
  const owner = await newUser(server);
  const teammate = await newUser(server);
  const team = await teamWith(owner, teammate);
  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Priv', type: 'P' });
  const mine = await owner.client.getChannelMember(priv.id, 'me');
  assert.equal(mine.user_id, owner.user.id);
  assert.equal(typeof mine.last_viewed_at, 'number');
  await rejects(assert, owner.client.getChannelMember(priv.id, teammate.user.id), 404, 'app.channel.get_member.missing.app_error');
  await rejects(assert, teammate.client.getChannelMember(priv.id, owner.user.id), 403, 'api.context.permissions.app_error');
});

test('direct messages: idempotent, named after both ids, direct_added to both', async () => {
  const a = await newUser(server);
  const b = await newUser(server);
  const c = await newUser(server);
  const wsB = await socket(server, b.client);
  const res = await raw(server, 'POST', '/api/v4/channels/direct', {
    token: a.client.getToken(),
    body: JSON.stringify([a.user.id, b.user.id]),
  });
  assert.equal(res.status, 201, res.text);
  const dm = res.body;
  assert.equal(dm.type, 'D');
  assert.equal(dm.team_id, '');
  assert.equal(dm.name, [a.user.id, b.user.id].sort().join('__'));
  const evt = await wsB.waitFor('direct_added', (m) => m.broadcast.channel_id === dm.id);
  assert.equal(evt.data.creator_id, a.user.id);
  assert.equal(evt.data.teammate_id, b.user.id);

  const again = await b.client.createDirectChannel([b.user.id, a.user.id]);
  assert.equal(again.id, dm.id);
  assert.equal((await b.client.getMyChannelMember(dm.id)).roles, 'channel_user');

  const self = await a.client.createDirectChannel([a.user.id]);
  assert.equal(self.name, `${a.user.id}__${a.user.id}`);
  const selfMembers = await a.client.getChannelMembers(self.id);
  assert.equal(selfMembers.length, 1);

  await rejects(assert, c.client.createDirectChannel([a.user.id, b.user.id]), 403, 'api.context.permissions.app_error');
  await rejects(assert, a.client.createDirectChannel([a.user.id, b.user.id, c.user.id]), 400, 'api.context.invalid_param.app_error');
  await rejects(assert, a.client.createDirectChannel([a.user.id, 'nope']), 400, 'api.context.invalid_param.app_error');
  await rejects(assert, a.client.createDirectChannel([a.user.id, 'g'.repeat(26)]), 400,
    'api.channel.create_direct_channel.invalid_user.app_error');
  const token = a.client.getToken();
  assertAppError(assert, await raw(server, 'POST', '/api/v4/channels/direct', { token, body: '{"a":1}' }), 400, 'api.payload.parse.error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/channels/direct', { token, body: '[1,2]' }), 400, 'api.payload.parse.error');
  wsB.close();
});

test('group messages: 3 to 8 users, sha1 name, idempotent, group_added to each member', async () => {
  const a = await newUser(server);
  const b = await newUser(server);
  const c = await newUser(server);
  const wsC = await socket(server, c.client);
  const ids = [a.user.id, b.user.id, c.user.id];
  const res = await raw(server, 'POST', '/api/v4/channels/group', {
    token: a.client.getToken(),
    body: JSON.stringify([b.user.id, c.user.id]),
  });
  assert.equal(res.status, 201, res.text);
  const gm = res.body;
  assert.equal(gm.type, 'G');
  assert.equal(gm.name, createHash('sha1').update([...ids].sort().join('')).digest('hex'));
  assert.equal(gm.display_name, [a.user.username, b.user.username, c.user.username].sort().join(', '));
  const evt = await wsC.waitFor('group_added', (m) => m.broadcast.channel_id === gm.id);
  assert.deepEqual(JSON.parse(evt.data.teammate_ids).sort(), [...ids].sort());
  assert.equal(evt.broadcast.user_id, c.user.id);

  const again = await c.client.createGroupChannel([...ids].reverse());
  assert.equal(again.id, gm.id);
  const members = await b.client.getChannelMembers(gm.id);
  assert.equal(members.length, 3);

  await rejects(assert, a.client.createGroupChannel([b.user.id]), 400, 'api.channel.create_group.bad_size.app_error');
  await rejects(assert, a.client.createGroupChannel([b.user.id, 'h'.repeat(26)]), 400, 'api.channel.create_group.bad_user.app_error');
  await rejects(assert, a.client.createGroupChannel([]), 400, 'api.context.invalid_param.app_error');
  const outsider = await newUser(server);
  await rejects(assert, outsider.client.getChannel(gm.id), 403);
  wsC.close();
});

test('a user\'s channels: per team (with DMs), all teams, members, NDJSON stream', async () => {
  const owner = await newUser(server);
  const mate = await newUser(server);
  const t1 = await teamWith(owner, mate);
  const t2 = await teamWith(owner);
  const priv = await owner.client.createChannel({ team_id: t1.id, name: slug(), display_name: 'Priv', type: 'P' });
  const dm = await owner.client.createDirectChannel([owner.user.id, mate.user.id]);

  const inTeam = await owner.client.getMyChannels(t1.id);
  const names = inTeam.map((c) => c.name);
  assert.ok(names.includes('town-square') && names.includes(priv.name) && names.includes(dm.name));
  assert.ok(!inTeam.some((c) => c.team_id === t2.id));

  const all = await owner.client.getAllTeamsChannels();
  assert.ok(all.some((c) => c.team_id === t2.id) && all.some((c) => c.id === dm.id) && all.some((c) => c.id === priv.id));
  assert.equal(all.length, inTeam.length + 2);

  const members = await owner.client.getMyChannelMembers(t1.id);
  assert.deepEqual(members.map((m) => m.channel_id).sort(), inTeam.map((c) => c.id).sort());

  const token = owner.client.getToken();
  const ndjson = await raw(server, 'GET', `/api/v4/users/${owner.user.id}/channel_members?page=-1&per_page=60`, { token });
  assert.equal(ndjson.status, 200);
  assert.equal(ndjson.headers.get('content-type'), 'application/x-ndjson');
  const lines = ndjson.text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, all.length);
  const townLine = lines.find((l) => l.team_name === t1.name);
  assert.equal(townLine.team_display_name, 'Team');
  assert.ok(townLine.team_update_at > 0);
  const dmLine = lines.find((l) => l.channel_id === dm.id);
  assert.equal(dmLine.team_name, '');
  const viaClient = await owner.client.getAllChannelsMembers(owner.user.id, -1);
  assert.equal(viaClient.length, all.length);

  const page = await owner.client.getAllChannelsMembers(owner.user.id, 0, 2);
  assert.equal(page.length, 2);
  assert.ok('team_name' in page[0]);

  await rejects(assert, mate.client.getAllChannelsMembers(owner.user.id, -1), 403);
  await rejects(assert, mate.client.getMyChannels(t2.id), 403, 'api.context.permissions.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/me/teams/${t1.id}/channels?last_delete_at=-5`, { token }), 400);
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/${mate.user.id}/channels`, { token }), 403);
});
