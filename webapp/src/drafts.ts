// What the user typed survives reloads and server restarts: drafts per channel/thread and the
// outbox of posts not yet accepted by the server, both in localStorage.
export interface Draft {
  message: string;
  fileIds: string[];
  updateAt: number;
}

export interface PendingPost {
  pending_post_id: string;
  channel_id: string;
  root_id: string;
  message: string;
  file_ids: string[];
  user_id: string;
  create_at: number;
  failed?: boolean;
}

const DRAFT = 'parley.draft.';
const OUTBOX = 'parley.outbox';

function draftKey(channelId: string, rootId = ''): string {
  return `${DRAFT}${channelId}.${rootId}`;
}

export class DraftStore {
  constructor(private readonly storage: Storage) {}

  get(channelId: string, rootId = ''): Draft | null {
    const raw = this.storage.getItem(draftKey(channelId, rootId));
    if (!raw) return null;
    try {
      const d = JSON.parse(raw) as Draft;
      return typeof d.message === 'string' ? d : null;
    } catch {
      return null;
    }
  }

  set(channelId: string, rootId: string, message: string, fileIds: string[] = [], now = Date.now()) {
    if (!message && fileIds.length === 0) {
      this.remove(channelId, rootId);
      return;
    }
    const d: Draft = { message, fileIds, updateAt: now };
    this.storage.setItem(draftKey(channelId, rootId), JSON.stringify(d));
  }

  remove(channelId: string, rootId = '') {
    this.storage.removeItem(draftKey(channelId, rootId));
  }

  // Every stored draft with its channel and thread.
  entries(): { channelId: string; rootId: string; draft: Draft }[] {
    const out = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i) ?? '';
      if (!key.startsWith(DRAFT)) continue;
      const [channelId, rootId = ''] = key.slice(DRAFT.length).split('.');
      const draft = this.get(channelId, rootId);
      if (draft) out.push({ channelId, rootId, draft });
    }
    return out;
  }
}

export class Outbox {
  constructor(private readonly storage: Storage) {}

  list(): PendingPost[] {
    try {
      const v = JSON.parse(this.storage.getItem(OUTBOX) ?? '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  }

  add(p: PendingPost) {
    const all = this.list().filter((x) => x.pending_post_id !== p.pending_post_id);
    all.push(p);
    this.storage.setItem(OUTBOX, JSON.stringify(all));
  }

  remove(pendingId: string) {
    const all = this.list().filter((x) => x.pending_post_id !== pendingId);
    if (all.length) this.storage.setItem(OUTBOX, JSON.stringify(all));
    else this.storage.removeItem(OUTBOX);
  }
}

// Whether a failed request is worth retrying later (network down, server restarting) rather
// than a refusal the user must see.
export function isTransient(err: unknown): boolean {
  const status = (err as { status_code?: number })?.status_code;
  return !status || status >= 500 || status === 429;
}
