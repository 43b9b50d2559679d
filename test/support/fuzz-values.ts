/**
 * fast-check arbitraries for what can arrive in a view submission's `state.values`, by element type:
 * what Slack's client sends, hostile text it lets through, values it would never produce (forged
 * options, unknown people) and shapes no client produces (wrong types, impossible dates, absent
 * entries). Mention and broadcast injections use ids the bot never mentions itself (U123, C123…),
 * so any of them found in the bot's output came from what the person typed.
 */
import fc from 'fast-check';
import type { Json } from '../../src/devtools/slack-stand-in';

/**
 * - valid: something Slack's client sends for this element.
 * - hostile: text the client lets through: injections, mrkdwn, control characters, over-long.
 * - forged: the right shape, a value the client would not offer (unknown option, unknown person).
 * - broken: the wrong type, an impossible date or time, or no entry at all: a required block
 *   carrying one must be refused.
 */
export type Fate = 'valid' | 'hostile' | 'forged' | 'broken';

export interface FuzzedBlock {
  blockId: string;
  fate: Fate;
  /** The whole `values[blockId]` entry; undefined leaves the block out of `state.values`. */
  entry: Json | undefined;
  /** Text the person typed into it, for the mention check. */
  typed?: string;
}

/** What a valid value can be drawn from. */
export interface FuzzWorld {
  users: readonly string[];
  channels: readonly string[];
  /** 'YYYY-MM-DD' in the app's clock: valid dates are drawn after it. */
  today: string;
}

export const INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<@U123>',
  '<@U123|the boss>',
  '<@W123>',
  '<#C123>',
  '<#C123|general>',
  '<!subteam^S123>',
  '<!date^1392734382^{date}|Feb 18>',
  '<https://evil.example/login|Reset your password>',
  '<mailto:x@evil.example|mail>',
] as const;
const MRKDWN = ['*bold*', '_italic_', '~strike~', '`code`', '```\nblock\n```', '> quote', '&amp;', '&lt;', '&gt;', '<', '>', '&', ':wave:', '\\n', '|'];
const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 8 });
const piece = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...MRKDWN),
  controlChars,
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

/** Text a person can type (or paste) that the bot must show as text, never as a mention or markup. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' ')), weight: 6 },
  // Over-long: Slack's client enforces max_length, a forged payload does not; 3000 is Slack's text limit.
  {
    arbitrary: fc.tuple(fc.integer({ min: 2990, max: 12_000 }), fc.constantFrom(...INJECTIONS)).map(([n, inj]) => `${inj} ${'x'.repeat(n)} ${inj}`),
    weight: 1,
  },
  { arbitrary: fc.constantFrom('', ' ', '\n\t', '\u0000', '\u200b', '\ud83d\ude00'.repeat(40)), weight: 1 },
);

const benignText = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/[<>&]/.test(s));

/** Any JSON where an element's state object should be, or a state object with fields of the wrong type. */
function wrongType(type: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string({ maxLength: 10 }),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    fc.constant({}),
    fc.record({ type: fc.integer() }),
    fc.record({ type: fc.constant(type), value: fc.oneof(fc.integer(), fc.boolean(), fc.constant({ text: 'x' })) }),
    fc.record({ type: fc.constant(type), selected_option: fc.oneof(fc.string(), fc.integer(), fc.record({ value: fc.integer() })) }),
    fc.record({ type: fc.constant(type), selected_user: fc.oneof(fc.integer(), fc.array(fc.string(), { maxLength: 2 })) }),
    fc.record({ type: fc.constant(type), selected_date: fc.oneof(fc.integer(), fc.constant({})) }),
    fc.record({ type: fc.constant(type), selected_time: fc.oneof(fc.integer(), fc.constant([])) }),
  );
}

const INVALID_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-5',
  '26-01-05',
  'tomorrow',
  '',
  '2026-12-01T10:00:00Z',
  '99999-01-01',
  '0000-00-00',
  '2026/12/01',
];
const INVALID_TIMES = ['24:00', '23:60', '9:5', '10:00:00', 'noon', '', '-1:00', '10h00', '١٠:٠٠'];

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function options(el: Json): Json[] {
  return [...(el.options ?? []), ...((el.option_groups ?? []) as Json[]).flatMap((group) => group.options ?? [])];
}

const forgedOption = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...INJECTIONS), fc.constant('x'.repeat(200))).map((value) => ({
  text: { type: 'plain_text', text: 'forged' },
  value,
}));

interface ElementArbs {
  valid?: fc.Arbitrary<Json>;
  hostile?: fc.Arbitrary<{ state: Json; typed: string }>;
  forged?: fc.Arbitrary<Json>;
  broken?: fc.Arbitrary<Json>;
}

