// Two people using the web client's features: threads, reactions, edits and deletes, image
// uploads, search, typing, direct messages with unread and mention badges, desktop
// notifications, channel creation and browsing, autocomplete, the switcher, theme, phone size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { client } from '../../../tests/e2e/lib/harness.mjs';
import {
  messages, png, post, postAction, postWith, shot, twoPeople,
} from './lib.mjs';

const t = twoPeople({ notifications: true });

const composerOf = (page) => page.getByRole('textbox', { name: 'Write a message' });
const notes = (page) => page.evaluate(() => window.__notes);

test('replies in a thread, reactions, edits and deletes reach the other person', async () => {
  await post(t.alice.page, 'the root message');
  const root = postWith(messages(t.bob.page), 'the root message', 'alice');
  await root.waitFor();
  await postAction(root, 'Reply');
  const bobThread = t.bob.page.getByRole('complementary', { name: 'Thread' });
  await bobThread.getByRole('textbox', { name: 'Reply' }).fill('a reply in the thread');
  await bobThread.getByRole('textbox', { name: 'Reply' }).press('Enter');
  await postWith(bobThread, 'a reply in the thread').waitFor();

  const rootId = await root.getAttribute('data-post-id');
  const aliceRoot = messages(t.alice.page).locator(`[data-post-id="${rootId}"]`);
  await aliceRoot.getByRole('button', { name: '1 reply' }).click();
  const aliceThread = t.alice.page.getByRole('complementary', { name: 'Thread' });
  await postWith(aliceThread, 'a reply in the thread').waitFor();
  await shot(t.alice.page, '10-thread');

  await postAction(aliceRoot, 'Add reaction');
  await t.alice.page.getByRole('menuitem', { name: 'tada' }).click();
  const bobReaction = root.getByRole('button', { name: 'tada reaction, 1' });
  await bobReaction.click();
  await aliceRoot.getByRole('button', { name: 'tada reaction, 2' }).waitFor();
  await shot(t.bob.page, '11-reactions');

  await postAction(aliceRoot, 'Edit');
  const edit = aliceRoot.getByRole('textbox', { name: 'Edit message' });
  await edit.fill('the root message, edited');
  await edit.press('Enter');
  await postWith(messages(t.bob.page), 'the root message, edited', 'alice').getByText('(edited)').waitFor();

  await post(t.alice.page, 'oops, wrong channel');
  await postWith(messages(t.bob.page), 'oops, wrong channel').waitFor();
  const oops = postWith(messages(t.alice.page), 'oops, wrong channel');
  await postAction(oops, 'Delete');
  await oops.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await postWith(messages(t.bob.page), 'oops, wrong channel').waitFor({ state: 'detached' });
  await t.alice.page.keyboard.press('Escape');
  await t.bob.page.keyboard.press('Escape');
});

test('an uploaded image shows a preview, and search finds posts with Mattermost syntax', async () => {
  await t.bob.page.getByRole('main').getByLabel('File to attach').setInputFiles({ name: 'blue.png', mimeType: 'image/png', buffer: png(64, 48) });
  await t.bob.page.getByRole('img', { name: 'blue.png' }).waitFor();
  await t.bob.page.getByRole('main').getByLabel('File to attach').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('meeting notes: parsnip budget') });
  await t.bob.page.getByRole('main').getByLabel('Attachments').getByText('notes.txt').waitFor();
  await post(t.bob.page, 'picture attached');
  const img = postWith(messages(t.alice.page), 'picture attached').getByRole('img', { name: 'blue.png' });
  await img.waitFor();
  await img.evaluate((el) => el.complete || new Promise((r) => el.addEventListener('load', r, { once: true })));
  assert.ok((await img.evaluate((el) => el.naturalWidth)) > 0, 'the preview image loads');
  const file = postWith(messages(t.alice.page), 'picture attached').getByRole('link', { name: /notes\.txt/ });
  const text = await t.alice.page.evaluate((href) => fetch(href).then((r) => r.text()), await file.getAttribute('href'));
  assert.equal(text, 'meeting notes: parsnip budget');
  await shot(t.alice.page, '12-upload');

  // A file dropped on the message box is uploaded and attached too.
  await t.alice.page.locator('main .composer').evaluate((el) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['dropped text'], 'dropped.txt', { type: 'text/plain' }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await t.alice.page.getByRole('main').getByLabel('Attachments').getByText('dropped.txt').waitFor();
  await post(t.alice.page, 'dropped one');
  await postWith(messages(t.bob.page), 'dropped one').getByRole('link', { name: /dropped\.txt/ }).waitFor();

  await t.alice.page.getByRole('searchbox', { name: 'Search messages' }).fill('from:bob picture');
  await t.alice.page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
  const results = t.alice.page.getByRole('complementary', { name: 'Search results' });
  await postWith(results, 'picture attached').waitFor();
  assert.equal(await results.locator('article.post').count(), 1);
  await shot(t.alice.page, '13-search');

  await t.alice.page.getByRole('searchbox', { name: 'Search messages' }).fill('"root message" in:town-square');
  await t.alice.page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
  await postWith(results, 'the root message, edited', 'alice').waitFor();
  await results.getByRole('button', { name: /jump/ }).first().click();
  await t.alice.page.getByRole('complementary', { name: 'Thread' }).waitFor();
  await t.alice.page.keyboard.press('Escape');
});

