import { sql } from 'kysely';
import type { Pair } from '../../../src/db/schema';
import type { StoredMessage, StoredView } from '../../../src/devtools/slack-stand-in';
import { OpenActions, PairPicker, ResourceActions, ResourceModal } from '../../../src/slack/ids';
import { commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { addMeeting, allSeenBy, createPair, postDmWithButton, publishHomeWithButton, shown } from './practice-fixtures';

const { mentor, mentee, stranger, other } = USERS;
const PAT = { id: 'UPAT', name: 'pat', realName: 'Pat Peer', tz: 'Australia/Sydney' };
const { add: a, explored: x } = ResourceModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
  h.standIn.addUser(PAT);
  pair = await createPair(h, mentor, mentee);
  await createPair(h, other, PAT);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

const resources = () => h.db.kysely.selectFrom('learning_resources').selectAll().orderBy('created_at').execute();

/** `/mentorship resources`: the ephemeral list the person gets. */
async function list(userId: string): Promise<StoredMessage> {
  await h.settle();
  const isList = (m: StoredMessage) => m.text === 'Your learning resources';
  const before = h.standIn.ephemeralsFor(userId).filter(isList).length;
  const response = await h.driver.command(userId, 'resources');
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.ephemeralsFor(userId).filter(isList)[before]);
}

async function addDirectly(title: string): Promise<string> {
  const added = await h.bot.services.resources.add(
    { teamId: 'T0TEST', userId: mentor.id },
    { pairId: pair.id, title, url: null, kind: 'talk', recommendedBy: 'me' },
  );
  if (!added.ok) throw new Error('not added');
  return added.resource.id;
}

async function addThroughList(userId: string, inputs: Record<string, unknown>) {
  const message = await list(userId);
  await h.driver.clickInMessage(userId, message, OpenActions.addResource);
  const view = await eventually(() => h.standIn.topView(userId));
  expect(view.callback_id).toBe(a.callbackId);
  return { view, result: await h.driver.submitView(userId, view, inputs) };
}

async function markExplored(userId: string, message: StoredMessage, resourceId: string, takeaway: string): Promise<StoredView> {
  await h.driver.clickInMessage(userId, message, ResourceActions.markExplored, { value: resourceId });
  const view = await eventually(() => h.standIn.topView(userId));
  expect(view.callback_id).toBe(x.callbackId);
  const result = await h.driver.submitView(userId, view, { [x.blocks.takeaway]: takeaway });
  expect(result.errors).toBeUndefined();
  return view;
}

