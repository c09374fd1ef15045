// A modal dialog with a title and a close button; a click outside closes it too.
import type { ComponentChildren } from 'preact';
import { store } from '../store';

export function Dialog({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="overlay" onClick={(e) => { if (e.target === e.currentTarget) store.set({ modal: null }); }}>
      <div class="dialog" role="dialog" aria-modal="true" aria-label={title}>
        <header><h2>{title}</h2><button class="icon" aria-label="Close" onClick={() => store.set({ modal: null })}>✕</button></header>
        {children}
      </div>
    </div>
  );
}
