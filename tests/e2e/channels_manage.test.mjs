// Managing channels through the official Client4: patch/update, archive/restore, removing
// members, member roles and notify props, viewing, unread counts, stats, member lists, team
// channel lists and search, with their events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
