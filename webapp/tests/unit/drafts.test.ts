// Drafts and the outbox in localStorage.
import { beforeEach, describe, expect, it } from 'vitest';
import { DraftStore, Outbox, isTransient } from '../../src/drafts';

beforeEach(() => localStorage.clear());

describe('DraftStore', () => {
  it('keeps a draft per channel and thread', () => {
    const d = new DraftStore(localStorage);
    d.set('c1', '', 'channel text', [], 5);
    d.set('c1', 'root', 'reply text');
    expect(d.get('c1')).toEqual({ message: 'channel text', fileIds: [], updateAt: 5 });
    expect(d.get('c1', 'root')?.message).toBe('reply text');
    expect(d.get('c2')).toBeNull();
  });
  it('lists every stored draft', () => {
    const d = new DraftStore(localStorage);
    d.set('c1', '', 'a', [], 1);
    d.set('c2', 'r', 'b', [], 2);
    localStorage.setItem('other', 'x');
    const all = d.entries().sort((x, y) => x.channelId.localeCompare(y.channelId));
    expect(all).toEqual([
      { channelId: 'c1', rootId: '', draft: { message: 'a', fileIds: [], updateAt: 1 } },
      { channelId: 'c2', rootId: 'r', draft: { message: 'b', fileIds: [], updateAt: 2 } },
    ]);
  });
  it('an empty draft removes it, and junk reads as none', () => {
    const d = new DraftStore(localStorage);
    d.set('c1', '', 'x');
    d.set('c1', '', '');
    expect(d.get('c1')).toBeNull();
    localStorage.setItem('parley.draft.c3.', '{not json');
    expect(d.get('c3')).toBeNull();
  });
});

describe('Outbox', () => {
  const p = (id: string) => ({ pending_post_id: id, channel_id: 'c', root_id: '', message: id, file_ids: [], user_id: 'u', create_at: 1 });
  it('keeps posts in order, replaces by pending id and removes', () => {
    const o = new Outbox(localStorage);
    o.add(p('a'));
    o.add(p('b'));
    o.add({ ...p('a'), failed: true });
    expect(o.list().map((x) => [x.pending_post_id, !!x.failed])).toEqual([['b', false], ['a', true]]);
    o.remove('b');
    o.remove('a');
    expect(o.list()).toEqual([]);
    expect(localStorage.getItem('parley.outbox')).toBeNull();
  });
  it('survives a new instance (a reload)', () => {
    new Outbox(localStorage).add(p('x'));
    expect(new Outbox(localStorage).list()[0].message).toBe('x');
  });
});

describe('isTransient', () => {
  it('retries network failures and server errors, not refusals', () => {
    expect(isTransient({ message: 'offline' })).toBe(true);
    expect(isTransient({ status_code: 503 })).toBe(true);
    expect(isTransient({ status_code: 429 })).toBe(true);
    expect(isTransient({ status_code: 403 })).toBe(false);
    expect(isTransient({ status_code: 400 })).toBe(false);
  });
});
