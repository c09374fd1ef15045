// Two people and emoji: a custom emoji added in the client reaches the other person
// (emoji_added) and shows as an image in messages, reactions and autocomplete; the full standard
// table, loaded as a chunk of its own, feeds the reaction picker's search and ":" autocomplete.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages, png, post, postAction, postWith, shot, twoPeople } from './lib.mjs';

const t = twoPeople({ env: { MM_SERVICESETTINGS_ENABLECUSTOMEMOJI: 'true' } });

const loaded = (img) => img.evaluate((el) => (el.complete ? el.naturalWidth : new Promise((r) => el.addEventListener('load', () => r(el.naturalWidth), { once: true }))));

test('a custom emoji made in the client shows for the other person in messages and reactions', async () => {
  await t.alice.page.getByRole('button', { name: 'Custom emoji' }).click();
  const dialog = t.alice.page.getByRole('dialog', { name: 'Add custom emoji' });
  await dialog.getByLabel('Name').fill('parley_logo');
  await dialog.getByLabel('Image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(40, 40, [20, 160, 90]) });
  await dialog.getByRole('button', { name: 'Add emoji' }).click();
  await dialog.getByRole('status').getByRole('img', { name: ':parley_logo:' }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Bob's client was open before the emoji existed: emoji_added tells it.
  await post(t.bob.page, 'look :parley_logo: and :tada:');
  const inAlice = postWith(messages(t.alice.page), 'look', 'bob');
  const img = inAlice.getByRole('img', { name: ':parley_logo:' });
  await img.waitFor();
  assert.ok((await loaded(img)) > 0, 'the custom emoji image loads');
  await inAlice.getByText('🎉').waitFor();
  const inBob = postWith(messages(t.bob.page), 'look', 'bob');
  assert.ok((await loaded(inBob.getByRole('img', { name: ':parley_logo:' }))) > 0);

  await postAction(inAlice, 'Add reaction');
  await t.alice.page.getByRole('menu', { name: 'Pick a reaction' }).getByLabel('Search emoji').fill('parley');
  await t.alice.page.getByRole('menuitem', { name: 'parley_logo' }).click();
  const reaction = inBob.getByRole('button', { name: 'parley_logo reaction, 1' });
  await reaction.getByRole('img', { name: ':parley_logo:' }).waitFor();
  await shot(t.bob.page, '40-custom-emoji');
});

test('the full standard table: picker search, ":" autocomplete, and a chunk apart from the main bundle', async () => {
  await post(t.alice.page, 'pick something');
  const mine = postWith(messages(t.alice.page), 'pick something', 'alice');
  await postAction(mine, 'Add reaction');
  await t.alice.page.getByRole('menu', { name: 'Pick a reaction' }).getByLabel('Search emoji').fill('unicorn');
  await t.alice.page.getByRole('menuitem', { name: 'unicorn_face' }).click();
  await postWith(messages(t.bob.page), 'pick something').getByRole('button', { name: 'unicorn_face reaction, 1' }).getByText('🦄').waitFor();

  const box = t.bob.page.getByRole('textbox', { name: 'Write a message' });
  await box.fill('hello :sauropo');
  await t.bob.page.getByRole('option', { name: /:sauropod:/ }).click();
  assert.equal(await box.inputValue(), 'hello :sauropod: ');
  await box.fill('and :parley_');
  await t.bob.page.getByRole('option', { name: /:parley_logo:/ }).getByRole('img', { name: ':parley_logo:' }).waitFor();
  await box.fill('');

  // The table came in a script of its own: the page's main script does not hold it.
  const scripts = await t.bob.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
  const main = await t.bob.page.evaluate(() => document.querySelector('script[type="module"]').src);
  assert.ok(scripts.some((s) => s !== main), `a second chunk was loaded: ${scripts.join(', ')}`);
  assert.doesNotMatch(await (await fetch(main)).text(), /sauropod/);
  assert.deepEqual(t.alice.errors, []);
  assert.deepEqual(t.bob.errors, []);
});
