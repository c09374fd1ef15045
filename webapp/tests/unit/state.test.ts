// Store helpers: merging posts, unread state and channel labels.
import type { ChannelMembership, ServerChannel } from '@mattermost/types/channels';
import type { Post } from '@mattermost/types/posts';
import type { UserProfile } from '@mattermost/types/users';
import { describe, expect, it } from 'vitest';
import { Store, channelLabel, dmPartner, initialState, mergePosts, mergeServerDrafts, sidebarOrder, unread } from '../../src/state';

const post = (id: string, channel: string, at: number) => ({ id, channel_id: channel, create_at: at, message: id }) as Post;

describe('mergePosts', () => {
  it('keeps each channel oldest first without duplicates', () => {
    const s = initialState();
    const a = { ...s, ...mergePosts(s, [post('p2', 'c', 2), post('p1', 'c', 1)]) };
    const b = { ...a, ...mergePosts(a, [post('p3', 'c', 3), post('p2', 'c', 2), post('q', 'd', 1)]) };
    expect(b.order.c).toEqual(['p1', 'p2', 'p3']);
    expect(b.order.d).toEqual(['q']);
    expect(a.order.c).toEqual(['p1', 'p2']); // earlier state untouched
  });
  it('counts a new reply on its root, once', () => {
    const s = initialState();
    const a = { ...s, ...mergePosts(s, [{ ...post('r', 'c', 1), reply_count: 1 }, { ...post('x', 'c', 2), root_id: 'r' }]) };
    expect(a.posts.r.reply_count).toBe(1); // root and reply fetched together: the server's count
    const b = { ...a, ...mergePosts(a, [{ ...post('y', 'c', 3), root_id: 'r' }]) };
    const c = { ...b, ...mergePosts(b, [{ ...post('y', 'c', 3), root_id: 'r' }]) };
    expect(c.posts.r.reply_count).toBe(2);
  });
});

describe('unread', () => {
  it('compares the channel count with the member count', () => {
    const ch = { total_msg_count: 5 } as ServerChannel;
    expect(unread(ch, { msg_count: 5, mention_count: 0 } as ChannelMembership)).toEqual({ unread: false, mentions: 0 });
    expect(unread(ch, { msg_count: 3, mention_count: 2 } as ChannelMembership)).toEqual({ unread: true, mentions: 2 });
    expect(unread(ch)).toEqual({ unread: false, mentions: 0 });
  });
});

describe('channel labels', () => {
  const users = { u1: { username: 'alice' }, u2: { username: 'bob' } } as unknown as Record<string, UserProfile>;
  it('names a DM by the other person', () => {
    const dm = { type: 'D', name: 'u1__u2', display_name: '' } as ServerChannel;
    expect(channelLabel(dm, 'u1', users)).toBe('bob');
    expect(channelLabel(dm, 'u2', users)).toBe('alice');
    expect(dmPartner(dm, 'u1')).toBe('u2');
  });
  it('uses the display name of other channels', () => {
    expect(channelLabel({ type: 'O', name: 'x', display_name: 'X Files' } as ServerChannel, 'u1', users)).toBe('X Files');
    expect(dmPartner({ type: 'O', name: 'x' } as ServerChannel, 'u1')).toBe('');
  });
});

describe('Store', () => {
  it('merges patches and notifies until unsubscribed', () => {
    const st = new Store();
    let n = 0;
    const off = st.subscribe(() => n++);
    st.set({ error: 'x' });
    off();
    st.set({ error: 'y' });
    expect(n).toBe(1);
    expect(st.s.error).toBe('y');
  });
});

describe('sidebarOrder', () => {
  it('lists channels by name, then DMs and GMs by latest post, without archived ones', () => {
    const ch = (id: string, type: string, display_name: string, last_post_at = 0, delete_at = 0) =>
      ({ id, type, name: type === 'D' ? `me__${id}` : id, display_name, last_post_at, delete_at }) as ServerChannel;
    const s = {
      ...initialState(),
      me: { id: 'me' } as UserProfile,
      channels: {
        z: ch('z', 'O', 'Zebra'), a: ch('a', 'P', 'apple'), old: ch('old', 'O', 'Archive', 0, 5),
        d1: ch('d1', 'D', '', 10), g1: ch('g1', 'G', 'x, y', 20),
      },
    };
    expect(sidebarOrder(s).map((c) => c.id)).toEqual(['a', 'z', 'g1', 'd1']);
  });
});

describe('mergeServerDrafts', () => {
  it('takes the list read from the server', () => {
    expect(mergeServerDrafts({ 'a.': 'listed' }, { 'a.': 'old', 'b.': 'gone' }, { 'a.': 'old', 'b.': 'gone' }))
      .toEqual({ 'a.': 'listed' });
  });
  it('keeps what changed in the store while the list was read', () => {
    // Another session saved 'a.' (draft_created) after the server had read the list; this page
    // deleted 'b.' and saved 'c.' meanwhile; 'd.' did not change and the list has it no more.
    const before = { 'b.': 'typed', 'd.': 'stale' };
    const now = { 'a.': 'newer', 'c.': 'mine', 'd.': 'stale' };
    expect(mergeServerDrafts({ 'b.': 'typed' }, before, now)).toEqual({ 'a.': 'newer', 'c.': 'mine' });
  });
});
