// Two people using the web client's features: threads, reactions, edits and deletes, image
// uploads, search, typing, direct messages with unread and mention badges, desktop
// notifications, channel creation and browsing, autocomplete, the switcher, theme, phone size.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { client } from '../../../tests/e2e/lib/harness.mjs';
import {
  joinTestTeam, messages, openBrowser, png, post, postAction, postWith, recordNotifications, shot, startWebServer,
} from './lib.mjs';

let server;
let alice;
let bob;

before(async () => {
  server = await startWebServer();
  alice = await openBrowser(server);
  bob = await openBrowser(server);
  await recordNotifications(alice.context);
  await recordNotifications(bob.context);
  await joinTestTeam(alice.page, 'alice', { create: true });
  await joinTestTeam(bob.page, 'bob');
});

after(async () => {
  await alice?.close();
  await bob?.close();
  await server?.stop();
});

const composerOf = (page) => page.getByRole('textbox', { name: 'Write a message' });
const notes = (page) => page.evaluate(() => window.__notes);

test('replies in a thread, reactions, edits and deletes reach the other person', async () => {
  await post(alice.page, 'the root message');
  const root = postWith(messages(bob.page), 'the root message', 'alice');
  await root.waitFor();
  await postAction(root, 'Reply');
  const bobThread = bob.page.getByRole('complementary', { name: 'Thread' });
  await bobThread.getByRole('textbox', { name: 'Reply' }).fill('a reply in the thread');
  await bobThread.getByRole('textbox', { name: 'Reply' }).press('Enter');
  await postWith(bobThread, 'a reply in the thread').waitFor();

  const rootId = await root.getAttribute('data-post-id');
  const aliceRoot = messages(alice.page).locator(`[data-post-id="${rootId}"]`);
  await aliceRoot.getByRole('button', { name: '1 reply' }).click();
  const aliceThread = alice.page.getByRole('complementary', { name: 'Thread' });
  await postWith(aliceThread, 'a reply in the thread').waitFor();
  await shot(alice.page, '10-thread');

  await postAction(aliceRoot, 'Add reaction');
  await alice.page.getByRole('menuitem', { name: 'tada' }).click();
  const bobReaction = root.getByRole('button', { name: 'tada reaction, 1' });
  await bobReaction.click();
  await aliceRoot.getByRole('button', { name: 'tada reaction, 2' }).waitFor();
  await shot(bob.page, '11-reactions');

  await postAction(aliceRoot, 'Edit');
  const edit = aliceRoot.getByRole('textbox', { name: 'Edit message' });
  await edit.fill('the root message, edited');
  await edit.press('Enter');
  await postWith(messages(bob.page), 'the root message, edited', 'alice').getByText('(edited)').waitFor();

  await post(alice.page, 'oops, wrong channel');
  await postWith(messages(bob.page), 'oops, wrong channel').waitFor();
  const oops = postWith(messages(alice.page), 'oops, wrong channel');
  await postAction(oops, 'Delete');
  await oops.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await postWith(messages(bob.page), 'oops, wrong channel').waitFor({ state: 'detached' });
  await alice.page.keyboard.press('Escape');
  await bob.page.keyboard.press('Escape');
});

