// The load generator against the server (bench/loadgen, `parley_loadgen smoke`): 24 simulated
// users log in like the web app, hold WebSockets and run every action of Mattermost's load-test
// user model at least once; any failed request, action never run or missing posted event fails.
// Then, as a capacity step would see it, users whose WebSockets the server drops (here by
// restarting it) count them as lost and reconnect. No timing is asserted: this proves the
// generator and the server agree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { startServer } from './lib/harness.mjs';

const BIN = process.env.PARLEY_BIN ?? path.resolve(import.meta.dirname, '../../build/parley');
const LOADGEN = path.join(path.dirname(BIN), 'parley_loadgen');

let server;
before(async () => {
  // Mattermost's default MaxUsersPerTeam (50) would stop the seeding; search and files are on.
  server = await startServer({ env: { MM_TEAMSETTINGS_MAXUSERSPERTEAM: '1000' } });
});
after(async () => {
  await server.stop();
});

// Runs the generator; `onErr` sees its standard error as it comes.
function run(args, onErr = () => {}) {
  return new Promise((resolve) => {
    const child = spawn(LOADGEN, args);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      onErr(err);
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

test('smoke: every simulated action succeeds against the server', { timeout: 240_000 }, async () => {
  const { code, out, err } = await run([
    'smoke', '--url', server.url, '--users', '24', '--seconds', '4',
    '--min-idle-ms', '20', '--avg-idle-ms', '150', '--posts', '300', '--reactions', '60',
    '--public-channels', '4', '--private-channels', '2', '--direct-channels', '8', '--posters', '4',
  ]);
  assert.equal(code, 0, `loadgen failed:\n${err}\n${out.slice(0, 2000)}`);
  const report = JSON.parse(out.trim().split('\n').pop());
  assert.equal(report.users, 24);
  assert.deepEqual(report.problems, []);
  assert.ok(report.stats.events.posted > 0, 'posted events reached the simulated users');
  assert.ok(report.stats.requests.count > 24 * 20, 'every user made its bootstrap and action requests');
});

// A port free now, so that a restarted server listens where the generator's users reconnect.
async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('run: WebSockets the server drops are counted as lost and reconnected', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const restartable = await startServer({
    env: { MM_TEAMSETTINGS_MAXUSERSPERTEAM: '1000', MM_SERVICESETTINGS_LISTENADDRESS: `127.0.0.1:${port}` },
  });
  try {
    const users = 8;
    let restarted = null;
    const { code, out, err } = await run(
      [
        'run', '--url', restartable.url, '--users', String(users), '--seconds', '15',
        '--posts', '100', '--reactions', '20', '--public-channels', '2', '--private-channels', '1',
        '--direct-channels', '2', '--posters', '2',
      ],
      (text) => {
        if (!restarted && text.includes('users started')) restarted = restartable.restart();
      },
    );
    assert.equal(code, 0, `loadgen failed:\n${err}\n${out.slice(0, 2000)}`);
    assert.ok(restarted, `the users never started:\n${err}`);
    await restarted;
    const report = JSON.parse(out.trim().split('\n').pop());
    assert.equal(report.users, users);
    assert.ok(report.websockets_lost >= users, `every user lost its WebSocket: ${report.websockets_lost}`);
    assert.equal(report.stats.websockets_lost, report.websockets_lost);
    assert.equal(report.websockets_open, users, 'every user reconnected');
    assert.equal(report.websockets_quiet, 0, 'every reconnected socket received its hello');
    assert.match(err, /first WebSocket lost: /);
  } finally {
    await restartable.stop();
  }
});
