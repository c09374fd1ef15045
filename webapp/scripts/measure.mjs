// Measures the built web client for docs/benchmarks.md: gzipped size of each asset in dist/,
// and in headless Chromium (fresh profile, cold cache, loopback server) the first contentful
// paint of the login page and of a logged-in channel, plus the time until its messages show.
// Usage: PARLEY_BIN=../build/parley node scripts/measure.mjs [runs]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { joinTestTeam, openBrowser, post, startWebServer } from '../tests/browser/lib.mjs';

const runs = Number(process.argv[2] ?? 5);
const dist = path.resolve(import.meta.dirname, '../dist');
let total = 0;
for (const f of readdirSync(path.join(dist, 'assets')).filter((n) => !n.endsWith('.gz'))) {
  const gz = zlib.gzipSync(readFileSync(path.join(dist, 'assets', f)), { level: 9 }).length;
  if (f.endsWith('.js')) total += gz;
  console.log(`${f}: ${(gz / 1024).toFixed(1)} kB gzipped`);
}
console.log(`JavaScript total: ${(total / 1024).toFixed(1)} kB gzipped`);

const paint = (page) => page.evaluate(() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return { fcp: fcp?.startTime ?? NaN, load: nav?.loadEventEnd ?? NaN };
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startWebServer();
try {
  const setup = await openBrowser(server);
  await joinTestTeam(setup.page, 'measure', { create: true });
  for (let i = 0; i < 30; i++) await post(setup.page, `message ${i} with **markdown** and :tada:`);
  await setup.close();
  const login = [];
  const channel = [];
  const ready = [];
  for (let i = 0; i < runs; i++) {
    const b = await openBrowser(server);
    await b.page.goto('/login');
    await b.page.getByRole('form', { name: 'Log in' }).waitFor();
    login.push((await paint(b.page)).fcp);
    await b.page.getByLabel('Email or username').fill('measure');
    await b.page.getByLabel('Password').fill('Passw0rd!x');
    await b.page.getByRole('button', { name: 'Log in' }).click();
    await b.page.getByText('message 29 with').waitFor();
    // A cold load of the channel URL with the session cookie (the browser cache is cleared).
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Network.clearBrowserCache');
    await b.page.goto(b.page.url());
    await b.page.getByText('message 29 with').waitFor();
    const t = await b.page.evaluate(() => performance.now());
    channel.push((await paint(b.page)).fcp);
    ready.push(t);
    await b.close();
  }
  console.log(`login page first contentful paint: median ${median(login).toFixed(0)} ms (runs: ${login.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`channel page first contentful paint: median ${median(channel).toFixed(0)} ms (runs: ${channel.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`channel page messages shown after: median ${median(ready).toFixed(0)} ms (upper bound, includes the check)`);
} finally {
  await server.stop();
}
