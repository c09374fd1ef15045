// Link previews: POST /opengraph and post metadata.embeds/images, fetched from a small HTTP server
// on loopback. Loopback is internal, so previews work only when AllowedUntrustedInternalConnections
// lists 127.0.0.1; without it no request may reach the test server (counted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, newUser, raw, assertAppError, socket, unique } from './lib/harness.mjs';
import { png } from './lib/images.mjs';

const page = (title) => `<!DOCTYPE html><html><head>
<meta property="og:type" content="website">
<meta property="og:title" content="${title}">
<meta property="og:description" content="Fish &amp; chips">
<meta property="og:url" content="/canonical">
<meta property="og:site_name" content="Test site">
<meta property="og:image" content="/image.png">
</head><body>hello</body></html>`;

let origin; // http server
let base; // http://127.0.0.1:port
const hits = []; // {path, host}
const servers = [];
let allowed; // Parley that may reach 127.0.0.1
let refused; // Parley with the default (empty) AllowedUntrustedInternalConnections
let disabled; // Parley with EnableLinkPreviews=false

before(async () => {
  origin = http.createServer((req, res) => {
    hits.push({ path: req.url, host: req.headers.host, ua: req.headers['user-agent'] });
    const u = new URL(req.url, 'http://x');
    if (u.pathname.startsWith('/page')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page(`Title ${u.searchParams.get('n') ?? ''}`.trim()));
    } else if (u.pathname === '/image.png') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(png(40, 30));
    } else if (u.pathname === '/redirect') {
      res.writeHead(302, { Location: '/page?n=redirected' });
      res.end();
    } else if (u.pathname === '/redirect-internal') {
      // 127.0.0.2 is loopback too but not allowed by "127.0.0.1".
      res.writeHead(302, { Location: `http://127.0.0.2:${origin.address().port}/page?n=internal` });
      res.end();
    } else if (u.pathname === '/big') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><head><meta property="og:title" content="Big page">');
      res.end(`<!--${'x'.repeat(3 * 1024 * 1024)}--></head></html>`);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  // All IPv4 addresses, so a request to 127.0.0.2 would arrive (and be counted) if not refused.
  await new Promise((r) => origin.listen(0, '0.0.0.0', r));
  base = `http://127.0.0.1:${origin.address().port}`;
  allowed = await startServer({ env: { MM_SERVICESETTINGS_ALLOWEDUNTRUSTEDINTERNALCONNECTIONS: '127.0.0.1' } });
  refused = await startServer();
  disabled = await startServer({
    env: {
      MM_SERVICESETTINGS_ENABLELINKPREVIEWS: 'false',
      MM_SERVICESETTINGS_ALLOWEDUNTRUSTEDINTERNALCONNECTIONS: '127.0.0.1',
    },
  });
  servers.push(allowed, refused, disabled);
});

after(async () => {
  for (const s of servers) await s.stop();
  origin.close();
});

async function setup(server) {
  const admin = await newUser(server);
  const team = await admin.client.createTeam({ name: unique('team'), display_name: 'Links', type: 'O' });
  const channel = await admin.client.createChannel({ team_id: team.id, name: unique('ch'), display_name: 'Links', type: 'O' });
  return { admin, team, channel };
}

const opengraph = (c, url) =>
  c.doFetch(`${c.getBaseRoute()}/opengraph`, { method: 'post', body: JSON.stringify({ url }) });

