// The server's custom emoji (when EnableCustomEmoji is on): the list read at start, those new
// from emoji_added events and post metadata, single names looked up when first seen in a
// reaction, and creating one. The store keeps name -> emoji id.
import type { CustomEmoji } from '@mattermost/types/emojis';
import { client, errorMessage } from './api';
import { emojiChar } from './emoji';
import { store } from './store';

const PAGE = 200;

export const customEmojiEnabled = () => store.s.config.EnableCustomEmoji === 'true';

export function rememberCustomEmoji(list: CustomEmoji[]) {
  const fresh = list.filter((e) => store.s.customEmoji[e.name] !== e.id);
  if (!fresh.length) return;
  store.set({ customEmoji: { ...store.s.customEmoji, ...Object.fromEntries(fresh.map((e) => [e.name, e.id])) } });
}

export async function loadCustomEmoji() {
  if (!customEmojiEnabled()) return;
  try {
    for (let page = 0; ; page++) {
      const list = await client.getCustomEmojis(page, PAGE);
      rememberCustomEmoji(list);
      if (list.length < PAGE) break;
    }
  } catch {
    // names show as text until an event or a lookup brings them
  }
}

// Looks up, once each, names that are neither standard nor known custom emoji.
const asked = new Set<string>();
export function ensureCustomEmoji(names: string[]) {
  if (!customEmojiEnabled()) return;
  for (const name of names) {
    if (emojiChar(name) || store.s.customEmoji[name] || asked.has(name)) continue;
    asked.add(name);
    client.getCustomEmojiByName(name).then((e) => rememberCustomEmoji([e]), () => undefined);
  }
}

// name -> image URL, for rendering messages.
let urlsFor: Record<string, string> | null = null;
let urls: Record<string, string> = {};
export function customEmojiUrls(): Record<string, string> {
  if (urlsFor !== store.s.customEmoji) {
    urlsFor = store.s.customEmoji;
    urls = Object.fromEntries(Object.entries(urlsFor).map(([name, id]) => [name, client.getCustomEmojiImageUrl(id)]));
  }
  return urls;
}

// '' or the error to show.
export async function createCustomEmoji(name: string, image: File): Promise<string> {
  try {
    const emoji = await client.createCustomEmoji({ name, creator_id: store.s.me!.id } as CustomEmoji, image);
    rememberCustomEmoji([emoji]);
    return '';
  } catch (e) {
    return errorMessage(e);
  }
}
