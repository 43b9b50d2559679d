import { sql } from 'kysely';
import { PairModal } from '../../../src/slack/ids';
import { SUBCOMMANDS } from '../../../src/slack/subcommands';
import { CHANNELS, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';

const { blocks: b } = PairModal;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

const countPairs = async (): Promise<number> => (await sql<{ n: number }>`select count(*)::int as n from pairs`.execute(h.db.kysely)).rows[0]?.n ?? -1;

async function openPairModal(userId: string = USERS.mentor.id) {
  const response = await h.driver.command(userId, 'pair');
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.topView(userId));
}

const validInputs = (extra: Record<string, unknown> = {}) => ({
  [b.mentor]: USERS.mentor.id,
  [b.mentee]: USERS.mentee.id,
  [b.channel]: CHANNELS.goals.id,
  [b.cadence]: 'biweekly',
  [b.firstDate]: '2026-12-01',
  [b.firstTime]: '10:00',
  [b.duration]: '45',
  [b.timeZone]: 'Europe/Berlin',
  [b.length]: '6',
  ...extra,
});

describe('/mentorship help', () => {
  it('lists every subcommand of the contract with one line each, only to the person asking', async () => {
    const response = await h.driver.command(USERS.stranger.id, 'help');
    expect(response.status).toBe(200);
    expect(response.json.response_type).toBe('ephemeral');
    const text = JSON.stringify(response.json.blocks);
    for (const sub of SUBCOMMANDS) expect(text).toContain(`/mentorship ${sub.name}\``);
  });

  it('answers an unknown subcommand with the help and a hint, escaping what was typed', async () => {
    const response = await h.driver.command(USERS.stranger.id, '<!channel> please');
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.json.blocks);
    expect(text).toContain("I don't know");
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('/mentorship goals');
  });

  it('treats an empty command as help', async () => {
    const response = await h.driver.command(USERS.stranger.id, '');
    expect(JSON.stringify(response.json.blocks)).toContain('/mentorship pair');
  });
});

