// The server process and HTTP behaviour: graceful SIGTERM, config.json creation/completion and
// MM_* overrides, JSON logs, the web client folder (root.html, /static, traversal), HEAD,
// keep-alive, and many concurrent clients.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { startServer, client, newUser, raw, socket, withTimeout } from './lib/harness.mjs';
import { rawConnection } from './lib/rawhttp.mjs';

const ROOT_HTML = '<!doctype html><html><head><title>parley test client</title></head><body></body></html>';
const APP_JS = 'console.log("parley test asset");';
const SECRET = 'top-secret-do-not-serve';

const CACHE_ROOT = 'no-cache, max-age=31556926, public';

let web; // a server with a client folder
let webDir;
before(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'parley-web-'));
  const clientDir = path.join(webDir, 'client');
  mkdirSync(path.join(clientDir, 'sub'), { recursive: true });
  writeFileSync(path.join(clientDir, 'root.html'), ROOT_HTML);
  writeFileSync(path.join(clientDir, 'app.js'), APP_JS);
  writeFileSync(path.join(clientDir, 'sub', 'style.css'), 'body{}');
  writeFileSync(path.join(webDir, 'secret.txt'), SECRET);
  web = await startServer({ env: { MM_PARLEYSETTINGS_CLIENTDIRECTORY: clientDir } });
});
after(async () => {
  await web.stop();
  rmSync(webDir, { recursive: true, force: true });
});

function tempDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'parley-srv-'));
}

test('GET / and deep links serve root.html with the no-cache header', async () => {
  for (const p of ['/', '/some/deep/link', '/login', '/team-name/channels/town-square']) {
    const res = await fetch(web.url + p);
    assert.equal(res.status, 200, p);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.equal(res.headers.get('cache-control'), CACHE_ROOT);
    assert.equal(await res.text(), ROOT_HTML);
  }
});

