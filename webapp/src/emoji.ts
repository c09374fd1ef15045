// Emoji by Mattermost short names: the full standard table (emoji-datasource, whose names
// Mattermost and the server accept: +1, thumbsup, smile, tada), loaded on demand as a chunk of
// its own so the main bundle stays small, and name matching for the ":" autocomplete and picker.
// Until the table is loaded, :name: shows as text.
let standard: Map<string, string> | null = null; // name -> character
let loading: Promise<void> | null = null;

export function loadStandardEmoji(): Promise<void> {
  loading ??= import('virtual:emoji-table').then(({ default: rows }) => {
    const table = new Map<string, string>();
    for (const [char, ...names] of rows) for (const n of names) table.set(n, char);
    standard = table;
  });
  return loading;
}

// The picker's first choices, in order.
export const FAVOURITES = ['+1', 'heart', 'smile', 'joy', 'tada', 'eyes', 'white_check_mark', 'fire',
  'rocket', 'pray', 'clap', 'thinking_face', 'cry', '-1', '100', 'sunglasses', 'wave', 'bug'];

export function emojiChar(name: string): string | undefined {
  return standard?.get(name);
}

// Standard and custom names: the term itself, those starting with it, then those containing it.
export function emojiMatching(term: string, customNames: string[] = [], limit = 8): string[] {
  const t = term.toLowerCase();
  const names = [...customNames, ...(standard?.keys() ?? [])];
  const starts = names.filter((n) => n.startsWith(t));
  const contains = t.length > 1 ? names.filter((n) => !n.startsWith(t) && n.includes(t)) : [];
  return [...new Set([...starts.filter((n) => n === t), ...starts, ...contains])].slice(0, limit);
}