test('direct messages: unread state, typing, mention badges and desktop notifications', async () => {
  await t.alice.page.getByRole('button', { name: 'Write to people' }).click();
  await t.alice.page.getByLabel('Find people').fill('bo');
  await t.alice.page.getByRole('button', { name: 'Add bob' }).click();
  await t.alice.page.getByRole('button', { name: 'Go' }).click();
  await t.alice.page.getByRole('heading', { name: 'bob' }).waitFor();
  await post(t.alice.page, 'psst, bob');

  const dm = t.bob.page.getByRole('navigation', { name: 'Channels' }).locator('a.channel-item', { hasText: 'alice' });
  await dm.waitFor();
  await t.bob.page.waitForFunction(() => document.querySelector('a.channel-item.unread')?.textContent.includes('alice'));
  assert.ok((await notes(t.bob.page)).some((n) => n.body === 'psst, bob'), 'a DM notifies');
  await shot(t.bob.page, '14-dm-unread');
  await dm.click();
  await postWith(messages(t.bob.page), 'psst, bob').waitFor();
  // The post already held shows at once; the unread mark goes once the channel is marked viewed.
  await dm.and(t.bob.page.locator(':not(.unread)')).waitFor();

  await t.alice.page.getByRole('textbox', { name: 'Write a message' }).pressSequentially('still typ');
  await t.bob.page.getByText('alice is typing...').waitFor();
  await t.alice.page.getByRole('textbox', { name: 'Write a message' }).fill('');

  // A mention in a channel Alice is not looking at: badge and notification.
  await t.alice.page.getByRole('link', { name: 'Off-Topic' }).click();
  await t.bob.page.getByRole('link', { name: 'Town Square' }).click();
  await post(t.bob.page, '@alice please look');
  const town = t.alice.page.getByRole('link', { name: /Town Square/ });
  await town.getByLabel('1 mentions').waitFor();
  assert.ok((await notes(t.alice.page)).some((n) => n.body === '@alice please look'), 'a mention notifies');
  await shot(t.alice.page, '15-mention-badge');
  await town.click();
  await postWith(messages(t.alice.page), 'please look').locator('.mention-me').waitFor();
  // The posts already held show at once; the badge goes once the channel is marked viewed.
  await town.getByLabel(/mentions/).waitFor({ state: 'detached' });
});

test('a group message with a third person shows up for the others', async () => {
  const api = client(t.server);
  await api.createUser({ username: 'carol', email: 'carol@example.com', password: 'Passw0rd!x' }, '', '');
  const carol = await api.login('carol', 'Passw0rd!x');
  const team = (await api.getTeams(0, 10)).find((x) => x.name === 'parley-test');
  await api.addToTeam(team.id, carol.id);

  await t.alice.page.getByRole('button', { name: 'Write to people' }).click();
  await t.alice.page.getByLabel('Find people').fill('');
  await t.alice.page.getByRole('button', { name: 'Add bob' }).click();
  await t.alice.page.getByRole('button', { name: 'Add carol' }).click();
  await t.alice.page.getByRole('button', { name: 'Go' }).click();
  await t.alice.page.getByRole('heading', { name: /bob.*carol|carol.*bob/ }).waitFor();
  await post(t.alice.page, 'hello group');
  const gm = t.bob.page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: /carol/ });
  await gm.click();
  await postWith(messages(t.bob.page), 'hello group').waitFor();
  const carolSees = await api.getPosts((await api.getMyChannels(team.id)).find((c) => c.type === 'G').id);
  assert.ok(Object.values(carolSees.posts).some((p) => p.message === 'hello group'));
});

