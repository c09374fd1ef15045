// Durability: several clients post (roots, replies, reactions) as fast as they can while the
// server is killed with SIGKILL, several times. After each restart every post and reaction that
// was acknowledged is there byte for byte, and nothing half-written is visible. On SQLite the
// database passes PRAGMA integrity_check at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, newUser } from './lib/harness.mjs';
import { teamWith } from './lib/teams.mjs';

const CYCLES = 3;
const WRITERS = 4;
const ACKED_BEFORE_KILL = 60; // acknowledged writes per cycle before the kill

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('acknowledged posts, replies and reactions survive SIGKILL', async () => {
  const users = [];
  for (let i = 0; i < WRITERS; i++) users.push(await newUser(server));
  const team = await teamWith(users[0], ...users.slice(1));
  const channel = await users[0].client.getChannelByName(team.id, 'town-square');
  const posts = new Map(); // id -> {message, root_id, user_id}
  const reactions = []; // {post_id, user_id, emoji_name}

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    let acked = 0;
    let stop = false;
    const writer = async (u, w) => {
      for (let i = 0; !stop; i++) {
        const roots = [...posts.entries()].filter(([, p]) => !p.root_id);
        const reply = i % 4 === 3 && roots.length > 0;
        const message = `c${cycle} w${w} #${i} ünïcödé ✓ 😀 ${'x'.repeat(i % 7)}`;
        const draft = { channel_id: channel.id, message };
        if (reply) draft.root_id = roots[(i * 7) % roots.length][0];
        try {
          const p = await u.client.createPost(draft);
          posts.set(p.id, { message, root_id: draft.root_id ?? '', user_id: u.user.id });
          acked += 1;
          if (i % 3 === 0) {
            await u.client.addReaction(u.user.id, p.id, 'thumbsup');
            reactions.push({ post_id: p.id, user_id: u.user.id, emoji_name: 'thumbsup' });
            acked += 1;
          }
        } catch {
          return; // the server is gone; unacknowledged writes may or may not have landed
        }
      }
    };
    const running = users.map((u, w) => writer(u, w));
    while (acked < ACKED_BEFORE_KILL) await new Promise((r) => setTimeout(r, 5));
    await server.kill();
    stop = true;
    await Promise.all(running);
    await server.restart();
    for (const u of users) u.client.setUrl(server.url);

    // Every acknowledged post is there, byte for byte, with its thread link.
    const c = users[0].client;
    const listed = new Map();
    for (let page = 0; ; page++) {
      const list = await c.getPosts(channel.id, page, 200);
      for (const id of list.order) listed.set(id, list.posts[id]);
      if (list.order.length < 200) break;
    }
    for (const [id, p] of posts) {
      const got = listed.get(id);
      assert.ok(got, `acknowledged post ${id} lost after cycle ${cycle}`);
      assert.equal(got.message, p.message);
      assert.equal(got.root_id, p.root_id);
      assert.equal(got.user_id, p.user_id);
    }
    // Nothing half-written: every reply's root exists, and reply counts match the replies.
    for (const [, got] of listed) {
      if (got.root_id) assert.ok(listed.has(got.root_id), `reply ${got.id} without its root`);
    }
    const byPost = new Map();
    for (const id of new Set(reactions.map((r) => r.post_id))) byPost.set(id, await c.getReactionsForPost(id));
    for (const r of reactions) {
      const list = byPost.get(r.post_id) ?? [];
      assert.ok(list.some((x) => x.user_id === r.user_id && x.emoji_name === r.emoji_name),
        `acknowledged reaction on ${r.post_id} lost after cycle ${cycle}`);
    }
  }
  assert.ok(posts.size >= CYCLES * 20);

  if (!server.database) {
    // One more crash, then SQLite's own check of the file as the crash left it.
    await server.kill();
    const out = execFileSync('sqlite3', [path.join(server.dir, 'parley.db'), 'PRAGMA integrity_check;']).toString().trim();
    assert.equal(out, 'ok');
  }
});
