// The standard emoji table (loaded on demand) and name matching (src/emoji.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { emojiChar, emojiMatching, FAVOURITES, loadStandardEmoji } from '../../src/emoji';

describe('standard emoji', () => {
  it('knows nothing until the table is loaded, then Mattermost short names and aliases', async () => {
    expect(emojiChar('tada')).toBeUndefined();
    await loadStandardEmoji();
    expect(emojiChar('tada')).toBe('🎉');
    expect(emojiChar('+1')).toBe('👍');
    expect(emojiChar('thumbsup')).toBe('👍');
    expect(emojiChar('smile')).toBe('😄');
    expect(emojiChar('unicorn_face')).toBe('🦄');
    expect(emojiChar('thinking_face')).toBe('🤔');
    expect(emojiChar('nosuch')).toBeUndefined();
  });
});

describe('emojiMatching', () => {
  beforeAll(() => loadStandardEmoji());
  it('lists names starting with the term first, then those containing it', () => {
    const found = emojiMatching('unic', [], 50);
    expect(found[0]).toBe('unicorn_face');
    const heart = emojiMatching('heart', [], 100);
    expect(heart[0]).toBe('heart');
    expect(heart).toContain('broken_heart');
    expect(heart.indexOf('broken_heart')).toBeGreaterThan(heart.indexOf('heart_eyes'));
  });
  it('includes custom names, and keeps to the limit', () => {
    expect(emojiMatching('partyp', ['partyparrot', 'partypenguin'])).toEqual(['partyparrot', 'partypenguin']);
    expect(emojiMatching('s', [], 8)).toHaveLength(8);
  });
  it('offers only known names as favourites', () => {
    for (const n of FAVOURITES) expect(emojiChar(n), n).toBeTruthy();
  });
});
