// PostgreSQL outage: the database goes away for ~10 s while clients post and read. Requests fail
// fast with 5xx AppErrors (no hang, no crash), the health check reports the database unhealthy,
// and the server recovers by itself once the database is back, without a restart.
// Needs the suite's PostgreSQL cluster (make test-pg exports PARLEY_TEST_PG_DIR).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, newUser, raw } from './lib/harness.mjs';
import { teamWith } from './lib/teams.mjs';

const PG_DIR = process.env.PARLEY_TEST_PG_DIR;
const script = path.resolve(import.meta.dirname, '../../scripts/pg-cluster.sh');
const HANG = 20_000; // a request still unanswered after this is a hang

let server;
before(async () => {
  if (PG_DIR) server = await startServer({ env: {} });
});
after(async () => {
  if (PG_DIR) execFileSync(script, ['resume', PG_DIR]); // no-op when it is running
  if (server) await server.stop();
});

async function call(method, urlPath, token, body) {
  return raw(server, method, urlPath, { token, body, headers: {}, signal: AbortSignal.timeout(HANG) });
}

test('database outage: fast 5xx errors, unhealthy ping, recovery without restart', { skip: !PG_DIR && 'runs on PostgreSQL only (make test-pg)' }, async () => {
  const a = await newUser(server);
  const b = await newUser(server);
  const team = await teamWith(a, b);
  const channel = await a.client.getChannelByName(team.id, 'town-square');
  const pid = server.proc.pid;
  const post = JSON.stringify({ channel_id: channel.id, message: 'before' });
  assert.equal((await call('POST', '/api/v4/posts', a.client.getToken(), post)).status, 201);

  execFileSync(script, ['stop', PG_DIR]);
  const outageStart = Date.now();
  let failures = 0;
  while (Date.now() - outageStart < 10_000) {
    const w = await call('POST', '/api/v4/posts', a.client.getToken(), JSON.stringify({ channel_id: channel.id, message: 'during' }));
    const r = await call('GET', `/api/v4/channels/${channel.id}/posts`, b.client.getToken());
    for (const res of [w, r]) {
      assert.ok(res.status >= 500, `expected a 5xx during the outage, got ${res.status}: ${res.text}`);
      assert.equal(res.body.status_code, res.status);
      assert.ok(res.body.id && 'request_id' in res.body);
      failures += 1;
    }
    const ping = await call('GET', '/api/v4/system/ping?get_server_status=true');
    assert.equal(ping.body.database_status, 'UNHEALTHY');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.ok(failures > 4);
  execFileSync(script, ['resume', PG_DIR]);

  // Recovery: within a bounded wait the server serves again, same process.
  let healthy = false;
  for (let i = 0; i < 120 && !healthy; i++) {
    const ping = await call('GET', '/api/v4/system/ping?get_server_status=true');
    healthy = ping.status === 200 && ping.body.database_status === 'OK';
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.ok(healthy, 'database_status did not come back to OK');
  const after = await call('POST', '/api/v4/posts', a.client.getToken(), JSON.stringify({ channel_id: channel.id, message: 'after' }));
  assert.equal(after.status, 201, after.text);
  const list = await b.client.getPosts(channel.id, 0, 10);
  assert.ok(list.order.map((id) => list.posts[id].message).includes('after'));
  assert.equal(server.proc.pid, pid);
  assert.equal(server.proc.exitCode, null);
});
