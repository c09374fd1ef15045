// Drafts synced across devices through the official Client4 (upsertDraft, getUserDrafts,
// deleteDraft) and WebSocketClient: upsert and listing rules, draft_created / draft_deleted to the
// user's other connections, Mattermost's permission checks and errors, AllowSyncedDrafts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, newUser, raw, assertAppError, rejects, socket, unique } from './lib/harness.mjs';

let server;
let admin;
let alice;
let bob;
let team;
let other;
let pub;
let priv;
const sockets = [];

before(async () => {
  server = await startServer();
  admin = await newUser(server);
  alice = await newUser(server);
  bob = await newUser(server);
  team = await admin.client.createTeam({ name: unique('team'), display_name: 'Drafts', type: 'O' });
  other = await admin.client.createTeam({ name: unique('team'), display_name: 'Other', type: 'O' });
  for (const u of [alice, bob]) await admin.client.addToTeam(team.id, u.user.id);
  await admin.client.addToTeam(other.id, alice.user.id);
  pub = await alice.client.createChannel({ team_id: team.id, name: unique('pub'), display_name: 'Pub', type: 'O' });
  await alice.client.addToChannel(bob.user.id, pub.id);
  priv = await alice.client.createChannel({ team_id: team.id, name: unique('priv'), display_name: 'Priv', type: 'P' });
});

after(async () => {
  for (const s of sockets) s.close();
  await server.stop();
});

async function ws(u) {
  const s = await socket(server, u.client);
  sockets.push(s);
  return s;
}

const connectionIdOf = (s) => s.events.find((e) => e.event === 'hello').data.connection_id;
const draftOf = (e) => JSON.parse(e.data.draft);

test('upsert keeps create_at, lists per team newest first, deletes, with events', async () => {
  const phone = await ws(alice);
  const desk = await ws(alice);
  const bobWs = await ws(bob);
  const first = await alice.client.upsertDraft(
    { channel_id: pub.id, root_id: '', message: 'hello', props: { k: 'v' }, create_at: 0, update_at: 0 },
    connectionIdOf(desk),
  );
  assert.equal(first.user_id, alice.user.id);
  assert.equal(first.channel_id, pub.id);
  assert.equal(first.root_id, '');
  assert.equal(first.message, 'hello');
  assert.deepEqual(first.props, { k: 'v' });
  assert.equal(first.delete_at, 0);
  assert.ok(first.create_at > 0);
  assert.equal(first.update_at, first.create_at);
  assert.deepEqual(first.metadata, {});
  assert.ok(!('file_ids' in first));

  // The other device learns of it; the sending connection and other users do not.
  const created = await phone.waitFor('draft_created');
  assert.equal(created.broadcast.user_id, alice.user.id);
  assert.equal(created.broadcast.channel_id, pub.id);
  assert.deepEqual(draftOf(created), first);
  assert.ok(await desk.none('draft_created'));
  assert.ok(await bobWs.none('draft_created', () => true, 100));

  const second = await alice.client.upsertDraft(
    { channel_id: pub.id, root_id: '', message: 'hello again', file_ids: ['a', 'a'], create_at: 0, update_at: 0 },
    '',
  );
  assert.equal(second.create_at, first.create_at);
  assert.ok(second.update_at >= first.update_at);
  assert.equal(second.message, 'hello again');
  assert.deepEqual(second.props, {});
  assert.deepEqual(second.file_ids, ['a']);

  const root = await alice.client.createPost({ channel_id: pub.id, message: 'root' });
  const reply = await alice.client.upsertDraft({ channel_id: pub.id, root_id: root.id, message: 'a reply',
    priority: { priority: 'urgent' } }, '');
  assert.equal(reply.root_id, root.id);
  assert.deepEqual(reply.priority, { priority: 'urgent' });
  const dm = await alice.client.createDirectChannel([alice.user.id, bob.user.id]);
  const dmDraft = await alice.client.upsertDraft({ channel_id: dm.id, message: 'psst' }, '');
  const elsewhere = await alice.client.createChannel({ team_id: other.id, name: unique('o'), display_name: 'O', type: 'O' });
  await alice.client.upsertDraft({ channel_id: elsewhere.id, message: 'other team' }, '');

  const listed = await alice.client.getUserDrafts(team.id);
  assert.deepEqual(listed.map((d) => [d.channel_id, d.root_id]).sort(),
    [[pub.id, ''], [pub.id, root.id], [dm.id, '']].sort());
  for (let i = 1; i < listed.length; i++) assert.ok(listed[i - 1].update_at >= listed[i].update_at);
  assert.deepEqual(listed.find((d) => d.channel_id === dm.id), dmDraft);
  assert.equal((await alice.client.getUserDrafts(other.id)).filter((d) => d.channel_id === elsewhere.id).length, 1);
  assert.deepEqual(await bob.client.getUserDrafts(team.id), []);

  assert.deepEqual(await alice.client.deleteDraft(pub.id, root.id, connectionIdOf(desk)), { status: 'OK' });
  const deleted = await phone.waitFor('draft_deleted');
  assert.equal(draftOf(deleted).root_id, root.id);
  assert.equal(draftOf(deleted).message, 'a reply');
  assert.ok(await desk.none('draft_deleted'));
  // Deleting what is not there is fine.
  assert.deepEqual(await alice.client.deleteDraft(pub.id, root.id, ''), { status: 'OK' });

  // An empty message deletes the draft: 201 with a null body, no event.
  const emptied = await raw(server, 'POST', '/api/v4/drafts', {
    token: alice.client.getToken(),
    body: JSON.stringify({ channel_id: pub.id, root_id: '', message: '' }),
  });
  assert.equal(emptied.status, 201);
  assert.equal(emptied.headers.get('content-type'), 'application/json');
  assert.equal(emptied.body, null);
  const left = await alice.client.getUserDrafts(team.id);
  assert.deepEqual(left.map((d) => d.channel_id), [dm.id]);
  assert.equal(phone.events.filter((e) => e.event === 'draft_deleted').length, 1);
});