test('an uploaded image shows a preview, and search finds posts with Mattermost syntax', async () => {
  await bob.page.getByRole('main').getByLabel('File to attach').setInputFiles({ name: 'blue.png', mimeType: 'image/png', buffer: png(64, 48) });
  await bob.page.getByRole('img', { name: 'blue.png' }).waitFor();
  await post(bob.page, 'picture attached');
  const img = postWith(messages(alice.page), 'picture attached').getByRole('img', { name: 'blue.png' });
  await img.waitFor();
  await img.evaluate((el) => el.complete || new Promise((r) => el.addEventListener('load', r, { once: true })));
  assert.ok((await img.evaluate((el) => el.naturalWidth)) > 0, 'the preview image loads');
  await shot(alice.page, '12-upload');

  await alice.page.getByRole('searchbox', { name: 'Search messages' }).fill('from:bob picture');
  await alice.page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
  const results = alice.page.getByRole('complementary', { name: 'Search results' });
  await postWith(results, 'picture attached').waitFor();
  assert.equal(await results.locator('article.post').count(), 1);
  await shot(alice.page, '13-search');

  await alice.page.getByRole('searchbox', { name: 'Search messages' }).fill('"root message" in:town-square');
  await alice.page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
  await postWith(results, 'the root message, edited', 'alice').waitFor();
  await results.getByRole('button', { name: /jump/ }).first().click();
  await alice.page.getByRole('complementary', { name: 'Thread' }).waitFor();
  await alice.page.keyboard.press('Escape');
});

test('direct messages: unread state, typing, mention badges and desktop notifications', async () => {
  await alice.page.getByRole('button', { name: 'Write to people' }).click();
  await alice.page.getByLabel('Find people').fill('bo');
  await alice.page.getByRole('button', { name: 'Add bob' }).click();
  await alice.page.getByRole('button', { name: 'Go' }).click();
  await alice.page.getByRole('heading', { name: 'bob' }).waitFor();
  await post(alice.page, 'psst, bob');

  const dm = bob.page.getByRole('navigation', { name: 'Channels' }).locator('a.channel-item', { hasText: 'alice' });
  await dm.waitFor();
  await bob.page.waitForFunction(() => document.querySelector('a.channel-item.unread')?.textContent.includes('alice'));
  assert.ok((await notes(bob.page)).some((n) => n.body === 'psst, bob'), 'a DM notifies');
  await shot(bob.page, '14-dm-unread');
  await dm.click();
  await postWith(messages(bob.page), 'psst, bob').waitFor();
  assert.doesNotMatch(await dm.getAttribute('class'), /unread/);

  await alice.page.getByRole('textbox', { name: 'Write a message' }).pressSequentially('still typ');
  await bob.page.getByText('alice is typing...').waitFor();
  await alice.page.getByRole('textbox', { name: 'Write a message' }).fill('');

  // A mention in a channel Alice is not looking at: badge and notification.
  await alice.page.getByRole('link', { name: 'Off-Topic' }).click();
  await bob.page.getByRole('link', { name: 'Town Square' }).click();
  await post(bob.page, '@alice please look');
  const town = alice.page.getByRole('link', { name: /Town Square/ });
  await town.getByLabel('1 mentions').waitFor();
  assert.ok((await notes(alice.page)).some((n) => n.body === '@alice please look'), 'a mention notifies');
  await shot(alice.page, '15-mention-badge');
  await town.click();
  await postWith(messages(alice.page), 'please look').locator('.mention-me').waitFor();
  assert.equal(await town.getByLabel(/mentions/).count(), 0);
});

test('channels: create, browse and join; @ and ~ autocomplete; the Ctrl+K switcher', async () => {
  await bob.page.getByRole('button', { name: 'Create channel' }).click();
  await bob.page.getByLabel('Name').fill('Design Talk');
  await bob.page.getByRole('button', { name: 'Create', exact: true }).click();
  await bob.page.getByRole('heading', { name: '# Design Talk' }).waitFor();

  await alice.page.getByRole('button', { name: 'Browse channels' }).click();
  await alice.page.getByRole('button', { name: 'Join Design Talk' }).click();
  await alice.page.getByRole('heading', { name: '# Design Talk' }).waitFor();

  const box = alice.page.getByRole('textbox', { name: 'Write a message' });
  await box.pressSequentially('hey @bo');
  await alice.page.getByRole('option', { name: /@bob/ }).waitFor();
  await box.press('Tab');
  assert.equal(await box.inputValue(), 'hey @bob ');
  await box.pressSequentially('see ~tow');
  await alice.page.getByRole('option', { name: /~town-square/ }).waitFor();
  await shot(alice.page, '16-autocomplete');
  await box.press('Enter');
  assert.equal(await box.inputValue(), 'hey @bob see ~town-square ');
  await box.press('Enter');
  const sent = postWith(messages(bob.page), 'hey @bob');
  await sent.getByRole('link', { name: '~Town Square' }).waitFor();
  await sent.getByRole('link', { name: '~Town Square' }).click();
  await bob.page.getByRole('heading', { name: '# Town Square' }).waitFor();

  await alice.page.keyboard.press('Control+k');
  await alice.page.getByLabel('Channel name').fill('off');
  await alice.page.getByLabel('Channel name').press('Enter');
  await alice.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
});