test('channels: create, browse and join; @ and ~ autocomplete; the Ctrl+K switcher', async () => {
  await t.bob.page.getByRole('button', { name: 'Create channel' }).click();
  await t.bob.page.getByLabel('Name').fill('Design Talk');
  await t.bob.page.getByRole('button', { name: 'Create', exact: true }).click();
  await t.bob.page.getByRole('heading', { name: '# Design Talk' }).waitFor();

  await t.alice.page.getByRole('button', { name: 'Browse channels' }).click();
  await t.alice.page.getByRole('button', { name: 'Join Design Talk' }).click();
  await t.alice.page.getByRole('heading', { name: '# Design Talk' }).waitFor();

  const box = t.alice.page.getByRole('textbox', { name: 'Write a message' });
  await box.pressSequentially('hey @bo');
  await t.alice.page.getByRole('option', { name: /@bob/ }).waitFor();
  await box.press('Tab');
  assert.equal(await box.inputValue(), 'hey @bob ');
  await box.pressSequentially('see ~tow');
  await t.alice.page.getByRole('option', { name: /~town-square/ }).waitFor();
  await shot(t.alice.page, '16-autocomplete');
  await box.press('Enter');
  assert.equal(await box.inputValue(), 'hey @bob see ~town-square ');
  await box.pressSequentially(':thumbsu');
  await t.alice.page.getByRole('option', { name: /:thumbsup:/ }).click();
  assert.equal(await box.inputValue(), 'hey @bob see ~town-square :thumbsup: ');
  await box.press('Enter');
  const sent = postWith(messages(t.bob.page), 'hey @bob');
  await sent.getByRole('link', { name: '~Town Square' }).waitFor();
  await sent.getByTitle(':thumbsup:').waitFor();
  await sent.getByRole('link', { name: '~Town Square' }).click();
  await t.bob.page.getByRole('heading', { name: '# Town Square' }).waitFor();

  await t.alice.page.keyboard.press('Control+k');
  await t.alice.page.getByLabel('Channel name').fill('off');
  await t.alice.page.getByLabel('Channel name').press('Enter');
  await t.alice.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
  await t.alice.page.keyboard.press('Alt+ArrowUp');
  await t.alice.page.getByRole('heading', { name: '# Design Talk' }).waitFor();
  await t.alice.page.keyboard.press('Alt+ArrowDown');
  await t.alice.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
});

test('statuses, older messages on demand, and Up to edit the last post', async () => {
  // Others' statuses are read again on every channel switch (and every 30 s).
  const bobInAliceSidebar = t.alice.page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: /bob/ });
  await t.bob.page.getByLabel('Status').selectOption('dnd');
  await t.bob.page.getByRole('navigation', { name: 'Channels' }).getByRole('img', { name: 'dnd' }).first().waitFor();
  await t.alice.page.getByRole('link', { name: 'Town Square' }).click();
  await bobInAliceSidebar.getByRole('img', { name: 'dnd' }).waitFor();
  await t.bob.page.getByLabel('Status').selectOption('online');
  await t.bob.page.getByRole('navigation', { name: 'Channels' }).getByRole('img', { name: 'online' }).first().waitFor();
  await t.alice.page.getByRole('link', { name: 'Off-Topic' }).click();
  await bobInAliceSidebar.getByRole('img', { name: 'online' }).waitFor();

  // 70 posts from the API; after a reload the first page shows the newest 60, the button the rest.
  const api = client(t.server);
  await api.login('bob', 'Passw0rd!x');
  const team = (await api.getMyTeams())[0];
  const offTopic = await api.getChannelByName(team.id, 'off-topic');
  for (let i = 0; i < 70; i++) await api.createPost({ channel_id: offTopic.id, message: `history ${i}.` });
  await t.bob.page.getByRole('link', { name: 'Off-Topic' }).click();
  await t.alice.page.reload();
  await messages(t.alice.page).getByText('history 69.').waitFor();
  assert.equal(await messages(t.alice.page).getByText('history 0.', { exact: true }).count(), 0);
  await t.alice.page.getByRole('button', { name: 'Load older messages' }).click();
  await messages(t.alice.page).getByText('history 0.', { exact: true }).waitFor();
  await t.alice.page.getByRole('button', { name: 'Load older messages' }).waitFor({ state: 'detached' });

  await post(t.alice.page, 'my last words');
  // The delivered post (by alice), not the unsent one shown while it travels: Up skips unsent posts.
  await postWith(messages(t.alice.page), 'my last words', 'alice').waitFor();
  await composerOf(t.alice.page).press('ArrowUp');
  const edit = messages(t.alice.page).getByRole('textbox', { name: 'Edit message' });
  assert.equal(await edit.inputValue(), 'my last words');
  await edit.fill('my last words, revised');
  await edit.press('Enter');
  await postWith(messages(t.bob.page), 'my last words, revised').waitFor();
});

