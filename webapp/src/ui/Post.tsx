// One post: author, time, pinned/saved markers, rendered markdown, files, reactions, and its
// actions (reply, react, pin, save, edit, delete; only save in an archived channel). Also the
// status dot and avatar used elsewhere.
import type { FileInfo } from '@mattermost/types/files';
import type { Post as PostT } from '@mattermost/types/posts';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { client } from '../api';
import { openChannelByName } from '../channels';
import { customEmojiUrls, ensureCustomEmoji } from '../customEmoji';
import { setPinned, setSaved } from '../lists';
import { renderMarkdown } from '../markdown';
import { fullName, initials } from '../people';
import { deletePost, editPost, openThread, toggleReaction } from '../posts';
import { store } from '../store';
import { Emoji } from './Emoji';
import { EmojiPicker } from './EmojiPicker';
import { useStore } from './hooks';

export function StatusDot({ status }: { status?: string }) {
  const st = status ?? 'offline';
  return <span class={`status status-${st}`} role="img" aria-label={st} title={st} />;
}

// The user's picture (a fresh URL for each new picture); their initials when it cannot be loaded.
export function Avatar({ userId, small = false, status = true }: { userId: string; small?: boolean; status?: boolean }) {
  const s = useStore();
  const user = s.users[userId];
  const src = user ? client.getProfilePictureUrl(userId, user.last_picture_update) : '';
  const [failed, setFailed] = useState('');
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) % 360;
  return (
    <span class={`avatar ${small ? 'small' : ''}`} style={{ background: `hsl(${h} 45% 45%)` }}>
      {src && failed !== src ? <img src={src} alt="" loading="lazy" onError={() => setFailed(src)} /> : <span aria-hidden="true">{initials(user)}</span>}
      {status && <StatusDot status={s.statuses[userId]} />}
    </span>
  );
}

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function Files({ files }: { files: FileInfo[] }) {
  return (
    <div class="files">
      {files.map((f) => f.mime_type?.startsWith('image/') ? (
        <a key={f.id} href={client.getFileUrl(f.id, 0)} target="_blank" rel="noopener" class="file-image">
          <img src={client.getFilePreviewUrl(f.id, 0)} alt={f.name} loading="lazy"
            width={f.width && f.height ? Math.min(f.width, 360) : undefined}
            height={f.width && f.height ? Math.round(Math.min(f.width, 360) * f.height / f.width) : undefined} />
        </a>
      ) : (
        <a key={f.id} href={client.getFileUrl(f.id, 0) + '?download=1'} class="file" download={f.name}>📎 {f.name}</a>
      ))}
    </div>
  );
}

function Reactions({ post }: { post: PostT }) {
  const s = useStore();
  const groups = new Map<string, string[]>();
  for (const r of post.metadata?.reactions ?? []) groups.set(r.emoji_name, [...(groups.get(r.emoji_name) ?? []), r.user_id]);
  useEffect(() => ensureCustomEmoji([...groups.keys()]), [post.metadata?.reactions]);
  if (!groups.size) return null;
  return (
    <div class="reactions">
      {[...groups].map(([name, users]) => (
        <button key={name} class={`reaction ${users.includes(s.me!.id) ? 'mine' : ''}`}
          aria-label={`${name} reaction, ${users.length}`} aria-pressed={users.includes(s.me!.id)}
          title={users.map((u) => s.users[u]?.username ?? u).join(', ')}
          onClick={() => void toggleReaction(post, name)}>
          <Emoji name={name} /> {users.length}
        </button>
      ))}
    </div>
  );
}