test('/static/ serves assets with their content type; API paths stay JSON', async () => {
  const js = await fetch(`${web.url}/static/app.js`);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /^(application|text)\/javascript/);
  assert.match(js.headers.get('cache-control'), /max-age=31556926, public/);
  assert.equal(await js.text(), APP_JS);
  const css = await fetch(`${web.url}/static/sub/style.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  const missing = await fetch(`${web.url}/static/nope.js`);
  assert.equal(missing.status, 404);
  await missing.text();
  const api = await raw(web, 'GET', '/api/v4/nope');
  assert.equal(api.status, 404);
  assert.equal(api.headers.get('content-type'), 'application/json');
  assert.equal(api.body.id, 'api.context.404.app_error');
});

test('path traversal out of the client folder is refused, encoded or not', async () => {
  const conn = await rawConnection(web);
  for (const p of [
    '/static/../secret.txt',
    '/static/%2e%2e/secret.txt',
    '/static/%2E%2E%2Fsecret.txt',
    '/static/..%2fsecret.txt',
    '/static/sub/../../secret.txt',
    '/static/%2e%2e/%2e%2e/secret.txt',
    '/static//etc/passwd',
    '/static/%2fetc%2fpasswd',
  ]) {
    const res = await conn.request('GET', p);
    assert.ok(res.status === 404 || res.status === 400, `${p}: ${res.status}`);
    assert.ok(!res.body.includes(SECRET), p);
    assert.ok(!res.body.includes('root:'), p);
  }
  conn.close();
});

test('without a client folder non-API paths 404 and the API still works', async () => {
  const dir = tempDir();
  const s = await startServer({ dir, env: { MM_PARLEYSETTINGS_CLIENTDIRECTORY: path.join(dir, 'absent') } });
  try {
    for (const p of ['/', '/some/deep/link', '/static/app.js']) {
      const res = await fetch(s.url + p);
      assert.equal(res.status, 404, p);
      await res.text();
    }
    assert.equal((await raw(s, 'GET', '/api/v4/system/ping')).status, 200);
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('HEAD answers headers only, for API, root.html and static files', async () => {
  const conn = await rawConnection(web);
  for (const p of ['/api/v4/system/ping', '/', '/static/app.js']) {
    const head = await conn.request('HEAD', p);
    assert.equal(head.status, 200, p);
    const get = await conn.request('GET', p);
    assert.equal(get.status, 200, p);
    assert.equal(head.headers['content-type'], get.headers['content-type'], p);
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(get.body), p);
  }
  // The GET after each HEAD parsed cleanly, so no body bytes followed a HEAD response.
  assert.equal(conn.pending(), 0);
  conn.close();
});

test('keep-alive: several requests on one connection, including a POST with a body', async () => {
  const u = await newUser(web);
  const conn = await rawConnection(web);
  const auth = { Authorization: `Bearer ${u.client.getToken()}` };
  for (let i = 0; i < 5; i++) {
    const me = await conn.request('GET', '/api/v4/users/me', { headers: auth });
    assert.equal(me.status, 200);
    assert.equal(JSON.parse(me.body).id, u.user.id);
    assert.notEqual(me.headers.connection, 'close');
  }
  const patched = await conn.request('PUT', '/api/v4/users/me/patch', {
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ nickname: 'kept-alive' }),
  });
  assert.equal(patched.status, 200);
  assert.equal(JSON.parse(patched.body).nickname, 'kept-alive');
  const err = await conn.request('GET', '/api/v4/users/notanid', { headers: auth });
  assert.equal(err.status, 400);
  const after = await conn.request('GET', '/api/v4/system/ping');
  assert.equal(after.status, 200);
  assert.equal(conn.ended, false);
  // Connection: close is honoured.
  const last = await conn.request('GET', '/api/v4/system/ping', { headers: { Connection: 'close' } });
  assert.equal(last.status, 200);
  await withTimeout(
    (async () => {
      while (!conn.ended) await new Promise((r) => setTimeout(r, 10));
    })(),
    5000,
    'server to close the connection',
  );
  conn.close();
});

test('malformed requests get an error, never a crash', async () => {
  const conn = await rawConnection(web);
  conn.write('THIS IS NOT HTTP\r\n\r\n');
  const bad = await conn.readResponse();
  assert.equal(bad.status, 400);
  assert.equal(bad.headers.connection, 'close');
  conn.close();
  // An upgrade request cannot smuggle an unbounded body past the payload limit.
  const upgrade = await rawConnection(web);
  upgrade.write(
    'GET /api/v4/websocket HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nContent-Length: 100000000\r\n\r\n',
  );
  const tooBig = await upgrade.readResponse();
  assert.equal(tooBig.status, 413);
  upgrade.close();
  const long = await rawConnection(web);
  const res = await long.request('GET', `/api/v4/users/${'x'.repeat(5000)}`);
  assert.equal(res.status, 414);
  long.close();
  assert.equal((await raw(web, 'GET', '/api/v4/system/ping')).status, 200);
});

test('50 concurrent clients logging in and reading /users/me stay correct', async () => {
  const users = [];
  for (let i = 0; i < 10; i++) users.push(await newUser(web));
  const results = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const u = users[i % users.length];
      const c = client(web);
      const me = await c.login(u.user.username, u.password);
      assert.equal(me.id, u.user.id);
      for (let j = 0; j < 6; j++) {
        const got = await (j % 2 ? c : u.client).getMe();
        assert.equal(got.id, u.user.id);
      }
      return c.getToken();
    }),
  );
  assert.equal(new Set(results).size, 50, 'every login got its own session token');
});

test('logins whose clients gave up while they queued for the password check are dropped, not hashed', async () => {
  const srv = await startServer({ env: { MM_LOGSETTINGS_CONSOLELEVEL: 'DEBUG' } }); // drops log at debug
  try {
    const u = await newUser(srv);
    const body = JSON.stringify({ login_id: u.user.username, password: u.password });
    // Far more logins than the password threads can check at once, each from a client that
    // sends its request and closes its side at once, as a client that gave up has by the time
    // a thread takes its request. The server ends each connection once it is done with it.
    const { port } = new URL(srv.url);
    const request =
      `POST /api/v4/users/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    await Promise.all(
      Array.from(
        { length: 400 },
        () =>
          new Promise((resolve) => {
            const sock = net.connect({ host: '127.0.0.1', port: Number(port) }, () => sock.end(request));
            sock.on('error', () => {});
            sock.on('close', resolve);
            sock.resume();
          }),
      ),
    );
    // A client that waits is still answered.
    const c = client(srv);
    assert.equal((await c.login(u.user.username, u.password)).id, u.user.id);
    const dropped = srv.logs.filter((l) => l.includes('request dropped: the client closed its connection')).length;
    assert.ok(dropped > 0, 'no abandoned login was dropped');
  } finally {
    await srv.stop();
  }
});

