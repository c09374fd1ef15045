// Renders a Mattermost message to safe HTML: marked (GitHub-flavoured, line breaks kept), raw
// HTML shown as text, @mentions, ~channels and :emoji: (standard as characters, custom as
// images) as inline tokens, then DOMPurify.
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { emojiChar } from './emoji';

export interface RenderContext {
  myUsername?: string;
  // channel display names by name, for ~channel links
  channelNames?: Record<string, string>;
  // custom emoji image URLs by name
  customEmoji?: Record<string, string>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// One parser; its renderers read the context of the current call.
let ctx: RenderContext = {};
let parser: Marked | null = null;

function makeParser() {
  const m = new Marked({ gfm: true, breaks: true, async: false });
  m.use({
    renderer: {
      html: (t: Tokens.HTML | Tokens.Tag) => escapeHtml(t.text),
    },
    extensions: [
      {
        name: 'mention',
        level: 'inline',
        start: (src: string) => src.match(/(^|[^\w@])@[a-z0-9]/i)?.index,
        tokenizer(src: string) {
          const r = /^@([a-z0-9][a-z0-9._-]*[a-z0-9_]|[a-z0-9])/i.exec(src);
          if (r) return { type: 'mention', raw: r[0], name: r[1] };
          return undefined;
        },
        renderer(t) {
          const name = String(t.name);
          const lower = name.toLowerCase();
          const me = ctx.myUsername?.toLowerCase();
          const highlight = lower === me || ['all', 'channel', 'here'].includes(lower);
          return `<span class="mention${highlight ? ' mention-me' : ''}" data-username="${escapeHtml(name)}">@${escapeHtml(name)}</span>`;
        },
      },
      {
        name: 'channelLink',
        level: 'inline',
        start: (src: string) => src.match(/(^|\s)~[a-z0-9]/i)?.index,
        tokenizer(src: string) {
          const r = /^~([a-z0-9][a-z0-9_-]*)/i.exec(src);
          if (r) return { type: 'channelLink', raw: r[0], name: r[1] };
          return undefined;
        },
        renderer(t) {
          const name = String(t.name);
          const label = ctx.channelNames?.[name] ?? name;
          return `<a class="channel-link" data-channel="${escapeHtml(name)}" href="#">~${escapeHtml(label)}</a>`;
        },
      },
      {
        name: 'emoji',
        level: 'inline',
        start: (src: string) => src.indexOf(':') >= 0 ? src.indexOf(':') : undefined,
        tokenizer(src: string) {
          const r = /^:([a-z0-9_+-]+):/.exec(src);
          if (r && (emojiChar(r[1]) || ctx.customEmoji?.[r[1]])) return { type: 'emoji', raw: r[0], name: r[1] };
          return undefined;
        },
        renderer(t) {
          const name = escapeHtml(String(t.name));
          const char = emojiChar(String(t.name));
          if (char) return `<span class="emoji" title=":${name}:">${char}</span>`;
          return `<img class="emoji custom-emoji" src="${escapeHtml(ctx.customEmoji![String(t.name)])}" alt=":${name}:" title=":${name}:">`;
        },
      },
    ],
  });
  return m;
}

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.getAttribute('href') && !node.hasAttribute('data-channel')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

export function renderMarkdown(message: string, context: RenderContext = {}): string {
  ctx = context;
  parser ??= makeParser();
  const html = parser.parse(message) as string;
  return purifier().sanitize(html, { ADD_ATTR: ['target', 'data-username', 'data-channel'] });
}
