// A channel's messages (oldest first) plus its unsent posts, kept scrolled to the newest.
import { useEffect, useRef } from 'preact/hooks';
import { loadOlder } from '../channels';
import { discardPending } from '../posts';
import { useStore } from './hooks';
import { Avatar, Post } from './Post';

export function PendingList({ channelId, rootId }: { channelId: string; rootId: string }) {
  const s = useStore();
  const mine = s.pending.filter((p) => p.channel_id === channelId && p.root_id === rootId && p.user_id === s.me?.id);
  return (
    <>
      {mine.map((p) => (
        <article key={p.pending_post_id} class="post pending" aria-label="Unsent message">
          <Avatar userId={p.user_id} />
          <div class="post-body">
            <div class="post-head"><strong class="author">{s.me?.username}</strong>
              <span class="sending">{p.failed ? 'failed' : 'sending…'}</span>
              {p.failed && <button class="link" onClick={() => discardPending(p.pending_post_id)}>Discard</button>}
            </div>
            <div class="message">{p.message}</div>
          </div>
        </article>
      ))}
    </>
  );
}

export function MessageList({ channelId }: { channelId: string }) {
  const s = useStore();
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true); // follow new messages only while the reader is at the end
  const loaded = s.order[channelId] !== undefined;
  const ids = s.order[channelId] ?? [];
  const last = ids[ids.length - 1];
  const lastMine = s.posts[last]?.user_id === s.me?.id;
  const pendingCount = s.pending.length;
  useEffect(() => {
    atBottom.current = true;
  }, [channelId]);
  useEffect(() => {
    const el = ref.current;
    if (el && (atBottom.current || lastMine)) el.scrollTop = el.scrollHeight;
  }, [channelId, last, pendingCount]);
  const onScroll = () => {
    const el = ref.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  };
  return (
    <div class="messages" ref={ref} role="log" aria-label="Messages" onScroll={onScroll}>
      {!loaded && <p class="empty">Loading…</p>}
      {loaded && ids.length === 0 && <p class="empty">No messages yet. Say hello!</p>}
      {ids.length > 0 && !s.complete[channelId] && (
        <button class="link older" onClick={() => void loadOlder(channelId)}>Load older messages</button>
      )}
      {ids.map((id, i) => {
        const p = s.posts[id];
        if (!p) return null;
        const prev = s.posts[ids[i - 1]];
        // Consecutive posts by one author within 5 minutes (and not replies) share one header.
        const compact = !!prev && prev.user_id === p.user_id && !p.root_id && !prev.type && !p.type &&
          p.create_at - prev.create_at < 5 * 60 * 1000;
        return <Post key={id} post={p} compact={compact} />;
      })}
      <PendingList channelId={channelId} rootId="" />
    </div>
  );
}