test('statuses, older messages on demand, and Up to edit the last post', async () => {
  // Others' statuses are read again on every channel switch (and every 30 s).
  const bobInAliceSidebar = alice.page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: /bob/ });
  await bob.page.getByLabel('Status').selectOption('dnd');
  await bob.page.getByRole('navigation', { name: 'Channels' }).getByRole('img', { name: 'dnd' }).first().waitFor();
  await alice.page.getByRole('link', { name: 'Town Square' }).click();
  await bobInAliceSidebar.getByRole('img', { name: 'dnd' }).waitFor();
  await bob.page.getByLabel('Status').selectOption('online');
  await bob.page.getByRole('navigation', { name: 'Channels' }).getByRole('img', { name: 'online' }).first().waitFor();
  await alice.page.getByRole('link', { name: 'Off-Topic' }).click();
  await bobInAliceSidebar.getByRole('img', { name: 'online' }).waitFor();

  // 70 posts from the API; after a reload the first page shows the newest 60, the button the rest.
  const api = client(server);
  await api.login('bob', 'Passw0rd!x');
  const team = (await api.getMyTeams())[0];
  const offTopic = await api.getChannelByName(team.id, 'off-topic');
  for (let i = 0; i < 70; i++) await api.createPost({ channel_id: offTopic.id, message: `history ${i}.` });
  await bob.page.getByRole('link', { name: 'Off-Topic' }).click();
  await alice.page.reload();
  await messages(alice.page).getByText('history 69.').waitFor();
  assert.equal(await messages(alice.page).getByText('history 0.', { exact: true }).count(), 0);
  await alice.page.getByRole('button', { name: 'Load older messages' }).click();
  await messages(alice.page).getByText('history 0.', { exact: true }).waitFor();
  await alice.page.getByRole('button', { name: 'Load older messages' }).waitFor({ state: 'detached' });

  await post(alice.page, 'my last words');
  await postWith(messages(alice.page), 'my last words').waitFor();
  await composerOf(alice.page).press('ArrowUp');
  const edit = messages(alice.page).getByRole('textbox', { name: 'Edit message' });
  assert.equal(await edit.inputValue(), 'my last words');
  await edit.fill('my last words, revised');
  await edit.press('Enter');
  await postWith(messages(bob.page), 'my last words, revised').waitFor();
});

test('dark theme sticks across reloads; the layout works at phone size', async () => {
  await alice.page.getByRole('button', { name: 'Toggle theme' }).click();
  assert.equal(await alice.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await alice.page.reload();
  await alice.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
  assert.equal(await alice.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await shot(alice.page, '17-dark');

  await bob.page.setViewportSize({ width: 390, height: 844 });
  const nav = bob.page.getByRole('navigation', { name: 'Channels' });
  await bob.page.getByRole('button', { name: 'Menu' }).click();
  await nav.getByRole('link', { name: 'Off-Topic' }).click();
  await bob.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
  const box = await nav.boundingBox();
  assert.ok(box.x + box.width <= 1, 'the sidebar folds away after picking a channel');
  await post(bob.page, 'from my phone');
  await postWith(messages(alice.page), 'from my phone').waitFor();
  await shot(bob.page, '18-phone');
  assert.deepEqual(alice.errors, []);
  assert.deepEqual(bob.errors, []);
});