test('config.json is created with every section on first start', async () => {
  const dir = tempDir();
  const s = await startServer({ dir });
  try {
    const cfg = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    for (const section of [
      'ServiceSettings',
      'TeamSettings',
      'SqlSettings',
      'LogSettings',
      'PasswordSettings',
      'FileSettings',
      'EmailSettings',
      'RateLimitSettings',
      'PrivacySettings',
      'SupportSettings',
      'LocalizationSettings',
      'PluginSettings',
      'ParleySettings',
    ]) {
      assert.equal(typeof cfg[section], 'object', `${section} missing`);
    }
    assert.equal(cfg.SqlSettings.DriverName, 'sqlite3');
    assert.equal(typeof cfg.ServiceSettings.SiteURL, 'string');
    assert.equal(cfg.EmailSettings.EnableSignUpWithEmail, true);
    assert.equal(cfg.ParleySettings.WebSocketAuthTimeoutSeconds, 5);
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a partial config.json is completed and the user's values are kept", async () => {
  const dir = tempDir();
  const file = path.join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      ServiceSettings: { SiteURL: 'http://chat.example.com', EnableDeveloper: true },
      TeamSettings: { SiteName: 'Partial Co', MaxUsersPerTeam: 77 },
    }),
  );
  const s = await startServer({ dir });
  try {
    const cfg = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(cfg.ServiceSettings.SiteURL, 'http://chat.example.com');
    assert.equal(cfg.ServiceSettings.EnableDeveloper, true);
    assert.equal(cfg.TeamSettings.SiteName, 'Partial Co');
    assert.equal(cfg.TeamSettings.MaxUsersPerTeam, 77);
    assert.equal(typeof cfg.ServiceSettings.ListenAddress, 'string', 'missing keys of a present section are added');
    assert.equal(typeof cfg.TeamSettings.EnableOpenServer, 'boolean');
    assert.equal(typeof cfg.EmailSettings, 'object', 'missing sections are added');
    assert.equal(typeof cfg.FileSettings.MaxFileSize, 'number');
    const clientCfg = await client(s).getClientConfig();
    assert.equal(clientCfg.SiteName, 'Partial Co');
    assert.equal(clientCfg.SiteURL, 'http://chat.example.com');
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MM_* environment overrides apply and are never written back', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'config.json');
  const s = await startServer({
    dir,
    env: { MM_TEAMSETTINGS_SITENAME: 'From Env', MM_TEAMSETTINGS_MAXUSERSPERTEAM: '12' },
  });
  try {
    const clientCfg = await client(s).getClientConfig();
    assert.equal(clientCfg.SiteName, 'From Env');
    const cfg = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(cfg.TeamSettings.SiteName, 'Mattermost');
    assert.equal(cfg.TeamSettings.MaxUsersPerTeam, 50);
    // The harness overrides these too; the file keeps Mattermost's defaults.
    assert.equal(cfg.ServiceSettings.ListenAddress, ':8065');
    assert.notEqual(cfg.SqlSettings.DataSource, path.join(dir, 'parley.db'));
    // After a restart without the override, the file's value is back.
    s.env = { ...s.env };
    delete s.env.MM_TEAMSETTINGS_SITENAME;
    await s.restart();
    assert.equal((await client(s).getClientConfig()).SiteName, 'Mattermost');
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('logs are JSON lines on stdout with timestamp, level and msg', async () => {
  const lines = web.logs.filter((l) => l.trim() !== '');
  assert.ok(lines.length > 0);
  for (const line of lines) {
    let rec;
    assert.doesNotThrow(() => {
      rec = JSON.parse(line);
    }, `not a JSON line: ${line}`);
    assert.match(rec.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/);
    assert.match(rec.level, /^(debug|info|warn|error)$/);
    assert.equal(typeof rec.msg, 'string');
  }
  assert.ok(lines.some((l) => JSON.parse(l).msg.startsWith('Server is listening')));
});

async function waitForLog(s, from, text) {
  await withTimeout(
    (async () => {
      while (!s.logs.slice(from).some((l) => l.includes(text))) await new Promise((r) => setTimeout(r, 10));
    })(),
    5000,
    `log line "${text}"`,
  );
}

test('SIGTERM while a request is half received: it is still answered, then exit code 0', async () => {
  const dir = tempDir();
  const s = await startServer({ dir });
  try {
    const u = await newUser(s);
    const ws = await socket(s, u.client, { minWebSocketRetryTime: 60_000 });
    const wsClosed = new Promise((resolve) => ws.ws.addCloseListener(resolve));
    // Headers and half of the body reach the server before it is told to stop.
    const partial = await rawConnection(s);
    const body = JSON.stringify({ login_id: u.user.username, password: u.password });
    const half = Math.floor(body.length / 2);
    partial.write(
      `POST /api/v4/users/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
    );
    // Another connection's answer shows the server is running; a pause lets it read the headers.
    await u.client.getMe();
    await new Promise((r) => setTimeout(r, 300));
    const from = s.logs.length;
    s.proc.kill('SIGTERM');
    await waitForLog(s, from, 'Stopping');
    partial.write(body.slice(half));
    const res = await partial.readResponse();
    assert.equal(res.status, 200);
    assert.equal(JSON.parse(res.body).id, u.user.id);
    assert.equal(res.headers.connection, 'close', 'a stopping server does not keep connections alive');
    await withTimeout(wsClosed, 5000, 'websocket closed by shutdown');
    const exit = await withTimeout(s.exited, 40_000, 'exit');
    assert.deepEqual(exit, { code: 0, signal: null });
    assert.ok(s.logs.some((l) => l.includes('Server stopped')));
    ws.ws.close();
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGTERM with many requests in flight: each completes or is refused, exit code 0', async () => {
  const dir = tempDir();
  const s = await startServer({ dir });
  try {
    const users = [];
    for (let i = 0; i < 4; i++) users.push(await newUser(s));
    const logins = Array.from({ length: 16 }, (_, i) => {
      const u = users[i % users.length];
      return fetch(`${s.url}/api/v4/users/login`, {
        method: 'POST',
        body: JSON.stringify({ login_id: u.user.username, password: u.password }),
      })
        .then(async (res) => ({ status: res.status, id: (await res.json()).id, want: u.user.id }))
        .catch((error) => ({ error }));
    });
    await Promise.race(logins);
    s.proc.kill('SIGTERM');
    const settled = await Promise.all(logins);
    for (const r of settled) {
      // Completed correctly, or refused at the connection level: never a broken or wrong answer.
      if (r.error) assert.equal(r.error.name, 'TypeError', String(r.error));
      else assert.deepEqual([r.status, r.id], [200, r.want]);
    }
    assert.ok(settled.some((r) => !r.error));
    const exit = await withTimeout(s.exited, 40_000, 'exit');
    assert.deepEqual(exit, { code: 0, signal: null });
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ServiceSettings.IdleTimeout: a kept-alive connection waiting for its next request is closed; a WebSocket is not', async () => {
  const s = await startServer({ env: { MM_SERVICESETTINGS_IDLETIMEOUT: '1' } });
  try {
    const u = await newUser(s);
    const ws = await socket(s, u.client, { minWebSocketRetryTime: 60_000 });
    const conn = await rawConnection(s);
    const first = await conn.request('GET', '/api/v4/system/ping');
    assert.equal(first.status, 200);
    assert.equal(conn.ended, false, 'kept alive after the answer');
    await withTimeout(
      (async () => {
        while (!conn.ended) await new Promise((r) => setTimeout(r, 50));
      })(),
      10_000,
      'idle connection closed by the server',
    );
    // The WebSocket outlived the idle timeout and still gets events.
    const postedEvent = new Promise((resolve) =>
      ws.ws.addMessageListener((m) => m.event === 'posted' && resolve(m)),
    );
    const team = await u.client.createTeam({ name: `idle${Date.now()}`, display_name: 'Idle', type: 'O' });
    const channels = await u.client.getMyChannels(team.id);
    const town = channels.find((c) => c.name === 'town-square');
    await u.client.createPost({ channel_id: town.id, message: 'still here' });
    const posted = await withTimeout(postedEvent, 5000, 'posted after the idle timeout');
    assert.equal(JSON.parse(posted.data.post).message, 'still here');
    ws.ws.close();
  } finally {
    await s.stop();
  }
});
