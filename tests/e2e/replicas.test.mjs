// Read replicas (PostgreSQL only): a real streaming replica of the suite's cluster
// (scripts/pg-cluster.sh replica) serves the lag-tolerant reads. With replay paused on the
// replica, an author still reads their own post at once (read-after-write on the primary) while
// another user's channel page comes from the frozen replica; after the replica is stopped every
// request keeps succeeding on the primary. Search replicas serve search/autocomplete (users and
// posts) first, and a replica that is down when the server starts does not stop it.
// Needs the suite's PostgreSQL cluster (make test-pg exports PARLEY_TEST_PG_DIR).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, newUser, until } from './lib/harness.mjs';
import { teamWith } from './lib/teams.mjs';

const PG_DIR = process.env.PARLEY_TEST_PG_DIR;
const PG_URL = process.env.PARLEY_TEST_PG_URL;
const script = path.resolve(import.meta.dirname, '../../scripts/pg-cluster.sh');
const skip = !PG_DIR && 'runs on PostgreSQL only: needs PARLEY_TEST_PG_DIR (make test-pg)';

// Runs one SQL statement with psql; returns the unaligned output.
function psql(url, sql) {
  return execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
}

function withDb(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

test('read replicas: lag-tolerant reads on the replica, read-after-write, dead replica skipped', { skip }, async () => {
  const name = `parley_replica_${process.pid}_${Date.now().toString(36)}`;
  psql(PG_URL, `CREATE DATABASE ${name}`);
  const replicaDir = mkdtempSync(path.join(os.tmpdir(), 'parley-pg-replica-'));
  let server;
  try {
    // The base backup already holds the new database.
    const replicaUrl = execFileSync(script, ['replica', PG_DIR, replicaDir]).toString().trim();
    const primaryDb = withDb(PG_URL, name);
    const replicaDb = withDb(replicaUrl, name);
    server = await startServer({
      env: {
        MM_SQLSETTINGS_DRIVERNAME: 'postgres',
        MM_SQLSETTINGS_DATASOURCE: primaryDb,
        MM_SQLSETTINGS_DATASOURCEREPLICAS: replicaDb,
      },
    });
    const admin = await newUser(server);
    const author = await newUser(server);
    const reader = await newUser(server);
    const team = await teamWith(admin, author, reader);
    const channel = await admin.client.getChannelByName(team.id, 'town-square');
    await author.client.createPost({ channel_id: channel.id, message: 'replicated before the pause' });

    // Let the replica catch up, then freeze it: from now on it serves a stale snapshot. The test
    // cluster commits with synchronous_commit off, so the post's commit record may still sit in
    // the WAL buffers: wait for the insert position, not the (possibly earlier) write position.
    const lsn = psql(primaryDb, 'SELECT pg_current_wal_insert_lsn()');
    await until('the replica to catch up', () =>
      psql(replicaDb, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn`) === 't');
    psql(replicaDb, 'SELECT pg_wal_replay_pause()');

    // (a) read-after-write: the author reads their new post at once.
    const fresh = await author.client.createPost({ channel_id: channel.id, message: 'written while the replica is frozen' });
    const authorView = await author.client.getPosts(channel.id);
    assert.ok(authorView.order.includes(fresh.id), 'the author reads their own write at once');

    // (b) the reader has not written: their channel page comes from the frozen replica, which
    // has the older post but not the new one; the server holds a connection to the replica.
    const readerView = await reader.client.getPosts(channel.id);
    assert.ok(Object.values(readerView.posts).some((p) => p.message === 'replicated before the pause'));
    assert.ok(!readerView.order.includes(fresh.id), 'the reader\'s page was served by the paused replica');
    const profiles = await reader.client.getProfiles(0, 100);
    assert.ok(profiles.some((u) => u.id === author.user.id));
    const onReplica = psql(replicaDb, `SELECT count(*) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = 'parley'`);
    assert.ok(Number(onReplica) >= 1, 'the server has connections on the replica');

    // Replay resumes: the reader sees the post through the replica.
    psql(replicaDb, 'SELECT pg_wal_replay_resume()');
    await until('the reader to see the post', async () =>
      (await reader.client.getPosts(channel.id)).order.includes(fresh.id));

    // (c) the replica dies: clients notice nothing, reads fall back to the primary.
    execFileSync(script, ['stop', replicaDir]);
    for (let i = 0; i < 5; i++) {
      const p = await author.client.createPost({ channel_id: channel.id, message: `after the replica died ${i}` });
      const page = await reader.client.getPosts(channel.id);
      assert.ok(page.order.includes(p.id), 'reads come from the primary once the replica is down');
      const users = await reader.client.getProfiles(0, 100);
      assert.ok(users.some((u) => u.id === reader.user.id));
      const found = await reader.client.autocompleteUsers(author.user.username, team.id, '');
      assert.ok(found.users.some((u) => u.id === author.user.id));
      const channels = await reader.client.getChannels(team.id);
      assert.ok(channels.some((c) => c.id === channel.id));
    }
    assert.ok(server.logs.some((l) => l.includes('replica 1 failed')), 'the dead replica is logged');
  } finally {
    if (server) await server.stop();
    execFileSync(script, ['stop', replicaDir]);
    rmSync(replicaDir, { recursive: true, force: true });
    psql(PG_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});

test('search replicas serve autocomplete and post search; a replica down at start is skipped', { skip }, async () => {
  const name = `parley_search_${process.pid}_${Date.now().toString(36)}`;
  psql(PG_URL, `CREATE DATABASE ${name}`);
  const replicaDir = mkdtempSync(path.join(os.tmpdir(), 'parley-pg-replica-'));
  let server;
  try {
    const replicaUrl = execFileSync(script, ['replica', PG_DIR, replicaDir]).toString().trim();
    const primaryDb = withDb(PG_URL, name);
    const replicaDb = withDb(replicaUrl, name);
    const dead = new URL(replicaDb);
    dead.port = '1'; // nothing listens there
    server = await startServer({
      env: {
        MM_SQLSETTINGS_DRIVERNAME: 'postgres',
        MM_SQLSETTINGS_DATASOURCE: primaryDb,
        MM_SQLSETTINGS_DATASOURCEREPLICAS: dead.toString(),
        MM_SQLSETTINGS_DATASOURCESEARCHREPLICAS: replicaDb,
      },
    });
    const admin = await newUser(server);
    const reader = await newUser(server);
    const team = await teamWith(admin, reader);
    const lsn = psql(primaryDb, 'SELECT pg_current_wal_insert_lsn()');
    await until('the replica to catch up', () =>
      psql(replicaDb, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn`) === 't');
    psql(replicaDb, 'SELECT pg_wal_replay_pause()');

    const newcomer = await newUser(server);
    await admin.client.addToTeam(team.id, newcomer.user.id);
    // User lists are lag-tolerant but their only replica is dead: the primary answers.
    const listed = await reader.client.getProfilesInTeam(team.id, 0, 100);
    assert.ok(listed.some((u) => u.id === newcomer.user.id));
    // Autocomplete prefers the (frozen) search replica, which has not seen the newcomer yet.
    const early = await reader.client.autocompleteUsers(newcomer.user.username, team.id, '');
    assert.ok(!early.users.some((u) => u.id === newcomer.user.id), 'autocomplete was served by the search replica');
    // Post search prefers the search replica too; the author reads their own post at once.
    const town = await admin.client.getChannelByName(team.id, 'town-square');
    const word = `zq${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
    const fresh = await admin.client.createPost({ channel_id: town.id, message: `${word} fresh` });
    assert.deepEqual((await reader.client.searchPosts(team.id, word, false)).order, [], 'post search was served by the search replica');
    assert.deepEqual((await admin.client.searchPosts(team.id, word, false)).order, [fresh.id], 'read-after-write');
    psql(replicaDb, 'SELECT pg_wal_replay_resume()');
    await until('post search to find the new post', async () =>
      (await reader.client.searchPosts(team.id, word, false)).order.includes(fresh.id));
    await until('autocomplete to find the newcomer', async () =>
      (await reader.client.autocompleteUsers(newcomer.user.username, team.id, '')).users.some((u) => u.id === newcomer.user.id));
    assert.ok(server.logs.some((l) => l.includes('replica 1 failed')), 'the dead replica is logged');
  } finally {
    if (server) await server.stop();
    execFileSync(script, ['stop', replicaDir]);
    rmSync(replicaDir, { recursive: true, force: true });
    psql(PG_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});