test('POST /opengraph returns the page metadata with absolute URLs and the Mattermost user agent', async () => {
  const { admin } = await setup(allowed);
  const url = `${base}/page?n=og`;
  const before = hits.length;
  const og = await opengraph(admin.client, url);
  assert.equal(og.type, 'website');
  assert.equal(og.title, 'Title og');
  assert.equal(og.description, 'Fish & chips');
  assert.equal(og.site_name, 'Test site');
  assert.equal(og.url, url, 'og:url is replaced by the requested link');
  assert.equal(og.images.length, 1);
  assert.equal(og.images[0].url, `${base}/image.png`);
  for (const k of ['determiner', 'locale', 'locales_alternate', 'audios', 'videos']) assert.ok(k in og, `${k} missing`);
  for (const k of ['secure_url', 'type', 'width', 'height']) assert.ok(k in og.images[0], `image ${k} missing`);
  const fetched = hits.slice(before).filter((h) => h.path === '/page?n=og');
  assert.equal(fetched.length, 1);
  assert.match(fetched[0].ua, /^Mattermost-Bot\//);
  // Cached: a second call does not fetch again.
  await opengraph(admin.client, url);
  assert.equal(hits.slice(before).filter((h) => h.path === '/page?n=og').length, 1);
});

test('POST /opengraph bad input and failures', async () => {
  const { admin } = await setup(allowed);
  const token = admin.client.getToken();
  for (const body of ['{}', '{"url": ""}', '{"url": 3}', 'not json']) {
    const res = await raw(allowed, 'POST', '/api/v4/opengraph', { token, body });
    assertAppError(assert, res, 400, 'api.context.invalid_param.app_error');
  }
  assertAppError(assert, await raw(allowed, 'POST', '/api/v4/opengraph', { body: '{"url":"http://x"}' }), 401);
  assert.deepEqual(await opengraph(admin.client, `${base}/missing`), { url: '' });
  assert.deepEqual(await opengraph(admin.client, 'ftp://example.com/file'), { url: '' });
  assert.deepEqual(await opengraph(admin.client, 'not a url'), { url: '' });
});

test('EnableLinkPreviews=false: /opengraph answers 501 and posts get no embeds', async () => {
  const { admin, channel } = await setup(disabled);
  const res = await raw(disabled, 'POST', '/api/v4/opengraph', {
    token: admin.client.getToken(),
    body: JSON.stringify({ url: `${base}/page?n=off` }),
  });
  assertAppError(assert, res, 501, 'api.post.link_preview_disabled.app_error');
  const post = await admin.client.createPost({ channel_id: channel.id, message: `look ${base}/page?n=off` });
  assert.equal(post.metadata.embeds, undefined);
  assert.ok(!hits.some((h) => h.path === '/page?n=off'));
});

test('a post with a link gets an opengraph embed and image dimensions, in the response, reads and the posted event', async () => {
  const { admin, channel } = await setup(allowed);
  const ws = await socket(allowed, admin.client);
  try {
    const link = `${base}/page?n=post`;
    const post = await admin.client.createPost({ channel_id: channel.id, message: `see \`${base}/page?n=code\` and ${link}.` });
    const check = (p) => {
      assert.equal(p.metadata.embeds.length, 1);
      const [embed] = p.metadata.embeds;
      assert.equal(embed.type, 'opengraph');
      assert.equal(embed.url, link);
      assert.equal(embed.data.title, 'Title post');
      assert.equal(embed.data.images[0].url, `${base}/image.png`);
      assert.deepEqual(p.metadata.images[`${base}/image.png`], { width: 40, height: 30, format: 'png' });
    };
    check(post);
    check(await admin.client.getPost(post.id));
    const list = await admin.client.getPosts(channel.id);
    check(list.posts[post.id]);
    const ev = await ws.waitFor('posted', (m) => JSON.parse(m.data.post).id === post.id);
    check(JSON.parse(ev.data.post));
    assert.ok(!hits.some((h) => h.path === '/page?n=code'), 'links in code are not previewed');
  } finally {
    ws.close();
  }
});

test('image links, redirects, unsafe_links and message attachments', async () => {
  const { admin, channel } = await setup(allowed);
  const img = await admin.client.createPost({ channel_id: channel.id, message: `${base}/image.png` });
  assert.deepEqual(img.metadata.embeds, [{ type: 'image', url: `${base}/image.png` }]);
  assert.deepEqual(img.metadata.images[`${base}/image.png`], { width: 40, height: 30, format: 'png' });

  const md = await admin.client.createPost({ channel_id: channel.id, message: `![pic](${base}/image.png)` });
  assert.equal(md.metadata.embeds, undefined);
  assert.equal(md.metadata.images[`${base}/image.png`].width, 40);

  const redirected = await admin.client.createPost({ channel_id: channel.id, message: `${base}/redirect` });
  assert.equal(redirected.metadata.embeds[0].type, 'opengraph');
  assert.equal(redirected.metadata.embeds[0].url, `${base}/redirect`);
  assert.equal(redirected.metadata.embeds[0].data.title, 'Title redirected');

  const missing = await admin.client.createPost({ channel_id: channel.id, message: `${base}/missing` });
  assert.deepEqual(missing.metadata.embeds, [{ type: 'link', url: `${base}/missing` }]);

  const before = hits.length;
  const unsafe = await admin.client.createPost({
    channel_id: channel.id,
    message: `${base}/page?n=unsafe`,
    props: { unsafe_links: 'true' },
  });
  assert.equal(unsafe.metadata.embeds, undefined);
  const attached = await admin.client.createPost({
    channel_id: channel.id,
    message: `${base}/page?n=attachment`,
    props: { attachments: [{ text: 'hi' }] },
  });
  assert.deepEqual(attached.metadata.embeds, [{ type: 'message_attachment' }]);
  assert.equal(hits.length, before, 'nothing fetched for unsafe links or attachments');

  const big = await opengraph(admin.client, `${base}/big`);
  assert.equal(big.title, 'Big page', 'the head is read even when the body is cut at the size cap');

});

test('redirects to an internal address that is not allowed are refused before connecting', async () => {
  const { admin, channel } = await setup(allowed);
  const before = hits.length;
  assert.deepEqual(await opengraph(admin.client, `${base}/redirect-internal`), { url: '' });
  const post = await admin.client.createPost({ channel_id: channel.id, message: `${base.replace('127.0.0.1', '127.0.0.2')}/page?n=direct` });
  assert.deepEqual(post.metadata.embeds, [{ type: 'link', url: `${base.replace('127.0.0.1', '127.0.0.2')}/page?n=direct` }]);
  const reached = hits.slice(before);
  assert.deepEqual(reached.map((h) => h.path), ['/redirect-internal'], 'only the allowed first hop was requested');
});

test('without AllowedUntrustedInternalConnections loopback is refused and never contacted', async () => {
  const { admin, channel } = await setup(refused);
  const before = hits.length;
  assert.deepEqual(await opengraph(admin.client, `${base}/page?n=refused`), { url: '' });
  assert.deepEqual(await opengraph(admin.client, `http://localhost:${origin.address().port}/page?n=refused`), { url: '' });
  assert.deepEqual(await opengraph(admin.client, `http://[::ffff:127.0.0.1]:${origin.address().port}/page?n=refused`), { url: '' });
  const post = await admin.client.createPost({ channel_id: channel.id, message: `${base}/page?n=refused-post` });
  assert.deepEqual(post.metadata.embeds, [{ type: 'link', url: `${base}/page?n=refused-post` }]);
  assert.equal(hits.length, before, 'no request reached the loopback server');
});

test('RestrictLinkPreviews skips links to the listed domains', async () => {
  const restricted = await startServer({
    env: {
      MM_SERVICESETTINGS_ALLOWEDUNTRUSTEDINTERNALCONNECTIONS: '127.0.0.1 localhost',
      MM_SERVICESETTINGS_RESTRICTLINKPREVIEWS: 'localhost',
    },
  });
  servers.push(restricted);
  const { admin, channel } = await setup(restricted);
  const before = hits.length;
  const local = `http://localhost:${origin.address().port}/page?n=restricted`;
  const post = await admin.client.createPost({ channel_id: channel.id, message: `${local} then ${base}/page?n=second` });
  // The first allowed link is previewed.
  assert.equal(post.metadata.embeds[0].url, `${base}/page?n=second`);
  assert.deepEqual(await opengraph(admin.client, local), { url: '' });
  assert.ok(!hits.slice(before).some((h) => h.path === '/page?n=restricted'));
});
