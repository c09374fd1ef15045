// Pinned and saved lists, saved-post preferences, and which channels may be left or archived.
import type { ServerChannel } from '@mattermost/types/channels';
import type { Post } from '@mattermost/types/posts';
import type { PreferenceType } from '@mattermost/types/preferences';
import { describe, expect, it } from 'vitest';
import {
  applySavedPreferences, archivePermission, canLeave, initialState, mergePosts, pinnedPosts, putPosts,
  savedPosts, sidebarOrder, viewArchived,
} from '../../src/state';

const post = (id: string, channel: string, at: number, extra: Partial<Post> = {}) =>
  ({ id, channel_id: channel, create_at: at, message: id, ...extra }) as Post;
const pref = (name: string, category = 'flagged_post', value = 'true') => ({ user_id: 'me', category, name, value }) as PreferenceType;
const channel = (id: string, extra: Partial<ServerChannel> = {}) =>
  ({ id, name: id, display_name: id, type: 'O', delete_at: 0, last_post_at: 0, ...extra }) as ServerChannel;

describe('putPosts', () => {
  it('stores posts without adding them to a channel order', () => {
    const s = initialState();
    const a = { ...s, ...mergePosts(s, [post('p1', 'c', 1)]) };
    const b = { ...a, ...putPosts(a, [post('old', 'c', 0, { is_pinned: true }), post('x', 'd', 5)]) };
    expect(b.posts.old.is_pinned).toBe(true);
    expect(b.order.c).toEqual(['p1']);
    expect(b.order.d).toBeUndefined();
    const c = { ...b, ...putPosts(b, [post('p1', 'c', 1, { message: 'edited' })]) };
    expect(c.posts.p1.message).toBe('edited');
    expect(c.order.c).toEqual(['p1']);
  });
});

describe('pinned and saved lists', () => {
  const s = initialState();
  const withPosts = {
    ...s,
    ...putPosts(s, [
      post('a', 'c', 1, { is_pinned: true }), post('b', 'c', 3, { is_pinned: true }),
      post('c', 'c', 2), post('d', 'other', 4, { is_pinned: true }),
    ]),
  };
  it('lists the pinned posts of one channel, newest first', () => {
    expect(pinnedPosts(withPosts, 'c').map((p) => p.id)).toEqual(['b', 'a']);
    const unpinned = { ...withPosts, ...putPosts(withPosts, [post('b', 'c', 3, { is_pinned: false })]) };
    expect(pinnedPosts(unpinned, 'c').map((p) => p.id)).toEqual(['a']);
  });
  it('lists the saved posts that are known, newest first', () => {
    const saved = { ...withPosts, saved: { a: true, d: true, unknown: true } as Record<string, true> };
    expect(savedPosts(saved).map((p) => p.id)).toEqual(['d', 'a']);
  });
});

describe('applySavedPreferences', () => {
  it('adds changed flagged_post preferences and removes deleted ones, ignoring other categories', () => {
    const a = applySavedPreferences({}, [pref('p1'), pref('p2'), pref('x', 'display_settings')], true);
    expect(a).toEqual({ p1: true, p2: true });
    const b = applySavedPreferences(a, [pref('p1')], false);
    expect(b).toEqual({ p2: true });
    expect(a).toEqual({ p1: true, p2: true }); // earlier set untouched
    expect(applySavedPreferences(b, [pref('p2', 'flagged_post', 'false')], true)).toEqual({});
  });
});

describe('leaving and archiving', () => {
  it('never offers Town Square or direct and group messages', () => {
    expect(canLeave(channel('town-square'))).toBe(false);
    expect(canLeave(channel('dm', { type: 'D' }))).toBe(false);
    expect(canLeave(channel('gm', { type: 'G' }))).toBe(false);
    expect(canLeave(channel('dev'))).toBe(true);
    expect(canLeave(channel('secret', { type: 'P' }))).toBe(true);
  });
  it('names the permission archiving needs', () => {
    expect(archivePermission(channel('dev'))).toBe('delete_public_channel');
    expect(archivePermission(channel('secret', { type: 'P' }))).toBe('delete_private_channel');
    expect(archivePermission(channel('town-square'))).toBe('');
    expect(archivePermission(channel('dev', { delete_at: 5 }))).toBe('');
  });
});

describe('archived channels', () => {
  it('are read only when the server offers it', () => {
    const s = initialState();
    expect(viewArchived({ ...s, config: { ExperimentalViewArchivedChannels: 'true' } as never })).toBe(true);
    expect(viewArchived({ ...s, config: { ExperimentalViewArchivedChannels: 'false' } as never })).toBe(false);
    expect(viewArchived(s)).toBe(false);
  });
  it('stay out of the sidebar unless being read', () => {
    const s = { ...initialState(), channels: { a: channel('a'), old: channel('old', { delete_at: 9 }) } };
    expect(sidebarOrder(s).map((c) => c.id)).toEqual(['a']);
    expect(sidebarOrder({ ...s, channelId: 'old' }).map((c) => c.id)).toEqual(['a', 'old']);
  });
});