export function Post({ post, inThread = false, compact = false }: { post: PostT; inThread?: boolean; compact?: boolean }) {
  const s = useStore();
  const me = s.me!;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(post.message);
  const [picker, setPicker] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const channelNames = useMemo(() => Object.fromEntries(Object.values(s.channels).map((c) => [c.name, c.display_name])), [s.channels]);
  const customEmoji = customEmojiUrls();
  const html = useMemo(() => renderMarkdown(post.message, { myUsername: me.username, channelNames, customEmoji }),
    [post.message, me.username, channelNames, customEmoji, s.emojiLoaded]);
  const mine = post.user_id === me.id;
  const admin = me.roles?.includes('system_admin');
  const root = post.root_id ? s.posts[post.root_id] : undefined;
  const saved = !!s.saved[post.id];
  const archived = (s.channels[post.channel_id]?.delete_at ?? 0) > 0;
  const onClick = (e: MouseEvent) => {
    const a = (e.target as HTMLElement).closest('a.channel-link') as HTMLElement | null;
    if (a) {
      e.preventDefault();
      void openChannelByName(a.dataset.channel!);
    }
  };
  if (post.type && post.type.startsWith('system_')) {
    return <div class="post system" data-post-id={post.id}><span class="time">{time(post.create_at)}</span> {post.message}</div>;
  }
  return (
    <article class={`post ${compact ? 'compact' : ''}`} data-post-id={post.id} aria-label={`Message from ${s.users[post.user_id]?.username ?? 'someone'}`}
      tabIndex={0}>
      {compact ? <span class="avatar-space" /> : <Avatar userId={post.user_id} />}
      <div class="post-body">
        <div class="post-head">
          <strong class="author">{s.users[post.user_id]?.username ?? post.user_id.slice(0, 8)}</strong>
          {fullName(s.users[post.user_id]) && <span class="full-name">{fullName(s.users[post.user_id])}</span>}
          <time dateTime={new Date(post.create_at).toISOString()}>{time(post.create_at)}</time>
          {!compact && post.edit_at > 0 && <span class="edited">(edited)</span>}
          {post.is_pinned && <span class="marker">📌 Pinned</span>}
          {saved && <span class="marker">🔖 Saved</span>}
        </div>
        {!inThread && root && <div class="reply-to">replied to {s.users[root.user_id]?.username ?? ''}: {root.message.slice(0, 60)}</div>}
        {editing ? (
          <form class="edit" onSubmit={(e) => { e.preventDefault(); void editPost(post.id, text); setEditing(false); }}>
            <textarea aria-label="Edit message" value={text} autoFocus onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void editPost(post.id, text); setEditing(false); }
                if (e.key === 'Escape') { e.stopPropagation(); setEditing(false); }
              }} />
            <button type="submit">Save</button> <button type="button" class="link" onClick={() => setEditing(false)}>Cancel</button>
          </form>
        ) : (
          <div class="message" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
        )}
        {compact && post.edit_at > 0 && <span class="edited">(edited)</span>}
        {post.metadata?.files && post.metadata.files.length > 0 && <Files files={post.metadata.files} />}
        <Reactions post={post} />
        {!inThread && !post.root_id && (post.reply_count ?? 0) > 0 && (
          <button class="link replies" onClick={() => void openThread(post.id)}>{post.reply_count} {post.reply_count === 1 ? 'reply' : 'replies'}</button>
        )}
        {confirm && (
          <div class="confirm" role="alertdialog" aria-label="Delete message?">
            Delete this message? <button onClick={() => { setConfirm(false); void deletePost(post.id); }}>Delete</button>{' '}
            <button class="link" onClick={() => setConfirm(false)}>Cancel</button>
          </div>
        )}
        {picker && (
          <EmojiPicker onPick={(n) => { setPicker(false); void toggleReaction(post, n); }} />
        )}
      </div>
      <div class="actions" role="toolbar" aria-label="Message actions">
        {!inThread && !archived && <button class="icon" aria-label="Reply" title="Reply" onClick={() => void openThread(post.root_id || post.id)}>↩</button>}
        {!archived && <button class="icon" aria-label="Add reaction" title="Add reaction" onClick={() => setPicker(!picker)}>☺</button>}
        {!archived && (post.is_pinned
          ? <button class="icon" aria-label="Unpin from channel" title="Unpin from channel" onClick={() => void setPinned(post, false)}>📍</button>
          : <button class="icon" aria-label="Pin to channel" title="Pin to channel" onClick={() => void setPinned(post, true)}>📌</button>)}
        {saved
          ? <button class="icon" aria-label="Remove from saved" title="Remove from saved" onClick={() => void setSaved(post, false)}>🔖</button>
          : <button class="icon" aria-label="Save message" title="Save message" onClick={() => void setSaved(post, true)}>🏷</button>}
        {mine && !archived && <button class="icon" aria-label="Edit" title="Edit" onClick={() => { setText(post.message); setEditing(true); }}>✎</button>}
        {(mine || admin) && !archived && <button class="icon" aria-label="Delete" title="Delete" onClick={() => setConfirm(true)}>⌫</button>}
      </div>
    </article>
  );
}

// Lets the composer start editing the user's last post (Up arrow in an empty box).
export function editLastPost(channelId: string) {
  const s = store.s;
  const ids = s.order[channelId] ?? [];
  for (let i = ids.length - 1; i >= 0; i--) {
    const p = s.posts[ids[i]];
    if (p?.user_id === s.me?.id && !p.root_id) {
      const el = document.querySelector(`[data-post-id="${p.id}"] button[aria-label="Edit"]`) as HTMLButtonElement | null;
      el?.click();
      return true;
    }
  }
  return false;
}
