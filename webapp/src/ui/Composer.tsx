// The message box: Enter sends, Shift+Enter breaks the line, Up edits the last post; @user,
// ~channel and :emoji: autocomplete; attachments by button, paste or drop; drafts kept as typed.
import type { FileInfo } from '@mattermost/types/files';
import { useEffect, useRef, useState } from 'preact/hooks';
import { applyCompletion, findTrigger, type Trigger } from '../autocomplete';
import { client } from '../api';
import { emojiMatching } from '../emoji';
import { fullName } from '../people';
import { adoptServerDraft, loadDraft, saveDraft, sendPost, uploadFiles } from '../posts';
import { sendTyping, typingDone } from '../realtime';
import { store } from '../store';
import { useStore } from './hooks';
import { Emoji } from './Emoji';
import { Avatar, editLastPost } from './Post';

interface Choice {
  value: string; // inserted text
  label: string;
  hint?: string;
  userId?: string; // a person: shown with their picture
  emoji?: string; // an emoji: shown drawn
}

async function suggestions(t: Trigger, channelId: string): Promise<Choice[]> {
  const s = store.s;
  if (t.kind === '@') {
    const r = await client.autocompleteUsers(t.term, s.teamId, channelId, { limit: 8 });
    const users = [...(r.users ?? []), ...(r.out_of_channel ?? [])].slice(0, 8);
    const known = { ...store.s.users };
    for (const u of users) known[u.id] ??= u;
    store.set({ users: known });
    const specials = ['all', 'channel', 'here'].filter((n) => t.term && n.startsWith(t.term.toLowerCase()));
    return [
      ...users.map((u) => ({ value: `@${u.username} `, label: `@${u.username}`, hint: fullName(u), userId: u.id })),
      ...specials.map((n) => ({ value: `@${n} `, label: `@${n}`, hint: 'notifies everyone' })),
    ];
  }
  if (t.kind === '~') {
    const list = await client.autocompleteChannels(s.teamId, t.term);
    return list.slice(0, 8).map((c) => ({ value: `~${c.name} `, label: `~${c.name}`, hint: c.display_name }));
  }
  return emojiMatching(t.term, Object.keys(s.customEmoji)).map((n) => ({ value: `:${n}: `, label: `:${n}:`, emoji: n }));
}

export function Composer({ channelId, rootId }: { channelId: string; rootId: string }) {
  const [text, setText] = useState(() => loadDraft(channelId, rootId));
  const [files, setFiles] = useState<FileInfo[]>([]);
  const [uploading, setUploading] = useState(0);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [sel, setSel] = useState(0);
  const trigger = useRef<Trigger | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const query = useRef(0);

  // The box follows the server's copy (one that arrived after the box was drawn, or one saved in
  // another session) while it still shows the copy it last agreed with: what is typed here wins.
  const serverDraft = useStore().serverDrafts[`${channelId}.${rootId}`] ?? '';
  const agreed = useRef(serverDraft);
  useEffect(() => {
    if (serverDraft === agreed.current) return;
    if (text === agreed.current) {
      setText(serverDraft);
      adoptServerDraft(channelId, rootId, serverDraft);
    }
    agreed.current = serverDraft;
  }, [serverDraft]);

  const update = (value: string, caret: number) => {
    setText(value);
    saveDraft(channelId, rootId, value);
    if (value) sendTyping(channelId, rootId);
    const t = findTrigger(value, caret);
    trigger.current = t;
    if (!t) { setChoices([]); return; }
    const n = ++query.current;
    suggestions(t, channelId).then((c) => { if (n === query.current) { setChoices(c); setSel(0); } }, () => setChoices([]));
  };

  const pick = (c: Choice) => {
    const el = box.current!;
    const t = trigger.current;
    if (!t) return;
    const r = applyCompletion(text, el.selectionStart, t, c.value);
    setText(r.text);
    saveDraft(channelId, rootId, r.text);
    setChoices([]);
    trigger.current = null;
    // The caret moves now, not on a later frame: keys typed right after the pick must land
    // after the completion.
    el.value = r.text;
    el.focus();
    el.setSelectionRange(r.caret, r.caret);
  };

  const send = () => {
    const message = text.trim();
    if ((!message && !files.length) || uploading) return;
    void sendPost(channelId, rootId, message, files.map((f) => f.id));
    typingDone(channelId, rootId);
    setText('');
    setFiles([]);
    setChoices([]);
  };

  const attach = async (list: File[]) => {
    if (!list.length) return;
    setUploading((n) => n + list.length);
    const infos = await uploadFiles(channelId, list);
    setUploading((n) => n - list.length);
    setFiles((f) => [...f, ...infos]);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (choices.length) {
      if (e.key === 'ArrowDown') { e.preventDefault(); setSel((sel + 1) % choices.length); return; }
      if (e.key === 'ArrowUp') { e.preventDefault(); setSel((sel - 1 + choices.length) % choices.length); return; }
      if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); pick(choices[sel]); return; }
      if (e.key === 'Escape') { e.stopPropagation(); setChoices([]); return; }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    } else if (e.key === 'ArrowUp' && !text && !rootId) {
      if (editLastPost(channelId)) e.preventDefault();
    }
  };

  return (
    <div class="composer" onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => { e.preventDefault(); void attach([...(e.dataTransfer?.files ?? [])]); }}>
      {choices.length > 0 && (
        <ul class="suggestions" role="listbox" aria-label="Suggestions">
          {choices.map((c, i) => (
            <li key={c.value} role="option" aria-selected={i === sel} class={i === sel ? 'selected' : ''}
              onMouseDown={(e) => { e.preventDefault(); pick(c); }}>
              {c.userId && <Avatar userId={c.userId} small status={false} />}
              {c.emoji && <Emoji name={c.emoji} />}
              <span>{c.label}</span> {c.hint && <small>{c.hint}</small>}
            </li>
          ))}
        </ul>
      )}
      {(files.length > 0 || uploading > 0) && (
        <div class="attachments" aria-label="Attachments">
          {files.map((f) => (
            <span key={f.id} class="attachment">
              {f.mime_type?.startsWith('image/') ? <img src={client.getFileThumbnailUrl(f.id, 0)} alt={f.name} /> : '📎'} {f.name}
              <button class="link" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((x) => x.id !== f.id))}>✕</button>
            </span>
          ))}
          {uploading > 0 && <span class="uploading">Uploading…</span>}
        </div>
      )}
      <div class="composer-row">
        <button class="icon" aria-label="Attach files" title="Attach files" onClick={() => fileInput.current?.click()}>＋</button>
        <input type="file" multiple hidden ref={fileInput} aria-label="File to attach"
          onChange={(e) => { void attach([...(e.currentTarget.files ?? [])]); e.currentTarget.value = ''; }} />
        <textarea ref={box} rows={1} value={text} aria-label={rootId ? 'Reply' : 'Write a message'}
          placeholder={rootId ? 'Reply…' : 'Write a message…'}
          onInput={(e) => update(e.currentTarget.value, e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={(e) => {
            const list = [...(e.clipboardData?.files ?? [])];
            if (list.length) { e.preventDefault(); void attach(list); }
          }} />
        <button class="send" aria-label="Send" onClick={send} disabled={uploading > 0}>➤</button>
      </div>
    </div>
  );
}
