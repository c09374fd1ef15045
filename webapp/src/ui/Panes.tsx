// Right-hand panes: a thread (root, replies, reply box), search results (messages and files),
// and the pinned or saved messages.
import type { FileSearchResultItem } from '@mattermost/types/files';
import type { Post as PostT } from '@mattermost/types/posts';
import { client } from '../api';
import { jumpTo, showSearchTab } from '../posts';
import { type State, channelLabel, pinnedPosts, savedPosts } from '../state';
import { store } from '../store';
import { Composer } from './Composer';
import { useStore } from './hooks';
import { PendingList } from './MessageList';
import { Post } from './Post';
import { TypingLine } from './Typing';

const close = () => store.set({ threadId: '', search: null, list: null });

const channelName = (s: State, channelId: string) => {
  const ch = s.channels[channelId];
  return ch ? channelLabel(ch, s.me!.id, s.users) : 'channel';
};

// A post found or listed elsewhere, under a button that opens it in its channel.
function Result({ post }: { post: PostT }) {
  const s = useStore();
  return (
    <div class="result">
      <button class="link result-channel" onClick={() => void jumpTo(post)}>{channelName(s, post.channel_id)} — jump</button>
      <Post post={post} inThread />
    </div>
  );
}

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

function FileResult({ file }: { file: FileSearchResultItem }) {
  const s = useStore();
  const url = client.getFileUrl(file.id, 0);
  return (
    <li class="file-result" aria-label={`File ${file.name}`}>
      <span class="file-name">📎 {file.name}</span>
      <small>{channelName(s, file.channel_id)} · {s.users[file.user_id]?.username ?? ''}</small>
      <span>
        <a href={url} target="_blank" rel="noopener">Open</a>{' '}
        <a href={`${url}?download=1`} download={file.name}>Download</a>
      </span>
    </li>
  );
}

export function SearchPane() {
  const s = useStore();
  const r = s.search!;
  const tab = (name: typeof r.tab, label: string, count: number) => (
    <button role="tab" aria-selected={r.tab === name} class={r.tab === name ? 'selected' : ''} onClick={() => showSearchTab(name)}>
      {label}{r.busy ? '' : ` (${count})`}
    </button>
  );
  const empty = r.tab === 'messages' ? r.ids.length === 0 : r.files.length === 0;
  return (
    <aside class="pane" aria-label="Search results">
      <header><h2>Search: {r.terms}</h2><button class="icon" aria-label="Close search" onClick={close}>✕</button></header>
      <div class="tabs" role="tablist">{tab('messages', 'Messages', r.ids.length)}{tab('files', 'Files', r.files.length)}</div>
      <div class="messages" role="tabpanel">
        {r.busy && <p class="empty">Searching…</p>}
        {!r.busy && empty && <p class="empty">No results.</p>}
        {r.tab === 'messages' && r.ids.map((id) => s.posts[id] && <Result key={id} post={s.posts[id]} />)}
        {r.tab === 'files' && <ul class="file-results">{r.files.map((f) => <FileResult key={f.id} file={f} />)}</ul>}
      </div>
    </aside>
  );
}

// The channel's pinned messages or the user's saved ones, kept current by post and preference events.
export function ListPane() {
  const s = useStore();
  const pinned = s.list === 'pinned';
  const title = pinned ? 'Pinned messages' : 'Saved messages';
  const posts = pinned ? pinnedPosts(s, s.channelId) : savedPosts(s);
  return (
    <aside class="pane" aria-label={title}>
      <header><h2>{title}</h2><button class="icon" aria-label={`Close ${title.toLowerCase()}`} onClick={close}>✕</button></header>
      <div class="messages">
        {posts.length === 0 && <p class="empty">{pinned ? 'No pinned messages in this channel.' : 'No saved messages.'}</p>}
        {posts.map((p) => <Result key={p.id} post={p} />)}
      </div>
    </aside>
  );
}