test('bad input, channels the user may not post in and other users answer as Mattermost does', async () => {
  const token = alice.client.getToken();
  const post = (body, t = token) => raw(server, 'POST', '/api/v4/drafts', { token: t, body });
  // No channel: the create_post check fails before anything else.
  assertAppError(assert, await post(JSON.stringify({ message: 'x' })), 403, 'api.context.permissions.app_error');
  assertAppError(assert, await post('{"channel_id": 5}'), 400, 'api.context.invalid_param.app_error');
  assertAppError(assert, await post('not json'), 400, 'api.context.invalid_param.app_error');
  // Channels bob is not in, private or open: no create_post (users lack create_post_public).
  await rejects(assert, bob.client.upsertDraft({ channel_id: priv.id, message: 'x' }, ''), 403,
    'api.context.permissions.app_error');
  const open = await alice.client.createChannel({ team_id: team.id, name: unique('open'), display_name: 'Open', type: 'O' });
  await rejects(assert, bob.client.upsertDraft({ channel_id: open.id, message: 'x' }, ''), 403,
    'api.context.permissions.app_error');
  // A system admin may save one without being a member, but only channels one belongs to are listed.
  const outside = await admin.client.upsertDraft({ channel_id: open.id, message: 'not a member' }, '');
  assert.equal(outside.channel_id, open.id);
  assert.ok(!(await admin.client.getUserDrafts(team.id)).some((d) => d.channel_id === open.id));
  assertAppError(assert, await post(JSON.stringify({ channel_id: pub.id, root_id: 'bad', message: 'x' })), 500,
    'app.draft.save.app_error');
  assertAppError(assert, await post(JSON.stringify({ channel_id: pub.id, message: 'x'.repeat(16384) })), 500,
    'app.draft.save.app_error');

  const archived = await alice.client.createChannel({ team_id: team.id, name: unique('gone'), display_name: 'Gone', type: 'O' });
  await alice.client.deleteChannel(archived.id);
  assertAppError(assert, await post(JSON.stringify({ channel_id: archived.id, message: 'x' })), 400,
    'api.draft.create_draft.can_not_draft_to_deleted.error');

  // Another user's drafts: never listed nor deleted.
  await bob.client.upsertDraft({ channel_id: pub.id, message: 'bob private thoughts' }, '');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/${bob.user.id}/teams/${team.id}/drafts`, { token }), 403,
    'api.context.permissions.app_error');
  assertAppError(assert, await raw(server, 'DELETE', `/api/v4/users/${bob.user.id}/channels/${pub.id}/drafts`, { token }),
    403, 'api.context.permissions.app_error');
  assert.ok((await bob.client.getUserDrafts(team.id)).some((d) => d.message === 'bob private thoughts'));
  // A team the user is not in.
  const stranger = await newUser(server);
  await rejects(assert, stranger.client.getUserDrafts(team.id), 403, 'api.context.permissions.app_error');
  assertAppError(assert, await raw(server, 'GET', `/api/v4/users/me/teams/nope/drafts`, { token }), 400,
    'api.context.invalid_url_param.app_error');
  assertAppError(assert, await raw(server, 'DELETE', `/api/v4/users/me/channels/nope/drafts`, { token }), 400,
    'api.context.invalid_url_param.app_error');
});

test('drafts of channels left are not listed; deleting a root post removes drafts replying to it', async () => {
  const room = await alice.client.createChannel({ team_id: team.id, name: unique('room'), display_name: 'Room', type: 'O' });
  await alice.client.addToChannel(bob.user.id, room.id);
  await bob.client.upsertDraft({ channel_id: room.id, message: 'in the room' }, '');
  assert.ok((await bob.client.getUserDrafts(team.id)).some((d) => d.channel_id === room.id));
  await bob.client.removeFromChannel(bob.user.id, room.id);
  assert.ok(!(await bob.client.getUserDrafts(team.id)).some((d) => d.channel_id === room.id));

  const root = await alice.client.createPost({ channel_id: pub.id, message: 'doomed root' });
  await bob.client.upsertDraft({ channel_id: pub.id, root_id: root.id, message: 'reply in progress' }, '');
  await alice.client.upsertDraft({ channel_id: pub.id, root_id: root.id, message: 'mine too' }, '');
  await alice.client.deletePost(root.id);
  assert.ok(!(await bob.client.getUserDrafts(team.id)).some((d) => d.root_id === root.id));
  assert.ok(!(await alice.client.getUserDrafts(team.id)).some((d) => d.root_id === root.id));
});

test('ServiceSettings.AllowSyncedDrafts=false answers 501 and is in the client config', async () => {
  const off = await startServer({ env: { MM_SERVICESETTINGS_ALLOWSYNCEDDRAFTS: 'false' } });
  try {
    const u = await newUser(off);
    const t = await u.client.createTeam({ name: unique('team'), display_name: 'Off', type: 'O' });
    const ch = await u.client.createChannel({ team_id: t.id, name: unique('c'), display_name: 'C', type: 'O' });
    assert.equal((await u.client.getClientConfig()).AllowSyncedDrafts, 'false');
    await rejects(assert, u.client.upsertDraft({ channel_id: ch.id, message: 'x' }, ''), 501, 'api.drafts.disabled.app_error');
    await rejects(assert, u.client.getUserDrafts(t.id), 501, 'api.drafts.disabled.app_error');
    await rejects(assert, u.client.deleteDraft(ch.id, '', ''), 501, 'api.drafts.disabled.app_error');
    assert.equal((await alice.client.getClientConfig()).AllowSyncedDrafts, 'true');
  } finally {
    await off.stop();
  }
});
