// Top level: the screen for the session state, the error banner and global shortcuts.
import { useEffect } from 'preact/hooks';
import { openChannel } from '../channels';
import { sidebarOrder } from '../state';
import { store } from '../store';
import { Login, Signup } from './Auth';
import { useStore } from './hooks';
import { Workspace } from './Workspace';
import { TeamPicker } from './Teams';

export function App() {
  const s = useStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k' && store.s.screen === 'channel') {
        e.preventDefault();
        store.set({ modal: 'switcher' });
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && store.s.screen === 'channel') {
        // Alt+Up/Down: previous/next channel in sidebar order.
        e.preventDefault();
        const list = sidebarOrder(store.s);
        const i = list.findIndex((c) => c.id === store.s.channelId);
        const next = list[(i + (e.key === 'ArrowUp' ? list.length - 1 : 1)) % list.length];
        if (next) void openChannel(next.id);
      } else if (e.key === 'Escape') {
        if (store.s.modal) store.set({ modal: null });
        else if (store.s.threadId || store.s.search || store.s.list) store.set({ threadId: '', search: null, list: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      {s.error && (
        <div class="banner" role="alert">
          <span>{s.error}</span>
          <button class="link" onClick={() => store.set({ error: '' })} aria-label="Dismiss">✕</button>
        </div>
      )}
      {s.screen === 'loading' && <div class="boot">Parley</div>}
      {s.screen === 'login' && <Login />}
      {s.screen === 'signup' && <Signup />}
      {s.screen === 'teams' && <TeamPicker />}
      {s.screen === 'channel' && <Workspace />}
    </>
  );
}
