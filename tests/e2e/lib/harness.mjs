// Test harness: starts the built Parley binary on a free loopback port with a fresh data folder,
// and builds official @mattermost/client objects (Client4, WebSocketClient) against it.
// With PARLEY_TEST_PG_URL (a postgres:// URL of a test cluster, see scripts/pg-cluster.sh) each
// server runs on PostgreSQL with a fresh database of its own instead of SQLite.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import mm from '@mattermost/client';

const { Client4, WebSocketClient } = mm;
// Node 20 has no global WebSocket or CloseEvent; the official client expects both (it builds a
// CloseEvent when it drops a socket on a sequence mismatch or a ping timeout).
globalThis.WebSocket = WebSocket;
globalThis.CloseEvent ??= class CloseEvent extends Event {
  constructor(type, init = {}) {
    super(type);
    this.code = init.code ?? 0;
    this.reason = init.reason ?? '';
    this.wasClean = init.wasClean ?? false;
  }
};

const BIN = process.env.PARLEY_BIN ?? path.resolve(import.meta.dirname, '../../../build/parley');

const PG_URL = process.env.PARLEY_TEST_PG_URL ?? '';

export { Client4, WebSocketClient };

// Runs SQL on the test cluster's maintenance database with the psql client.
function psql(sql) {
  execFileSync('psql', [PG_URL, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: ['ignore', 'ignore', 'pipe'] });
}

// A fresh database on the test cluster; returns its URL.
function createDatabase() {
  const name = `parley_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e9).toString(36)}`;
  psql(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

let counter = 0;
export function unique(prefix = 'u') {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

// Starts a server. `env` adds MM_* overrides. Returns {url, dir, stop, kill, restart, logs}.
export async function startServer({ env = {}, dir } = {}) {
  const dataDir = dir ?? mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
  const server = { dir: dataDir, logs: [], url: '', proc: null, env };
  if (PG_URL && !env.MM_SQLSETTINGS_DRIVERNAME) {
    server.database = createDatabase();
    server.dbEnv = { MM_SQLSETTINGS_DRIVERNAME: 'postgres', MM_SQLSETTINGS_DATASOURCE: server.database.url };
  }
  await launch(server);
  server.stop = async () => {
    await terminate(server, 'SIGTERM');
    if (!dir) rmSync(dataDir, { recursive: true, force: true });
    if (server.database) psql(`DROP DATABASE IF EXISTS ${server.database.name} WITH (FORCE)`);
  };
  server.kill = () => terminate(server, 'SIGKILL');
  server.restart = async () => {
    await terminate(server, 'SIGTERM');
    await launch(server);
  };
  return server;
}

async function launch(server) {
  const env = {
    ...process.env,
    MM_SERVICESETTINGS_LISTENADDRESS: '127.0.0.1:0',
    MM_SQLSETTINGS_DATASOURCE: path.join(server.dir, 'parley.db'),
    MM_FILESETTINGS_DIRECTORY: path.join(server.dir, 'files'),
    MM_LOGSETTINGS_ENABLEFILE: 'false',
    MM_LOGSETTINGS_CONSOLELEVEL: 'INFO',
    MM_TEAMSETTINGS_ENABLEOPENSERVER: 'true',
    ...server.dbEnv,
    ...server.env,
  };
  const proc = spawn(BIN, ['--config', path.join(server.dir, 'config.json')], {
    env,
    cwd: server.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.proc = proc;
  server.exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${server.logs.join('\n')}`)), 15000);
    const onData = (chunk) => {
      buf += chunk.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        server.logs.push(line);
        if (server.logs.length > 2000) server.logs.shift();
        try {
          const rec = JSON.parse(line);
          if (rec.msg?.startsWith('Server is listening')) {
            clearTimeout(timer);
            resolve(rec.port);
          }
        } catch {
          // not JSON
        }
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c) => server.logs.push(c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${server.logs.join('\n')}`));
    });
  });
  server.url = `http://127.0.0.1:${port}`;
}

async function terminate(server, signal) {
  if (!server.proc || server.proc.exitCode !== null || server.proc.signalCode !== null) return;
  server.proc.kill(signal);
  await server.exited;
}

export function client(server, token) {
  const c = new Client4();
  c.setUrl(server.url);
  if (token) c.setToken(token);
  return c;
}

// Creates a user (the first one becomes system admin) and logs in. Returns {client, user, password}.
export async function newUser(server, overrides = {}) {
  const name = unique('user');
  const password = 'Passw0rd!x';
  const anon = client(server);
  const created = await anon.createUser({ username: name, email: `${name}@example.com`, password, ...overrides }, '', '');
  const c = client(server);
  const user = await c.login(created.username, password);
  return { client: c, user, password };
}

// Raw HTTP for malformed input: returns {status, headers, body (parsed JSON when possible), text}.
export async function raw(server, method, urlPath, { token, body, headers = {}, signal } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  const res = await fetch(server.url + urlPath, { method, headers: h, body, signal });
  const text = await res.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

// Asserts an AppError body with the given status (and id when given).
export function assertAppError(assert, res, status, id) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.equal(res.headers.get('content-type'), 'application/json');
  for (const k of ['id', 'message', 'detailed_error', 'request_id', 'status_code']) {
    assert.ok(k in res.body, `AppError field ${k} missing in ${res.text}`);
  }
  assert.equal(res.body.status_code, status);
  if (id) assert.equal(res.body.id, id);
}

// Expects a rejected Client4 promise with the given status (and server error id).
export async function rejects(assert, promise, status, id) {
  try {
    await promise;
  } catch (err) {
    assert.equal(err.status_code, status, `expected ${status}, got ${err.status_code}: ${err.message}`);
    if (id) assert.equal(err.server_error_id, id);
    return err;
  }
  assert.fail(`expected an error with status ${status}`);
}

// An official WebSocketClient connected with the client's token; records every event.
// `config` is passed to WebSocketClient (e.g. {minWebSocketRetryTime} for fast reconnects).
export async function socket(server, c, config = {}) {
  const ws = new WebSocketClient(config);
  const events = [];
  const waiters = [];
  // Like the web app: a missed-messages listener makes the client track connection_id (it only
  // records it from hello when one is registered) and resync when the server starts afresh.
  const resyncs = [];
  ws.addMissedMessageListener(() => resyncs.push(Date.now()));
  ws.addMessageListener((msg) => {
    events.push(msg);
    for (const w of [...waiters]) {
      if (w.match(msg)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(msg);
      }
    }
  });
  const opened = new Promise((resolve) => {
    const on = (msg) => {
      if (msg.event === 'hello') {
        resolve();
      }
    };
    ws.addMessageListener(on);
  });
  ws.initialize(server.url.replace('http', 'ws') + '/api/v4/websocket', c.getToken());
  await withTimeout(opened, 5000, 'hello');
  const api = {
    ws,
    events,
    resyncs,
    // Resolves with the first event (already received or future) matching name and predicate.
    waitFor(name, pred = () => true, ms = 5000) {
      const match = (m) => m.event === name && pred(m);
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return withTimeout(new Promise((resolve) => waiters.push({ match, resolve })), ms, name);
    },
    // Resolves true when no matching event arrives within ms.
    async none(name, pred = () => true, ms = 500) {
      await new Promise((r) => setTimeout(r, ms));
      return !events.some((m) => m.event === name && pred(m));
    },
    close() {
      ws.close();
    },
  };
  return api;
}

export function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    }),
  ]);
}

// Polls `f` every 100 ms until it returns something truthy; throws after `ms` (work the server
// does after answering, e.g. replication or content extraction).
export async function until(what, f, ms = 10_000) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await f()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
