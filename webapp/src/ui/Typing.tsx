// "alice is typing..." under a message list.
import { typingKey } from '../realtime';
import { useStore } from './hooks';

export function TypingLine({ channelId, rootId }: { channelId: string; rootId: string }) {
  const s = useStore();
  const now = Date.now();
  const who = Object.entries(s.typing[typingKey(channelId, rootId)] ?? {})
    .filter(([, until]) => until > now)
    .map(([id]) => s.users[id]?.username ?? 'Someone');
  return (
    <div class="typing" aria-live="polite">
      {who.length === 1 && `${who[0]} is typing...`}
      {who.length > 1 && `${who.join(', ')} are typing...`}
    </div>
  );
}
