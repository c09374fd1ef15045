// useStore(): a component sees every store change, including one made after it was drawn and
// before its subscription took effect (a server draft arriving just as the composer mounts).
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { store } from '../../src/store';
import { useStore } from '../../src/ui/hooks';

function Drafts() {
  return h('p', null, useStore().serverDrafts['c.'] ?? 'none');
}

const afterEffects = () => new Promise((r) => setTimeout(r, 50));

describe('useStore', () => {
  it('re-renders for a change made between the first render and the subscription', async () => {
    const root = document.createElement('div');
    render(h(Drafts, null), root);
    expect(root.textContent).toBe('none');
    store.set({ serverDrafts: { 'c.': 'half-written' } });
    await afterEffects();
    expect(root.textContent).toBe('half-written');
    store.set({ serverDrafts: {} });
    await afterEffects();
    expect(root.textContent).toBe('none');
    render(null, root);
  });
});
