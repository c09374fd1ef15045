// Finds the @user, ~channel or :emoji word being typed at the caret, and splices a chosen
// completion into the text.
export type TriggerKind = '@' | '~' | ':';
export interface Trigger {
  kind: TriggerKind;
  term: string; // what follows the trigger character, up to the caret
  start: number; // index of the trigger character
}

const WORD = /[A-Za-z0-9._+-]*$/;

export function findTrigger(text: string, caret: number): Trigger | null {
  const before = text.slice(0, caret);
  const m = WORD.exec(before);
  const word = m ? m[0] : '';
  const start = caret - word.length - 1;
  if (start < 0) return null;
  const ch = before[start];
  if (ch !== '@' && ch !== '~' && ch !== ':') return null;
  // The trigger must begin a word (not an e-mail address or a time like 10:30).
  if (start > 0 && !/\s|\(/.test(before[start - 1])) return null;
  if (ch === ':' && word.length < 2) return null;
  return { kind: ch, term: word, start };
}

// Replaces the trigger word with `value` (e.g. "@alice " or ":smile: "); returns the new text and caret.
export function applyCompletion(text: string, caret: number, t: Trigger, value: string) {
  const out = text.slice(0, t.start) + value + text.slice(caret);
  return { text: out, caret: t.start + value.length };
}
