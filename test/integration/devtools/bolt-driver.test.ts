import { App, type Logger, LogLevel, type types } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SlackDriver } from '../../../src/devtools/slack-driver';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';

const SECRET = 'test-signing-secret';
// Literal types so the objects satisfy @slack/types where they are passed to the real WebClient.
function txt(text: string): { type: 'plain_text'; text: string };
function txt<T extends 'plain_text' | 'mrkdwn'>(text: string, type: T): { type: T; text: string };
function txt(text: string, type: 'plain_text' | 'mrkdwn' = 'plain_text') {
  return { type, text };
}
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

const goalModal: types.ModalView = {
  type: 'modal',
  callback_id: 'goal',
  title: txt('New goal'),
  submit: txt('Save'),
  notify_on_close: true,
  blocks: [
    { type: 'input', block_id: 'title', label: txt('Goal'), element: { type: 'plain_text_input', action_id: 'v' } },
    {
      type: 'input',
      block_id: 'size',
      label: txt('Size'),
      element: {
        type: 'static_select',
        action_id: 'v',
        options: [
          { text: txt('Small'), value: 's' },
          { text: txt('Big'), value: 'b' },
        ],
      },
    },
  ],
};

describe('SlackDriver against a real Bolt app', () => {
  let standIn: SlackStandIn;
  let app: App;
  let driver: SlackDriver;
  const seen: string[] = [];

  beforeAll(async () => {
    standIn = await SlackStandIn.start({ botToken: 'xoxb-test', teamId: 'T0001' });
    standIn.addUser({ id: 'U1', name: 'ada' });
    app = new App({ token: 'xoxb-test', signingSecret: SECRET, logger: quiet, clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/mentorship', async ({ command, ack, client, respond }) => {
      await ack();
      seen.push(`command:${command.text}:${command.channel_name}`);
      if (command.text === 'goal') await client.views.open({ trigger_id: command.trigger_id, view: goalModal });
      else
        await respond({
          text: 'Pick one',
          blocks: [{ type: 'actions' as const, elements: [{ type: 'button' as const, action_id: 'pick', text: txt('Pick'), value: 'p1' }] }],
        });
    });
    app.action('pick', async ({ ack, action, respond }) => {
      await ack();
      seen.push(`pick:${(action as { value: string }).value}`);
      await respond({ replace_original: true, text: 'Picked' });
    });
    app.view('goal', async ({ ack, view }) => {
      const title = view.state.values.title?.v?.value ?? '';
      if (title.length < 3) return ack({ response_action: 'errors', errors: { title: 'Too short' } });
      seen.push(`goal:${title}:${view.state.values.size?.v?.selected_option?.value}`);
      return ack();
    });
    app.view({ callback_id: 'goal', type: 'view_closed' }, async ({ ack }) => {
      seen.push('closed');
      await ack();
    });
    app.event('app_home_opened', async ({ event, client, context }) => {
      seen.push(`home:${event.user}:${context.retryNum ?? 0}`);
      await client.views.publish({
        user_id: event.user,
        view: {
          type: 'home',
          blocks: [
            { type: 'section' as const, text: txt('Welcome', 'mrkdwn'), accessory: { type: 'button' as const, action_id: 'home_btn', text: txt('Go') } },
          ],
        },
      });
    });
    app.action('home_btn', async ({ ack, body }) => {
      await ack();
      const b = body as unknown as { container: { type: string }; view?: { type: string } };
      seen.push(`home_btn:${b.container.type}:${b.view?.type}`);
    });
    const server = (await app.start(0)) as Server;
    const { port } = server.address() as AddressInfo;
    driver = new SlackDriver({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, standIn, teamId: 'T0001' });
  });
  afterAll(async () => {
    await app.stop();
    await standIn.stop();
  });
  beforeEach(() => {
    seen.length = 0;
    standIn.reset();
  });

  it('delivers a signed slash command to the listener; its response_url reply is an ephemeral', async () => {
    const res = await driver.command('U1', 'hello');
    expect(res.status).toBe(200);
    await waitFor(() => standIn.ephemeralsFor('U1').length === 1);
    expect(seen).toEqual(['command:hello:directmessage']);
    expect(standIn.ephemeralsFor('U1')[0]?.channel).toBe('DU1');
  });

  it('clicks a button in a message and honours replace_original', async () => {
    await driver.command('U1', 'hello');
    await waitFor(() => standIn.ephemeralsFor('U1').length === 1);
    const message = standIn.ephemeralsFor('U1')[0]!;
    expect((await driver.clickInMessage('U1', message, 'pick')).status).toBe(200);
    await waitFor(() => standIn.ephemeralsFor('U1')[0]?.text === 'Picked');
    expect(seen).toContain('pick:p1');
    expect(() => driver.clickInMessage('U1', message, 'not-there')).toThrow(/No element/);
  });

  it('opens a modal from the command trigger; errors keep it open, a valid submit closes it', async () => {
    await driver.command('U1', 'goal');
    await waitFor(() => standIn.topView('U1') !== undefined);
    const view = standIn.topView('U1')!;

    const blocked = await driver.submitView('U1', view, { title: 'ok' });
    expect(blocked).toMatchObject({ sent: false, clientErrors: { size: 'Please complete this required field.' } });

    const rejected = await driver.submitView('U1', view, { title: 'ab', size: 's' });
    expect(rejected).toMatchObject({ status: 200, errors: { title: 'Too short' } });
    expect(standIn.topView('U1')?.state.values.title?.v?.value).toBe('ab');

    const accepted = await driver.submitView('U1', view, { title: 'Learn SQL' });
    expect(accepted.status).toBe(200);
    expect(accepted.errors).toBeUndefined();
    expect(seen).toContain('goal:Learn SQL:s');
    expect(standIn.openViews('U1')).toEqual([]);
  });

  it('notifies the app when a notify_on_close modal is closed', async () => {
    await driver.command('U1', 'goal');
    await waitFor(() => standIn.topView('U1') !== undefined);
    const res = await driver.closeView('U1', standIn.topView('U1')!);
    expect(res?.status).toBe(200);
    expect(seen).toContain('closed');
    expect(standIn.openViews('U1')).toEqual([]);
  });

  it('delivers app_home_opened with retry headers and the app publishes Home', async () => {
    expect((await driver.appHomeOpened('U1')).status).toBe(200);
    await waitFor(() => standIn.homeView('U1') !== undefined);
    await driver.event(
      { type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home', event_ts: '1.2' },
      { eventId: 'Ev1', retryNum: 1, retryReason: 'http_timeout' },
    );
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual(['home:U1:0', 'home:U1:1']);
    expect((await driver.clickInView('U1', standIn.homeView('U1')!, 'home_btn')).status).toBe(200);
    await waitFor(() => seen.length === 3);
    expect(seen[2]).toBe('home_btn:view:home');
  });

  it('gets 401 for a wrong, missing or stale signature and never reaches a listener', async () => {
    const body = 'command=%2Fmentorship&text=x&user_id=U1&team_id=T0001&channel_id=DU1&trigger_id=t&response_url=x';
    const form = 'application/x-www-form-urlencoded';
    expect((await driver.sendRaw(body, { contentType: form, sign: { secret: 'wrong' } })).status).toBe(401);
    expect((await driver.sendRaw(body, { contentType: form, sign: false })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 301;
    expect((await driver.sendRaw(body, { contentType: form, sign: { timestamp: stale } })).status).toBe(401);
    expect(seen).toEqual([]);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
