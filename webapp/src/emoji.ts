// A small table of common emoji by their Mattermost short names, for :name: in messages, the
// reaction picker and the ":" autocomplete. Names not in the table render as text.
const EMOJI: Record<string, string> = {
  '+1': '👍', thumbsup: '👍', '-1': '👎', thumbsdown: '👎', smile: '😄', smiley: '😃', grinning: '😀',
  laughing: '😆', joy: '😂', wink: '😉', blush: '😊', slightly_smiling_face: '🙂', upside_down_face: '🙃',
  heart_eyes: '😍', kissing_heart: '😘', thinking_face: '🤔', neutral_face: '😐', expressionless: '😑',
  unamused: '😒', sweat_smile: '😅', cry: '😢', sob: '😭', angry: '😠', rage: '😡', scream: '😱',
  sunglasses: '😎', confused: '😕', open_mouth: '😮', sleeping: '😴', stuck_out_tongue: '😛',
  heart: '❤️', broken_heart: '💔', fire: '🔥', tada: '🎉', rocket: '🚀', eyes: '👀', clap: '👏',
  wave: '👋', pray: '🙏', muscle: '💪', ok_hand: '👌', raised_hands: '🙌', point_up: '☝️',
  white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', warning: '⚠️', question: '❓',
  exclamation: '❗', star: '⭐', sparkles: '✨', zap: '⚡', bulb: '💡', memo: '📝', bug: '🐛',
  coffee: '☕', beer: '🍺', pizza: '🍕', cake: '🍰', sunny: '☀️', cloud: '☁️', umbrella: '☔',
  snowflake: '❄️', rainbow: '🌈', 100: '💯', hourglass: '⌛', calendar: '📅', lock: '🔒',
  key: '🔑', link: '🔗', email: '📧', phone: '📱', computer: '💻', chart_with_upwards_trend: '📈',
  moneybag: '💰', gift: '🎁', trophy: '🏆', checkered_flag: '🏁', see_no_evil: '🙈', poop: '💩',
  robot: '🤖', ghost: '👻', skull: '💀', party_popper: '🎉', hugs: '🤗', shrug: '🤷', facepalm: '🤦',
};

// The picker's choices, in order.
export const PICKER = ['+1', 'heart', 'smile', 'joy', 'tada', 'eyes', 'white_check_mark', 'fire',
  'rocket', 'pray', 'clap', 'thinking_face', 'cry', '-1', '100', 'sunglasses', 'wave', 'bug'];

export function emojiChar(name: string): string | undefined {
  return Object.hasOwn(EMOJI, name) ? EMOJI[name] : undefined;
}

// Names starting with the prefix, for autocomplete.
export function emojiMatching(prefix: string, limit = 8): string[] {
  const p = prefix.toLowerCase();
  return Object.keys(EMOJI).filter((n) => n.startsWith(p)).slice(0, limit);
}
