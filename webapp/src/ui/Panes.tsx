// Right-hand panes: a thread (root, replies, reply box) and search results.
import { jumpTo } from '../posts';
import { channelLabel } from '../state';
import { store } from '../store';
import { Composer } from './Composer';
import { useStore } from './hooks';
import { PendingList } from './MessageList';
import { Post } from './Post';
import { TypingLine } from './Typing';

const close = () => store.set({ threadId: '', search: null });

export function ThreadPane() {
  const s = useStore();
  const root = s.posts[s.threadId];
  const replies = Object.values(s.posts)
    .filter((p) => p.root_id === s.threadId)
    .sort((a, b) => a.create_at - b.create_at);
  return (
    <aside class="pane" aria-label="Thread">
      <header><h2>Thread</h2><button class="icon" aria-label="Close thread" onClick={close}>✕</button></header>
      <div class="messages">
        {root && <Post post={root} inThread />}
        {replies.length > 0 && <div class="divider">{replies.length} {replies.length === 1 ? 'reply' : 'replies'}</div>}
        {replies.map((p) => <Post key={p.id} post={p} inThread />)}
        {root && <PendingList channelId={root.channel_id} rootId={root.id} />}
      </div>
      {root && <TypingLine channelId={root.channel_id} rootId={root.id} />}
      {root && <Composer key={root.id} channelId={root.channel_id} rootId={root.id} />}
    </aside>
  );
}

export function SearchPane() {
  const s = useStore();
  const r = s.search!;
  return (
    <aside class="pane" aria-label="Search results">
      <header><h2>Search: {r.terms}</h2><button class="icon" aria-label="Close search" onClick={close}>✕</button></header>
      <div class="messages">
        {r.busy && <p class="empty">Searching…</p>}
        {!r.busy && r.ids.length === 0 && <p class="empty">No results.</p>}
        {r.ids.map((id) => {
          const p = s.posts[id];
          if (!p) return null;
          const ch = s.channels[p.channel_id];
          return (
            <div key={id} class="result">
              <button class="link result-channel" onClick={() => void jumpTo(p)}>
                {ch ? channelLabel(ch, s.me!.id, s.users) : 'channel'} — jump
              </button>
              <Post post={p} inThread />
            </div>
          );
        })}
      </div>
    </aside>
  );
}