test('another team: it appears when the user is added, marked while it has new posts', async () => {
  const api = client(t.server);
  await api.login('alice', 'Passw0rd!x');
  const side = await api.createTeam({ name: 'side-project', display_name: 'Side Project', type: 'O' });
  const bobId = (await api.getUserByUsername('bob')).id;
  await api.addToTeam(side.id, bobId);
  const menu = t.bob.page.getByRole('combobox', { name: 'Team' });
  await menu.getByRole('option', { name: 'Side Project', exact: true }).waitFor({ state: 'attached' });
  const town = await api.getChannelByName(side.id, 'town-square');
  await api.createPost({ channel_id: town.id, message: 'over here' });
  await menu.getByRole('option', { name: '• Side Project' }).waitFor({ state: 'attached' });
  await menu.selectOption({ label: '• Side Project' });
  await postWith(messages(t.bob.page), 'over here').waitFor();
  await menu.getByRole('option', { name: 'Side Project', exact: true }).waitFor({ state: 'attached' });
  await menu.selectOption({ label: 'Parley Test' });
  await t.bob.page.getByRole('heading', { name: '# Town Square' }).waitFor();
});

test('dark theme sticks across reloads; the layout works at phone size', async () => {
  await t.alice.page.getByRole('button', { name: 'Toggle theme' }).click();
  assert.equal(await t.alice.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await t.alice.page.reload();
  await t.alice.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
  assert.equal(await t.alice.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await shot(t.alice.page, '17-dark');

  await t.bob.page.setViewportSize({ width: 390, height: 844 });
  const nav = t.bob.page.getByRole('navigation', { name: 'Channels' });
  await t.bob.page.getByRole('button', { name: 'Menu' }).click();
  await nav.getByRole('link', { name: 'Off-Topic' }).click();
  await t.bob.page.getByRole('heading', { name: '# Off-Topic' }).waitFor();
  const box = await nav.boundingBox();
  assert.ok(box.x + box.width <= 1, 'the sidebar folds away after picking a channel');
  await post(t.bob.page, 'from my phone');
  await postWith(messages(t.alice.page), 'from my phone').waitFor();
  await shot(t.bob.page, '18-phone');
  // The thread pane takes the whole screen and closes back to the channel.
  await postWith(messages(t.bob.page), 'from my phone').getByRole('button', { name: 'Reply' }).click();
  const pane = t.bob.page.getByRole('complementary', { name: 'Thread' });
  await pane.getByRole('textbox', { name: 'Reply' }).fill('phone reply');
  await pane.getByRole('textbox', { name: 'Reply' }).press('Enter');
  await postWith(pane, 'phone reply').waitFor();
  const paneBox = await pane.boundingBox();
  assert.equal(paneBox.width, 390);
  await shot(t.bob.page, '19-phone-thread');
  await pane.getByRole('button', { name: 'Close thread' }).click();
  await postWith(messages(t.bob.page), 'phone reply').waitFor();
  assert.deepEqual(t.alice.errors, []);
  assert.deepEqual(t.bob.errors, []);
});
