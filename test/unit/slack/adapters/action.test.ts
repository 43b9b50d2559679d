import { DomainError } from '../../../../src/errors';
import { MALFORMED, onAction } from '../../../../src/slack/adapters/action';
import { actor, fakeClient, fakeDeps, recorded } from './fakes';

const VIEW = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'T' }, blocks: [] };

/** The arguments Bolt hands a block_actions listener, for a press in a channel message (with a response_url) or on Home. */
function pressArgs(options: { value?: string; onHome?: boolean; client: unknown; respond?: jest.Mock }) {
  const ack = jest.fn(async () => undefined);
  const body = options.onHome
    ? {
        type: 'block_actions',
        trigger_id: 'TRIG',
        user: { id: 'U1' },
        team: { id: 'T1' },
        container: { type: 'view', view_id: 'V1' },
        view: { id: 'V1', hash: 'h1', callback_id: '', private_metadata: '', type: 'home', blocks: [] },
      }
    : {
        type: 'block_actions',
        trigger_id: 'TRIG',
        user: { id: 'U1' },
        team: { id: 'T1' },
        channel: { id: 'C1' },
        response_url: 'https://hooks/1',
        container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: false },
        message: { ts: '1.2', text: 'm', blocks: [] },
      };
  const args = {
    ack,
    body,
    action: { action_id: 'a', type: 'button', value: options.value },
    client: options.client,
    respond: options.respond ?? jest.fn(async () => undefined),
    context: { actor: actor({ channelId: options.onHome ? undefined : 'C1' }) },
  };
  return { args: args as never, ack };
}

describe('the block-action adapter', () => {
  it('acks before the service is called, then opens the modal the service built and flushes its effects', async () => {
    const { client, calls } = fakeClient();
    const { deps, flushed } = fakeDeps();
    const order: string[] = [];
    const listener = onAction({
      name: 'test',
      parse: ({ value }) => value ?? null,
      run: async (value) => (order.push(`run:${value}`), { view: VIEW, effects: recorded() }),
      reply: (outcome) => ({ kind: 'open', view: outcome.view }),
    })(deps);
    const { args, ack } = pressArgs({ value: 'x', client });
    ack.mockImplementation(async () => void order.push('ack'));
    await listener(args);
    expect(order).toEqual(['ack', 'run:x']);
    expect(calls).toEqual([{ method: 'views.open', args: { trigger_id: 'TRIG', view: VIEW } }]);
    expect(flushed).toEqual([recorded()]);
  });

  it('refuses a malformed value privately, through the response_url, without calling the service', async () => {
    const { client } = fakeClient();
    const { deps, flushed } = fakeDeps();
    const run = jest.fn();
    const respond = jest.fn(async () => undefined);
    await onAction({ name: 'test', parse: () => null, run })(deps)(pressArgs({ value: 'junk', client, respond }).args);
    expect(run).not.toHaveBeenCalled();
    expect(respond).toHaveBeenCalledWith(expect.objectContaining({ response_type: 'ephemeral', replace_original: false, text: MALFORMED }));
    expect(flushed).toEqual([]);
  });

  it("answers a DomainError in its own words, and a press on Home (no response_url, no channel) in the person's DM", async () => {
    const { client, calls } = fakeClient();
    const { deps } = fakeDeps('DSTORED');
    const run = async () => {
      throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    };
    await onAction({ name: 'test', parse: () => 'ok', run })(deps)(pressArgs({ client, onHome: true }).args);
    expect(calls).toEqual([
      { method: 'chat.postEphemeral', args: expect.objectContaining({ channel: 'DSTORED', user: 'U1', text: 'You are not part of that mentorship pair.' }) },
    ]);
  });

  it('opens the DM with the bot once when it is not known yet, and remembers it', async () => {
    const { client, calls } = fakeClient();
    const { deps, remembered } = fakeDeps(null);
    await onAction({ name: 'test', parse: () => 'ok', run: async () => ({}), reply: () => ({ kind: 'private', message: { text: 'done', blocks: [] } }) })(deps)(
      pressArgs({ client, onHome: true }).args,
    );
    expect(calls.map((call) => call.method)).toEqual(['conversations.open', 'chat.postEphemeral']);
    expect(calls[1]!.args).toMatchObject({ channel: 'DNEW', user: 'U1' });
    expect(remembered).toEqual(['DNEW']);
  });

  it('logs an unexpected error as a bug and apologises without details', async () => {
    const { client } = fakeClient();
    const { deps } = fakeDeps();
    const respond = jest.fn(async () => undefined);
    await onAction({ name: 'test', parse: () => 'ok', run: async () => Promise.reject(new Error('secret internals')) })(deps)(
      pressArgs({ client, respond }).args,
    );
    const sent = JSON.stringify(respond.mock.calls);
    expect(sent).toContain('Something went wrong on my side');
    expect(sent).not.toContain('secret internals');
  });

  it("names a Slack failure while opening the modal as Slack's, and still flushes what was saved", async () => {
    const expired = Object.assign(new Error('expired'), { code: 'slack_webapi_platform_error', data: { error: 'expired_trigger_id' } });
    const { client } = fakeClient({ 'views.open': expired });
    const { deps, flushed } = fakeDeps();
    const respond = jest.fn(async () => undefined);
    await onAction({ name: 'goal_edit', parse: () => 'ok', run: async () => ({ effects: recorded() }), reply: () => ({ kind: 'open', view: VIEW }) })(deps)(
      pressArgs({ client, respond }).args,
    );
    expect(JSON.stringify(respond.mock.calls)).toContain('the form took too long to open');
    expect(flushed).toEqual([recorded()]);
  });

  it('replaces the pressed message through its response_url', async () => {
    const { client } = fakeClient();
    const { deps } = fakeDeps();
    const respond = jest.fn(async () => undefined);
    const message = { text: 'answered', blocks: [] };
    await onAction({ name: 'test', parse: () => 'ok', run: async () => ({}), reply: () => ({ kind: 'replace', message }) })(deps)(
      pressArgs({ client, respond }).args,
    );
    expect(respond).toHaveBeenCalledWith({ replace_original: true, text: 'answered', blocks: [] });
  });
});