describe('/mentorship resources', () => {
  it('lists nothing yet, with progress since the mentorship started and an "Add resource" button', async () => {
    const message = await list(mentee.id);
    const text = shown(message);
    expect(text).toContain('Nothing here yet');
    expect(text).toContain('*0 of 2*');
    expect(text).toContain('since your mentorship started on');
    expect(text).toContain(OpenActions.addResource);
  });

  it('adds a resource from the list, tells the other person, and records who recommended it', async () => {
    const { result } = await addThroughList(mentee.id, {
      [a.blocks.title]: "The Manager's Path",
      [a.blocks.url]: 'https://example.com/managers-path',
      [a.blocks.kind]: 'book',
      [a.blocks.recommendedBy]: 'other',
    });
    expect(result.errors).toBeUndefined();
    const row = (await resources()).at(-1);
    expect(row).toMatchObject({
      pair_id: pair.id,
      title: "The Manager's Path",
      url: 'https://example.com/managers-path',
      kind: 'book',
      recommended_by: mentor.id,
    });
    const dm = await eventually(() => h.standIn.dmsTo(mentor.id)[0]);
    expect(shown(dm)).toContain("<https://example.com/managers-path|The Manager's Path>");
    expect(shown(dm)).toContain(ResourceActions.markExplored);
    const confirmation = await eventually(() => h.standIn.ephemeralsFor(mentee.id).find((m) => m.text.includes('Added')));
    expect(confirmation).toBeDefined();
    expect(shown(await list(mentee.id))).toContain('The Manager');
  });

  it.each([
    ['a javascript: link', { [a.blocks.url]: 'javascript:alert(1)' }, a.blocks.url, /http/],
    ['an ftp link', { [a.blocks.url]: 'ftp://files.example.com/x' }, a.blocks.url, /http/],
    ['a link without a host', { [a.blocks.url]: 'https://' }, a.blocks.url, /link|address/],
    ['a link with a password', { [a.blocks.url]: 'https://me:secret@example.com' }, a.blocks.url, /password/],
    ['a blank title', { [a.blocks.title]: '   ' }, a.blocks.title, /title/],
  ])('refuses %s on its field and saves nothing', async (_name, override, blockId, message) => {
    const before = (await resources()).length;
    const { view, result } = await addThroughList(mentee.id, { [a.blocks.title]: 'Some title', ...override });
    expect(result.errors?.[blockId]).toMatch(message);
    expect(h.standIn.topView(mentee.id)?.id).toBe(view.id);
    expect(await resources()).toHaveLength(before);
  });

  it('escapes the title and keeps a typed link from breaking out of its link syntax', async () => {
    await addThroughList(mentee.id, {
      [a.blocks.title]: `Read this <!channel> <@${stranger.id}>`,
      [a.blocks.url]: 'https://example.com/a|<!here>',
    });
    const dm = await eventually(() => h.standIn.dmsTo(mentor.id).at(-1));
    const text = shown(dm);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain(`&lt;@${stranger.id}&gt;`);
    expect(text).toContain('https://example.com/a%7C%3C!here%3E|');
    expect(text).not.toMatch(/<!channel>|<!here>|<@USTRANGER>/);
  });

  it('marks a resource explored with a takeaway and counts it toward two explored between sessions', async () => {
    const [first] = await resources();
    const message = await list(mentor.id);
    await markExplored(mentor.id, message, first!.id, 'Skip-levels are for listening.');
    const done = await eventually(() => h.standIn.ephemeralsFor(mentor.id).find((m) => m.text.startsWith('Marked explored')));
    expect(shown(done)).toContain('*1 of 2*');
    const row = (await resources()).find((res) => res.id === first!.id);
    expect(row).toMatchObject({ explored_by: mentor.id, takeaway: 'Skip-levels are for listening.' });
    const again = await list(mentee.id);
    // Explored at 12:00Z: 07:00 for Theo in New York.
    expect(shown(again)).toContain('Mon 23 Nov 2026, 09:00 (America/New_York)');
    expect(shown(again)).toContain('Skip-levels are for listening.');
  });

  it("counts from the end of the last held meeting, shown in each reader's zone", async () => {
    const heldId = await addMeeting(h, pair, { sequence: 30, at: '2026-11-24T09:00:00Z', status: 'held' });
    h.clock.set('2026-11-25T12:00:00Z');
    const forTheo = shown(await list(mentee.id));
    expect(forTheo).toContain('*0 of 2*');
    // 09:00Z + 45 minutes = 09:45Z: 04:45 in New York, 10:45 in Berlin.
    expect(forTheo).toContain('ended Tue 24 Nov 2026, 04:45 (America/New_York)');
    expect(shown(await list(mentor.id))).toContain('ended Tue 24 Nov 2026, 10:45 (Europe/Berlin)');
    const ids = [await addDirectly('Talk one'), await addDirectly('Talk two')];
    const message = await list(mentee.id);
    for (const [i, id] of ids.entries()) await markExplored(mentee.id, message, id, `takeaway ${i}`);
    expect(shown(await list(mentee.id))).toContain('*2 of 2*');
    h.clock.set('2026-11-23T14:00:00Z');
    await sql`delete from meetings where id = ${heldId}`.execute(h.db.kysely);
  });

  it('marks a resource explored from the DM that announced it, which then shows it done instead of the button', async () => {
    await addThroughList(mentor.id, { [a.blocks.title]: 'Announced by DM' });
    const dm = await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => m.text.includes('Announced by DM')));
    await h.driver.clickInMessage(mentee.id, dm, ResourceActions.markExplored);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, view, { [x.blocks.takeaway]: 'Read it twice' });
    const updated = await eventually(() => h.standIn.findMessage(dm.channel, dm.ts)?.edited && h.standIn.findMessage(dm.channel, dm.ts));
    expect(shown(updated)).not.toContain(ResourceActions.markExplored);
    expect(shown(updated)).toContain('Read it twice');
  });

  it('refuses marking a resource explored twice', async () => {
    const explored = (await resources()).find((res) => res.explored_at)!;
    const message = await postDmWithButton(h, mentee.id, ResourceActions.markExplored, explored.id);
    await h.driver.clickInMessage(mentee.id, message, ResourceActions.markExplored);
    const refusal = await eventually(() => h.standIn.ephemeralsFor(mentee.id)[0]);
    expect(shown(refusal)).toMatch(/already marked explored/);
    expect(h.standIn.topView(mentee.id)).toBeUndefined();
  });

  it('refuses an empty takeaway on its field', async () => {
    const open = { id: await addDirectly('Still open') };
    const message = await postDmWithButton(h, mentee.id, ResourceActions.markExplored, open.id);
    await h.driver.clickInMessage(mentee.id, message, ResourceActions.markExplored);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    const result = await h.driver.submitView(mentee.id, view, { [x.blocks.takeaway]: '  ' });
    expect(result.errors?.[x.blocks.takeaway]).toMatch(/takeaway/);
    expect((await resources()).find((res) => res.id === open.id)?.explored_at).toBeNull();
  });

  it.each([
    ['a stranger', stranger.id],
    ['a member of another pair', other.id],
  ])("refuses %s marking the pair's resource explored or adding to the pair, and nothing changes", async (_who, userId) => {
    const open = (await resources()).find((res) => !res.explored_at)!;
    expect(open).toBeDefined();
    const before = await resources();
    const message = await postDmWithButton(h, userId, ResourceActions.markExplored, open.id);
    await h.driver.clickInMessage(userId, message, ResourceActions.markExplored);
    await eventually(() => h.standIn.ephemeralsFor(userId).find((m) => m.text.includes("can't find")));
    const home = await publishHomeWithButton(h, userId, OpenActions.addResource, pair.id);
    await h.driver.clickInView(userId, home, OpenActions.addResource);
    await eventually(() => h.standIn.ephemeralsFor(userId).find((m) => m.text.includes('not part of that mentorship')));
    await h.settle();
    expect(h.standIn.topView(userId)).toBeUndefined();
    expect(await resources()).toEqual(before);
    expect(allSeenBy(h, userId)).not.toContain(open.title);
  });

  it('opens the add modal from the "Add resource" button on the Home tab and in a DM', async () => {
    const home = await publishHomeWithButton(h, mentor.id, OpenActions.addResource, pair.id);
    await h.driver.clickInView(mentor.id, home, OpenActions.addResource);
    const fromHome = await eventually(() => h.standIn.topView(mentor.id));
    expect(fromHome.callback_id).toBe(a.callbackId);
    expect(JSON.parse(fromHome.private_metadata).pairId).toBe(pair.id);
    const message = await postDmWithButton(h, mentee.id, OpenActions.addResource, pair.id);
    await h.driver.clickInMessage(mentee.id, message, OpenActions.addResource);
    expect((await eventually(() => h.standIn.topView(mentee.id))).callback_id).toBe(a.callbackId);
  });

  it('tells a stranger how to start a pair, and answers an unknown word with the usage', async () => {
    expect((await commandAnsweredLater(h, stranger.id, 'resources')).replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/not in a mentorship pair/),
    ]);
    const response = await h.driver.command(mentee.id, 'resources delete everything');
    expect(response.json.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.json.blocks)).toContain('/mentorship resources add');
  });

  it('opens the add modal with `resources add`, asking which pair for someone in two', async () => {
    const second = await createPair(h, mentor, PAT);
    await h.driver.command(mentor.id, 'resources add');
    const view = await eventually(() => h.standIn.topView(mentor.id));
    expect(view.blocks.some((b) => b.block_id === PairPicker.blockId)).toBe(true);
    await h.driver.submitView(mentor.id, view, { [PairPicker.blockId]: second.id, [a.blocks.title]: 'For Pat' });
    await h.settle();
    // 14:00Z is 01:00 in Sydney: the news waits in the outbox for Pat's morning, then a pass sends it.
    expect(h.standIn.dmsTo(PAT.id)).toHaveLength(0);
    h.clock.set('2026-11-23T21:00:00Z');
    await h.bot.scheduler.runPass(h.clock.now);
    await eventually(() => h.standIn.dmsTo(PAT.id)[0]);
    h.clock.set('2026-11-23T14:00:00Z');
    expect((await resources()).find((res) => res.title === 'For Pat')).toMatchObject({ pair_id: second.id, recommended_by: mentor.id });
    // Both pairs are listed, each with its own Add button.
    const message = await list(mentor.id);
    expect(shown(message)).toContain(`Learning resources with <@${PAT.id}>`);
    expect(shown(message)).toContain(`Learning resources with <@${mentee.id}>`);
    await sql`delete from pairs where id = ${second.id}`.execute(h.db.kysely);
  });

  it('keeps a long list within one message and says how many more there are', async () => {
    for (let i = 0; i < 30; i += 1) {
      await h.bot.services.resources.add(
        { teamId: 'T0TEST', userId: mentee.id },
        { pairId: pair.id, title: `Item ${i}`, url: null, kind: 'article', recommendedBy: 'me' },
      );
    }
    const message = await list(mentee.id);
    expect(message.blocks!.length).toBeLessThanOrEqual(50);
    expect(shown(message)).toMatch(/…and \d+ more/);
  });
});