/** Per element type: arbitraries of its state object (`values[block][action]`) for each fate. */
function elementArbs(el: Json, world: FuzzWorld, validText?: fc.Arbitrary<string>): ElementArbs {
  const type = String(el.type);
  const known = <T>(list: readonly T[]) => (list.length > 0 ? fc.constantFrom(...list) : fc.constant(undefined as T));
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return {
        valid: (validText ?? (el.initial_value ? fc.constant(String(el.initial_value)) : benignText)).map((value) => ({ type, value })),
        hostile: hostileText.map((value) => ({ state: { type, value }, typed: value })),
        broken: fc.constantFrom({ type, value: null }, { type }, { type, value: '' }),
      };
    case 'rich_text_input':
      return {
        valid: benignText.map((text) => ({ type, rich_text_value: richText(text) })),
        hostile: hostileText.map((text) => ({ state: { type, rich_text_value: richText(text) }, typed: text })),
        broken: fc.constantFrom({ type, rich_text_value: null }, { type, rich_text_value: 'text' }),
      };
    case 'users_select':
      return {
        valid: known(world.users).map((id) => ({ type, selected_user: id })),
        forged: fc.constantFrom('U0NOBODY', 'W0GHOST', 'USLACKBOT', '<!channel>', 'u123', 'D0DIRECT').map((id) => ({ type, selected_user: id })),
        broken: fc.constant({ type, selected_user: null }),
      };
    case 'multi_users_select':
      return {
        valid: fc.subarray([...world.users], { minLength: 1 }).map((ids) => ({ type, selected_users: ids })),
        forged: fc.array(fc.constantFrom('U0NOBODY', '<!here>', ''), { minLength: 1, maxLength: 3 }).map((ids) => ({ type, selected_users: ids })),
        broken: fc.constantFrom({ type, selected_users: 'U123' }, { type, selected_users: [] }),
      };
    case 'conversations_select':
    case 'channels_select': {
      const field = type === 'channels_select' ? 'selected_channel' : 'selected_conversation';
      return {
        valid: known(world.channels).map((id) => ({ type, [field]: id })),
        forged: fc.constantFrom('C0NOPE', 'D0DIRECT', 'G0SECRET', '<!here>', 'c123').map((id) => ({ type, [field]: id })),
        broken: fc.constant({ type, [field]: null }),
      };
    }
    case 'multi_conversations_select':
    case 'multi_channels_select': {
      const field = type === 'multi_channels_select' ? 'selected_channels' : 'selected_conversations';
      return {
        valid: fc.subarray([...world.channels], { minLength: 1 }).map((ids) => ({ type, [field]: ids })),
        forged: fc.constant({ type, [field]: ['C0NOPE'] }),
        broken: fc.constant({ type, [field]: 'C123' }),
      };
    }
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return {
        valid: known(options(el)).map((option) => ({ type, selected_option: option })),
        forged: forgedOption.map((option) => ({ type, selected_option: option })),
        broken: fc.constant({ type, selected_option: null }),
      };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return {
        valid: fc.subarray(options(el)).map((chosen) => ({ type, selected_options: chosen })),
        forged: fc.array(forgedOption, { minLength: 1, maxLength: 3 }).map((chosen) => ({ type, selected_options: chosen })),
        broken: fc.constant({ type, selected_options: 'all' }),
      };
    case 'datepicker':
      return {
        valid: fc.integer({ min: 1, max: 300 }).map((days) => ({ type, selected_date: addDays(world.today, days) })),
        broken: fc.constantFrom(...INVALID_DATES).map((date) => ({ type, selected_date: date })),
      };
    case 'timepicker':
      return {
        valid: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => ({
          type,
          selected_time: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
        })),
        broken: fc.constantFrom(...INVALID_TIMES).map((time) => ({ type, selected_time: time })),
      };
    case 'datetimepicker':
      return {
        valid: fc
          .integer({ min: 1, max: 300 })
          .map((days) => ({ type, selected_date_time: Math.floor(Date.parse(`${addDays(world.today, days)}T10:00:00Z`) / 1000) })),
        broken: fc.constantFrom('tomorrow', -1, 1e20).map((value) => ({ type, selected_date_time: value })),
      };
    default:
      return {};
  }
}

function richText(text: string): Json {
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] };
}

/**
 * One input block's fuzzed `values` entry. `valid` draws only what Slack's client sends; `deviant`
 * only what it would not (or hostile text); `any` mixes them.
 */
export function blockArbitrary(
  block: Json,
  world: FuzzWorld,
  opts: { validText?: fc.Arbitrary<string>; mode: 'valid' | 'deviant' | 'any' },
): fc.Arbitrary<FuzzedBlock> {
  const el: Json = block.element;
  const blockId = String(block.block_id);
  const actionId = String(el.action_id);
  const arbs = elementArbs(el, world, opts.validText);
  const entry = (state: unknown): Json => ({ [actionId]: state });
  const valid = arbs.valid?.map((s): FuzzedBlock => ({ blockId, fate: 'valid', entry: entry(s), typed: textOf(s) }));
  if (opts.mode === 'valid' && valid) return valid;
  const choices: Array<{ arbitrary: fc.Arbitrary<FuzzedBlock>; weight: number }> = [];
  if (valid && opts.mode === 'any') choices.push({ arbitrary: valid, weight: 4 });
  if (arbs.hostile)
    choices.push({ arbitrary: arbs.hostile.map((h): FuzzedBlock => ({ blockId, fate: 'hostile', entry: entry(h.state), typed: h.typed })), weight: 4 });
  if (arbs.forged) choices.push({ arbitrary: arbs.forged.map((s): FuzzedBlock => ({ blockId, fate: 'forged', entry: entry(s) })), weight: 2 });
  const broken: fc.Arbitrary<FuzzedBlock>[] = [
    wrongType(String(el.type)).map((s): FuzzedBlock => ({ blockId, fate: 'broken', entry: entry(s) })),
    fc.constantFrom<FuzzedBlock>({ blockId, fate: 'broken', entry: undefined }, { blockId, fate: 'broken', entry: {} }),
  ];
  if (arbs.broken) broken.push(arbs.broken.map((s): FuzzedBlock => ({ blockId, fate: 'broken', entry: entry(s) })));
  choices.push({ arbitrary: fc.oneof(...broken), weight: 3 });
  return fc.oneof(...choices);
}

function textOf(state: Json): string | undefined {
  return typeof state.value === 'string' ? state.value : undefined;
}
