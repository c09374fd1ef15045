// Channels and channel memberships through the official Client4: open/private creation, DMs
// and group messages, lookups and read permissions, adding members, the user's channel lists
// (NDJSON included) and the WebSocket events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await newUser(server);
});
after(async () => {
  await server.stop();
});

function slug(prefix = 'c') {
  return unique(prefix).toLowerCase().slice(0, 30);
}

// A team owned by `owner` with the given other users as members.
async function teamWith(owner, ...others) {
  const team = await owner.client.createTeam({ name: slug('t'), display_name: 'Team', type: 'O', allow_open_invite: true });
  for (const o of others) await owner.client.addToTeam(team.id, o.user.id);
  return team;
}

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

test('patching and updating channels: properties permissions, channel_updated, town-square name', async () => {
  const owner = await newUser(server);
  const mate = await newUser(server);
  const outsider = await newUser(server);
  const team = await teamWith(owner, mate);
  const pub = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Pub', type: 'O' });
  await mate.client.addToChannel(mate.user.id, pub.id);
  const ws = await socket(server, mate.client);

  const patched = await owner.client.patchChannel(pub.id, { header: 'New header', purpose: 'why', display_name: ' Shiny ' });
  assert.equal(patched.header, 'New header');
  assert.equal(patched.purpose, 'why');
  assert.equal(patched.display_name, 'Shiny');
  assert.ok(patched.update_at >= pub.update_at);
  const evt = await ws.waitFor('channel_updated', (m) => m.broadcast.channel_id === pub.id);
  assert.equal(JSON.parse(evt.data.channel).header, 'New header');

  // channel_user holds manage_public_channel_properties.
  assert.equal((await mate.client.patchChannel(pub.id, { header: 'mate' })).header, 'mate');
  await rejects(assert, outsider.client.patchChannel(pub.id, { header: 'x' }), 403, 'api.context.permissions.app_error');
  const taken = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Other', type: 'O' });
  await rejects(assert, owner.client.patchChannel(pub.id, { name: taken.name }), 400, 'store.sql_channel.save_channel.exists.app_error');
  await rejects(assert, owner.client.patchChannel(pub.id, { name: 'Not Valid' }), 400, 'model.channel.is_valid.1_or_more.app_error');

  const town = await owner.client.getChannelByName(team.id, 'town-square');
  await rejects(assert, owner.client.patchChannel(town.id, { name: 'renamed-square' }), 400, 'api.channel.update_channel.tried.app_error');
  assert.equal((await owner.client.patchChannel(town.id, { display_name: 'Lobby' })).display_name, 'Lobby');

  const updated = await owner.client.updateChannel({ ...patched, header: 'put header', purpose: '' });
  assert.equal(updated.header, 'put header');
  assert.equal(updated.purpose, '');
  await rejects(assert, owner.client.updateChannel({ ...updated, type: 'P' }), 400, 'api.channel.update_channel.typechange.app_error');

  const dm = await owner.client.createDirectChannel([owner.user.id, mate.user.id]);
  assert.equal((await mate.client.patchChannel(dm.id, { header: 'dm header' })).header, 'dm header');
  await rejects(assert, mate.client.patchChannel(dm.id, { display_name: 'nope' }), 400,
    'api.channel.patch_update_channel.update_direct_or_group_messages_not_allowed.app_error');
  await rejects(assert, outsider.client.patchChannel(dm.id, { header: 'x' }), 403, 'api.channel.patch_update_channel.forbidden.app_error');

  const token = owner.client.getToken();
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/channels/${pub.id}/patch`, { token, body: '{' }), 400);
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/channels/${pub.id}/patch`, { token, body: JSON.stringify({ header: [] }) }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/channels/${pub.id}`, { token, body: JSON.stringify({ id: taken.id }) }), 400,
    'api.context.invalid_param.app_error');
  ws.close();
});

test('archiving and restoring channels: events, town-square protected, archived lists', async () => {
  const owner = await newUser(server);
  const mate = await newUser(server);
  const team = await teamWith(owner, mate);
  const pub = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Pub', type: 'O' });
  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Priv', type: 'P' });
  await owner.client.addToChannel(mate.user.id, priv.id);
  const hidden = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Hidden', type: 'P' });
  const ws = await socket(server, mate.client);

  await rejects(assert, mate.client.deleteChannel(hidden.id), 403);
  await owner.client.deleteChannel(pub.id);
  const pubEvt = await ws.waitFor('channel_deleted', (m) => m.data.channel_id === pub.id);
  assert.equal(pubEvt.broadcast.team_id, team.id);
  assert.ok(pubEvt.data.delete_at > 0);
  await mate.client.deleteChannel(priv.id); // channel_user holds delete_private_channel
  const privEvt = await ws.waitFor('channel_deleted', (m) => m.data.channel_id === priv.id);
  assert.equal(privEvt.broadcast.channel_id, priv.id);
  await owner.client.deleteChannel(hidden.id);

  assert.ok((await owner.client.getChannel(pub.id)).delete_at > 0);
  await rejects(assert, owner.client.deleteChannel(pub.id), 400, 'api.channel.delete_channel.deleted.app_error');
  const town = await owner.client.getChannelByName(team.id, 'town-square');
  await rejects(assert, owner.client.deleteChannel(town.id), 400, 'api.channel.delete_channel.cannot.app_error');
  const dm = await owner.client.createDirectChannel([owner.user.id, mate.user.id]);
  await rejects(assert, owner.client.deleteChannel(dm.id), 400, 'api.channel.delete_channel.type.invalid');
  assertAppError(assert, await raw(server, 'DELETE', `/api/v4/channels/${town.id}?permanent=true`, { token: owner.client.getToken() }), 401);

  const mine = await mate.client.getMyChannels(team.id);
  assert.ok(!mine.some((c) => c.id === priv.id));
  const withDeleted = await mate.client.getMyChannels(team.id, true);
  assert.ok(withDeleted.some((c) => c.id === priv.id));
  await rejects(assert, mate.client.getChannelByName(team.id, pub.name), 404);
  assert.equal((await mate.client.getChannelByName(team.id, pub.name, true)).id, pub.id);

  const archived = await mate.client.getArchivedChannels(team.id);
  assert.deepEqual(archived.map((c) => c.id).sort(), [pub.id, priv.id].sort());
  const archivedAdmin = await admin.client.getArchivedChannels(team.id);
  assert.ok(archivedAdmin.some((c) => c.id === hidden.id));

  await rejects(assert, mate.client.addToChannel(mate.user.id, pub.id), 400, 'api.channel.add_user_to_channel.deleted.app_error');
  await rejects(assert, mate.client.unarchiveChannel(pub.id), 403);
  const restored = await owner.client.unarchiveChannel(pub.id);
  assert.equal(restored.delete_at, 0);
  const restoredEvt = await ws.waitFor('channel_restored', (m) => m.data.channel_id === pub.id);
  assert.equal(restoredEvt.broadcast.team_id, team.id);
  await rejects(assert, owner.client.unarchiveChannel(pub.id), 400, 'api.channel.restore_channel.restored.app_error');
  ws.close();
});

test('removing members: leave and kick, user_removed to both sides, town-square kept', async () => {
  const owner = await newUser(server);
  const mate = await newUser(server);
  const kicked = await newUser(server);
  const team = await teamWith(owner, mate, kicked);
  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Priv', type: 'P' });
  await owner.client.addToChannels([mate.user.id, kicked.user.id], priv.id);
  const ownerWs = await socket(server, owner.client);
  const kickedWs = await socket(server, kicked.client);

  await owner.client.removeFromChannel(kicked.user.id, priv.id);
  const toChannel = await ownerWs.waitFor('user_removed', (m) => m.broadcast.channel_id === priv.id);
  assert.equal(toChannel.data.user_id, kicked.user.id);
  assert.equal(toChannel.data.remover_id, owner.user.id);
  const toUser = await kickedWs.waitFor('user_removed', (m) => m.data.channel_id === priv.id);
  assert.equal(toUser.data.remover_id, owner.user.id);
  assert.equal(toUser.broadcast.user_id, kicked.user.id);
  await rejects(assert, kicked.client.getChannel(priv.id), 403);

  await mate.client.removeFromChannel(mate.user.id, priv.id);
  const left = await ownerWs.waitFor('user_removed', (m) => m.data.user_id === mate.user.id);
  assert.equal(left.data.remover_id, mate.user.id);

  const pub = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Pub', type: 'O' });
  await kicked.client.addToChannel(kicked.user.id, pub.id);
  await rejects(assert, mate.client.removeFromChannel(kicked.user.id, pub.id), 403);
  const town = await owner.client.getChannelByName(team.id, 'town-square');
  await rejects(assert, mate.client.removeFromChannel(mate.user.id, town.id), 400, 'api.channel.remove.default.app_error');
  await rejects(assert, owner.client.removeFromChannel(mate.user.id, priv.id), 404, 'app.channel.get_member.missing.app_error');
  const dm = await owner.client.createDirectChannel([owner.user.id, mate.user.id]);
  await rejects(assert, owner.client.removeFromChannel(mate.user.id, dm.id), 400, 'api.channel.remove_channel_member.type.app_error');
  ownerWs.close();
  kickedWs.close();
});

test('member roles and notify props: channel_member_updated, manage_channel_roles', async () => {
  const owner = await newUser(server);
  const mate = await newUser(server);
  const team = await teamWith(owner, mate);
  const pub = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Pub', type: 'O' });
  await mate.client.addToChannel(mate.user.id, pub.id);
  const ws = await socket(server, mate.client);

  await rejects(assert, mate.client.updateChannelMemberRoles(pub.id, mate.user.id, 'channel_user channel_admin'), 403);
  await owner.client.updateChannelMemberRoles(pub.id, mate.user.id, 'channel_user channel_admin');
  const evt = await ws.waitFor('channel_member_updated');
  const member = JSON.parse(evt.data.channelMember);
  assert.equal(member.scheme_admin, true);
  assert.equal(member.roles, 'channel_user channel_admin');
  assert.equal((await mate.client.getMyChannelMember(pub.id)).roles, 'channel_user channel_admin');
  await rejects(assert, owner.client.updateChannelMemberRoles(pub.id, mate.user.id, 'team_admin'), 400,
    'api.channel.update_channel_member_roles.scheme_role.app_error');
  await rejects(assert, owner.client.updateChannelMemberRoles(pub.id, mate.user.id, 'channel_admin'), 400,
    'api.channel.update_channel_member_roles.unset_user_scheme.app_error');
  await rejects(assert, owner.client.updateChannelMemberRoles(pub.id, mate.user.id, 'bad role!'), 400,
    'api.context.invalid_param.app_error');
  await owner.client.updateChannelMemberRoles(pub.id, mate.user.id, 'channel_user');

  await mate.client.updateChannelNotifyProps({ channel_id: pub.id, user_id: mate.user.id, desktop: 'all', mark_unread: 'mention' });
  const updated = await mate.client.getMyChannelMember(pub.id);
  assert.equal(updated.notify_props.desktop, 'all');
  assert.equal(updated.notify_props.mark_unread, 'mention');
  assert.equal(updated.notify_props.push, 'default');
  await ws.waitFor('channel_member_updated', (m) => JSON.parse(m.data.channelMember).notify_props.desktop === 'all');
  await rejects(assert, owner.client.updateChannelNotifyProps({ channel_id: pub.id, user_id: mate.user.id, desktop: 'none' }), 403);
  const token = mate.client.getToken();
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/channels/${pub.id}/members/me/notify_props`,
    { token, body: JSON.stringify({ desktop: true }) }), 400);
  assertAppError(assert, await raw(server, 'PUT', `/api/v4/channels/${pub.id}/members/me/roles`, { token, body: '{"roles": 3}' }), 400);
  ws.close();
});

