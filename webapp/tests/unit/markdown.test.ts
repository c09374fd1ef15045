// Markdown rendering: formatting, sanitising, mentions, channel links and emoji.
import { describe, expect, it } from 'vitest';
import { loadStandardEmoji } from '../../src/emoji';
import { renderMarkdown } from '../../src/markdown';

describe('renderMarkdown', () => {
  it('renders GitHub-flavoured markdown with line breaks', () => {
    const html = renderMarkdown('**bold** _it_\nnext\n\n```\ncode\n```');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<br>');
    expect(html).toContain('<pre><code>code');
  });
  it('shows raw HTML as text and strips scripts from links', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).not.toContain('javascript:');
  });
  it('opens links in a new tab', () => {
    expect(renderMarkdown('[site](https://example.com)')).toContain('target="_blank"');
  });
  it('marks mentions, highlighting the reader and channel-wide ones', () => {
    const html = renderMarkdown('@bob and @alice and @here', { myUsername: 'alice' });
    expect(html).toContain('<span class="mention" data-username="bob">@bob</span>');
    expect(html).toContain('class="mention mention-me" data-username="alice"');
    expect(html).toContain('class="mention mention-me" data-username="here"');
  });
  it('leaves e-mail addresses and code alone', () => {
    const html = renderMarkdown('mail a@b.com `@alice :smile:`', { myUsername: 'alice' });
    expect(html).not.toContain('mention');
    expect(html).toContain('<code>@alice :smile:</code>');
  });
  it('links ~channels by display name and draws known emoji', async () => {
    await loadStandardEmoji();
    const html = renderMarkdown('see ~town-square :tada: :nosuch:', { channelNames: { 'town-square': 'Town Square' } });
    expect(html).toContain('data-channel="town-square"');
    expect(html).toContain('~Town Square');
    expect(html).toContain('🎉');
    expect(html).toContain(':nosuch:');
  });
  it('draws custom emoji as images', () => {
    const html = renderMarkdown(':partyparrot: and :smile:', { customEmoji: { partyparrot: '/api/v4/emoji/e1/image' } });
    expect(html).toContain('<img class="emoji custom-emoji" src="/api/v4/emoji/e1/image" alt=":partyparrot:" title=":partyparrot:">');
    expect(html).toContain('😄');
  });
});
