// One emoji by name: a custom emoji's image, a standard emoji's character, else ":name:".
import { client } from '../api';
import { emojiChar } from '../emoji';
import { useStore } from './hooks';

export function Emoji({ name }: { name: string }) {
  const s = useStore();
  const id = s.customEmoji[name];
  const char = emojiChar(name);
  if (char) return <span class="emoji">{char}</span>;
  if (id) return <img class="emoji custom-emoji" src={client.getCustomEmojiImageUrl(id)} alt={`:${name}:`} />;
  return <span>:{name}:</span>;
}