test('viewing channels, unread counts, stats and member counts', async () => {
  const owner = await newUser(server);
  const mate = await newUser(server);
  const outsider = await newUser(server);
  const team = await teamWith(owner, mate);
  const pub = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Pub', type: 'O' });
  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Priv', type: 'P' });
  await mate.client.addToChannel(mate.user.id, pub.id);

  const view = await owner.client.viewMyChannel(pub.id);
  assert.equal(view.status, 'OK');
  assert.deepEqual(Object.keys(view.last_viewed_at_times), [pub.id]);
  assert.equal(view.last_viewed_at_times[pub.id], 0);
  const token = owner.client.getToken();
  const both = await raw(server, 'POST', '/api/v4/channels/members/me/view',
    { token, body: JSON.stringify({ channel_id: pub.id, prev_channel_id: priv.id, collapsed_threads_supported: true }) });
  assert.deepEqual(Object.keys(both.body.last_viewed_at_times).sort(), [pub.id, priv.id].sort());
  const empty = await raw(server, 'POST', '/api/v4/channels/members/me/view', { token, body: '{}' });
  assert.deepEqual(empty.body, { status: 'OK', last_viewed_at_times: {} });
  assertAppError(assert, await raw(server, 'POST', '/api/v4/channels/members/me/view', { token, body: JSON.stringify({ channel_id: 'x' }) }), 400,
    'api.context.invalid_param.app_error');
  assertAppError(assert, await raw(server, 'POST', '/api/v4/channels/members/me/view', { token, body: '[' }), 400);
  assertAppError(assert, await raw(server, 'POST', `/api/v4/channels/members/${mate.user.id}/view`,
    { token, body: JSON.stringify({ channel_id: pub.id }) }), 403);

  const unread = await raw(server, 'GET', `/api/v4/users/me/channels/${pub.id}/unread`, { token });
  assert.deepEqual(unread.body, { team_id: team.id, channel_id: pub.id, msg_count: 0, mention_count: 0, mention_count_root: 0,
    urgent_mention_count: 0, msg_count_root: 0 });
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/me/channels/${priv.id}/unread`, { token: mate.client.getToken() }), 403);

  const stats = await owner.client.getChannelStats(pub.id, true);
  assert.deepEqual(stats, { channel_id: pub.id, member_count: 2, guest_count: 0, pinnedpost_count: 0, files_count: 0 });
  const noFiles = await owner.client.getChannelStats(pub.id);
  assert.equal(noFiles.files_count, -1);
  await rejects(assert, mate.client.getChannelStats(priv.id), 403);

  const counts = await owner.client.getChannelsMemberCount([pub.id, priv.id]);
  assert.deepEqual(counts, { [pub.id]: 2, [priv.id]: 1 });
  await rejects(assert, mate.client.getChannelsMemberCount([priv.id]), 403);
  await rejects(assert, outsider.client.getChannelsMemberCount([pub.id]), 403);
});

test('channel member lists: paging, by ids, readers only', async () => {
  const owner = await newUser(server);
  const a = await newUser(server);
  const b = await newUser(server);
  const team = await teamWith(owner, a, b);
  const priv = await owner.client.createChannel({ team_id: team.id, name: slug(), display_name: 'Priv', type: 'P' });
  await owner.client.addToChannels([a.user.id, b.user.id], priv.id);
  const all = await a.client.getChannelMembers(priv.id, 0, 100);
  assert.equal(all.length, 3);
  const mine = all.find((m) => m.user_id === a.user.id);
  assert.ok('last_viewed_at' in mine);
  assert.ok(!('last_viewed_at' in all.find((m) => m.user_id === owner.user.id)));
  const p0 = await a.client.getChannelMembers(priv.id, 0, 2);
  const p1 = await a.client.getChannelMembers(priv.id, 1, 2);
  assert.equal(p0.length, 2);
  assert.equal(p1.length, 1);
  assert.ok(!p0.some((m) => m.user_id === p1[0].user_id));
  const byIds = await a.client.getChannelMembersByIds(priv.id, [b.user.id, 't'.repeat(26)]);
  assert.deepEqual(byIds.map((m) => m.user_id), [b.user.id]);
  const outsider = await newUser(server);
  await rejects(assert, outsider.client.getChannelMembers(priv.id), 403);
  await rejects(assert, outsider.client.getChannelMembersByIds(priv.id, [a.user.id]), 403);
  assertAppError(assert, await raw(server, 'POST', `/api/v4/channels/${priv.id}/members/ids`, { token: a.client.getToken(), body: '[]' }), 400);
});

test('team channel lists, ids, autocomplete and search', async () => {
  const owner = await newUser(server);
  const mate = await newUser(server);
  const outsider = await newUser(server);
  const team = await teamWith(owner, mate);
  const rocket = await owner.client.createChannel({ team_id: team.id, name: slug('rocket'), display_name: 'Rocket Science', type: 'O',
    purpose: 'propulsion' });
  const secret = await owner.client.createChannel({ team_id: team.id, name: slug('rocket'), display_name: 'Rocket Secrets', type: 'P' });

  const pubs = await mate.client.getChannels(team.id, 0, 100);
  assert.deepEqual(pubs.map((c) => c.name).sort(), ['off-topic', rocket.name, 'town-square'].sort());
  await rejects(assert, outsider.client.getChannels(team.id), 403);
  const privs = await raw(server, 'GET', `/api/v4/teams/${team.id}/channels/private`, { token: admin.client.getToken() });
  assert.deepEqual(privs.body.map((c) => c.id), [secret.id]);
  assertAppError(assert, await raw(server, 'GET', `/api/v4/teams/${team.id}/channels/private`, { token: owner.client.getToken() }), 403);

  const ids = await raw(server, 'POST', `/api/v4/teams/${team.id}/channels/ids`,
    { token: mate.client.getToken(), body: JSON.stringify([rocket.id, secret.id]) });
  assert.deepEqual(ids.body.map((c) => c.id), [rocket.id]);
  assertAppError(assert, await raw(server, 'POST', `/api/v4/teams/${team.id}/channels/ids`,
    { token: mate.client.getToken(), body: JSON.stringify(['bad']) }), 400);

  const auto = await mate.client.autocompleteChannels(team.id, 'rock');
  assert.deepEqual(auto.map((c) => c.id), [rocket.id]);
  const ownerAuto = await owner.client.autocompleteChannels(team.id, 'secr');
  assert.deepEqual(ownerAuto.map((c) => c.id), [secret.id]);
  await rejects(assert, outsider.client.autocompleteChannels(team.id, 'rock'), 403);

  const forSearch = await mate.client.autocompleteChannelsForSearch(team.id, 'town');
  assert.deepEqual(forSearch.map((c) => c.name), ['town-square']);
  const notMember = await mate.client.autocompleteChannelsForSearch(team.id, 'rock');
  assert.deepEqual(notMember, []);

  const found = await mate.client.searchChannels(team.id, 'science');
  assert.deepEqual(found.map((c) => c.id), [rocket.id]);
  const byPurpose = await mate.client.searchChannels(team.id, 'propul');
  assert.deepEqual(byPurpose.map((c) => c.id), [rocket.id]);
  // Without list_team_channels the search is limited to members of the team.
  await rejects(assert, outsider.client.searchChannels(team.id, 'rock'), 404, 'app.team.get_member.missing.app_error');
  assertAppError(assert, await raw(server, 'POST', `/api/v4/teams/${team.id}/channels/search`,
    { token: mate.client.getToken(), body: '{"term": 1}' }), 400);
});