describe('/mentorship pair', () => {
  it('opens the set-up modal with the invoker as mentor and their own time zone as the default', async () => {
    const view = await openPairModal();
    expect(view.callback_id).toBe(PairModal.callbackId);
    const blockIds = view.blocks.map((block) => block.block_id);
    for (const id of Object.values(b)) expect(blockIds).toContain(id);
    const zone = view.blocks.find((block) => block.block_id === b.timeZone);
    expect(zone?.element.initial_value).toBe(USERS.mentor.tz);
  });

  it("switches the default time zone to the mentee's once the mentee is picked, keeping the view", async () => {
    const view = await openPairModal();
    const response = await h.driver.clickInView(USERS.mentor.id, view, PairModal.actions.mentee, { value: USERS.mentee.id });
    expect(response.status).toBe(200);
    await eventually(() => h.standIn.callsTo('views.update').length === 1);
    const updated = h.standIn.topView(USERS.mentor.id);
    expect(updated?.id).toBe(view.id);
    expect(updated?.blocks.find((block) => block.block_id === b.timeZone)?.element.initial_value).toBe(USERS.mentee.tz);
  });

  it("creates a coordinator's pair at once, welcomes both people in their own time zone and introduces them in the goals channel", async () => {
    const view = await openPairModal(USERS.coordinator.id);
    const result = await h.driver.submitView(USERS.coordinator.id, view, validInputs());
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(h.standIn.topView(USERS.coordinator.id)).toBeUndefined();
    expect(await countPairs()).toBe(1);

    await eventually(() => h.standIn.messagesIn(CHANNELS.goals.id).length === 1);
    const mentorWelcome = h.standIn
      .dmsTo(USERS.mentor.id)
      .map((m) => JSON.stringify(m.blocks))
      .join();
    const menteeWelcome = h.standIn
      .dmsTo(USERS.mentee.id)
      .map((m) => JSON.stringify(m.blocks))
      .join();
    // 10:00 in Berlin is 09:00Z: 10:00 for the mentor (Berlin), 04:00 for the mentee (New York).
    expect(mentorWelcome).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    expect(menteeWelcome).toContain('Tue 1 Dec 2026, 04:00 (America/New_York)');
    for (const habit of ['3-5 goals with target dates', 'agenda before each meeting', 'One feedback request', 'Two learning resources', 'thank-you']) {
      expect(menteeWelcome).toContain(habit);
    }
    // Each person reads the habits as their role lives them: the mentor approves goals and answers feedback.
    expect(menteeWelcome).toContain('for your mentor to approve');
    expect(mentorWelcome).not.toMatch(/your mentor\b/);
    expect(mentorWelcome).toContain('drafted by your mentee and shared in the goals channel for you to approve');
    expect(mentorWelcome).toContain('from your mentee, on one specific area, for you to answer');
    expect(mentorWelcome).not.toContain('how you applied it');
    const intro = JSON.stringify(h.standIn.messagesIn(CHANNELS.goals.id)[0]?.blocks);
    expect(intro).toContain(`<@${USERS.mentee.id}>`);
    expect(intro).toContain(`<@${USERS.mentor.id}>`);
  });

  it('refuses an existing pair on the mentee field and keeps the modal open', async () => {
    const view = await openPairModal();
    const result = await h.driver.submitView(USERS.mentor.id, view, validInputs());
    expect(result.errors?.[b.mentee]).toMatch(/already mentors/);
    expect(h.standIn.topView(USERS.mentor.id)?.id).toBe(view.id);
    expect(await countPairs()).toBe(1);
  });

  it.each([
    ['the same person twice', { [b.mentee]: USERS.other.id }, b.mentee, /someone other than the mentor/],
    ['a bot as mentee', { [b.mentee]: USERS.robot.id }, b.mentee, /is a bot/],
    ['a first meeting in the past', { [b.firstDate]: '2026-11-01' }, b.firstDate, /must be in the future/],
    ['an unknown time zone', { [b.timeZone]: 'Moon/Base' }, b.timeZone, /Europe\/Berlin/],
    ['a direct message instead of a channel', { [b.channel]: 'D0DIRECT' }, b.channel, /channel/],
  ])('refuses %s on the right field and saves nothing', async (_name, override, block, message) => {
    const before = await countPairs();
    const view = await openPairModal(USERS.other.id);
    const result = await h.driver.submitView(USERS.other.id, view, validInputs({ [b.mentor]: USERS.other.id, ...override }));
    expect(result.errors?.[block]).toMatch(message);
    expect(await countPairs()).toBe(before);
    expect(h.standIn.dmsTo(USERS.other.id)).toHaveLength(0);
  });

  it('keeps the pair and tells the coordinator who set it up when the bot cannot post in a private goals channel', async () => {
    const view = await openPairModal(USERS.coordinator.id);
    const result = await h.driver.submitView(USERS.coordinator.id, view, validInputs({ [b.mentor]: USERS.other.id, [b.channel]: CHANNELS.private.id }));
    expect(result.errors).toBeUndefined();
    await eventually(() => h.standIn.dmsTo(USERS.coordinator.id).length === 1);
    const texts = h.standIn
      .dmsTo(USERS.coordinator.id)
      .map((m) => m.text)
      .join('\n');
    expect(texts).toMatch(/couldn't post the introduction/);
  });
});

describe('requests not signed by Slack', () => {
  it('get 401 and change nothing', async () => {
    const before = await countPairs();
    const body = new URLSearchParams({ command: '/mentorship', text: 'help', user_id: USERS.mentor.id, team_id: 'T0TEST' }).toString();
    for (const sign of [false, { secret: 'wrong-secret' }, { timestamp: Math.floor(Date.now() / 1000) - 600 }]) {
      const response = await h.driver.sendRaw(body, { contentType: 'application/x-www-form-urlencoded', sign });
      expect(response.status).toBe(401);
    }
    expect(h.standIn.calls).toHaveLength(0);
    expect(await countPairs()).toBe(before);
  });
});

describe('GET /healthz', () => {
  it('answers 200 with status ok while the database answers', async () => {
    const response = await fetch(`${h.bot.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
