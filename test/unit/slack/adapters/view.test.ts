import { DomainError } from '../../../../src/errors';
import { onSubmit } from '../../../../src/slack/adapters/view';
import { PairPicker } from '../../../../src/slack/ids';
import { actor, fakeClient, fakeDeps, recorded } from './fakes';

function submitArgs(options: { client: unknown; blocks?: Array<{ block_id: string }>; metadata?: string }) {
  const ack = jest.fn(async (_response?: unknown) => undefined);
  const view = {
    id: 'V1',
    hash: 'h',
    callback_id: 'cb',
    private_metadata: options.metadata ?? '',
    blocks: options.blocks ?? [{ block_id: 'note' }],
    state: { values: { note: { note_input: { type: 'plain_text_input', value: 'hello' } } } },
  };
  const args = {
    ack,
    body: { type: 'view_submission', user: { id: 'U1' }, team: { id: 'T1' }, view },
    view,
    client: options.client,
    context: { actor: actor({ channelId: undefined }) },
  };
  return { args: args as never, ack };
}

const spec = <O>(run: () => Promise<O>) =>
  onSubmit({
    name: 'test',
    field: 'note',
    fields: { message: 'note' },
    parse: () => ({ ok: true as const, value: 'hello' }),
    run,
    confirm: () => ({ text: 'saved', blocks: [] }),
  });

describe('the view-submission adapter', () => {
  it('puts a parse error on its field and calls no service', async () => {
    const { client } = fakeClient();
    const { deps } = fakeDeps();
    const run = jest.fn();
    const { args, ack } = submitArgs({ client });
    await onSubmit({ name: 't', field: 'note', parse: () => ({ ok: false as const, errors: { note: 'Too long.' } }), run })(deps)(args);
    expect(ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { note: 'Too long.' } });
    expect(run).not.toHaveBeenCalled();
  });

  it("maps the service's field errors to their blocks and keeps the modal open", async () => {
    const { client, calls } = fakeClient();
    const { deps, flushed } = fakeDeps();
    const { args, ack } = submitArgs({ client });
    await spec(async () => ({ ok: false as const, errors: { message: 'Write a few words.' } }))(deps)(args);
    expect(ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { note: 'Write a few words.' } });
    expect(calls).toEqual([]);
    expect(flushed).toEqual([]);
  });

  it('keeps the modal open on a refusal that still committed something others see, and flushes that after the ack', async () => {
    const { client } = fakeClient();
    const { deps, flushed } = fakeDeps();
    const { args, ack } = submitArgs({ client });
    const order: string[] = [];
    ack.mockImplementation(async () => void order.push('ack'));
    deps.effects.flush = async (recorded) => void order.push(`flush:${recorded?.outboxIds.length}`);
    await spec(async () => ({ ok: false as const, errors: { message: 'It changed meanwhile.' }, effects: recorded(['n1']) }))(deps)(args);
    expect(ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { note: 'It changed meanwhile.' } });
    expect(order).toEqual(['ack', 'flush:1']);
    expect(flushed).toEqual([]);
  });

  it('shows a refusal under the pair picker when the modal has one', async () => {
    const { client } = fakeClient();
    const { deps } = fakeDeps();
    const { args, ack } = submitArgs({ client, blocks: [{ block_id: PairPicker.blockId }, { block_id: 'note' }] });
    await spec(async () => Promise.reject(new DomainError('not_in_pair', 'You are not part of that mentorship pair.')))(deps)(args);
    expect(ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { [PairPicker.blockId]: 'You are not part of that mentorship pair.' } });
  });

  it('closes the modal, confirms privately in the DM (no origin), then flushes the effects', async () => {
    const { client, calls } = fakeClient();
    const { deps, flushed } = fakeDeps('DSTORED');
    const { args, ack } = submitArgs({ client });
    await spec(async () => ({ ok: true as const, effects: recorded() }))(deps)(args);
    expect(ack).toHaveBeenCalledWith(undefined);
    expect(calls).toEqual([{ method: 'chat.postEphemeral', args: expect.objectContaining({ channel: 'DSTORED', user: 'U1', text: 'saved' }) }]);
    expect(flushed).toEqual([recorded()]);
  });

  it('confirms in the conversation the modal was opened from', async () => {
    const { client, calls } = fakeClient();
    const { deps } = fakeDeps();
    const { args } = submitArgs({ client, metadata: JSON.stringify({ channelId: 'C0ORIGIN' }) });
    await spec(async () => ({ ok: true as const }))(deps)(args);
    expect(calls[0]!.args).toMatchObject({ channel: 'C0ORIGIN' });
  });

  it('builds a confirmation that needs a read after the ack, and a failed read leaves the submission acked and its effects flushed', async () => {
    const { client, calls } = fakeClient();
    const { deps, flushed } = fakeDeps('DSTORED');
    const order: string[] = [];
    const { args, ack } = submitArgs({ client });
    ack.mockImplementation(async () => void order.push('ack'));
    const reading = (fail: boolean) =>
      onSubmit({
        name: 'test',
        field: 'note',
        parse: () => ({ ok: true as const, value: 'hello' }),
        run: async () => ({ ok: true as const, effects: recorded() }),
        confirm: async () => {
          order.push('read for the confirmation');
          if (fail) throw new Error('the list could not be read');
          return { text: 'saved, with the list', blocks: [] };
        },
      });
    await reading(false)(deps)(args);
    expect(order).toEqual(['ack', 'read for the confirmation']);
    expect(calls).toEqual([{ method: 'chat.postEphemeral', args: expect.objectContaining({ text: 'saved, with the list' }) }]);
    await reading(true)(deps)(args);
    expect(calls).toHaveLength(1);
    expect(flushed).toEqual([recorded(), recorded()]);
  });

  it('never shows an unexpected error to the person: a generic line under the field, and nothing saved is claimed', async () => {
    const { client } = fakeClient();
    const { deps } = fakeDeps();
    const { args, ack } = submitArgs({ client });
    await spec(async () => Promise.reject(new Error('connection refused 10.0.0.1')))(deps)(args);
    expect(JSON.stringify(ack.mock.calls)).toContain('nothing was saved');
    expect(JSON.stringify(ack.mock.calls)).not.toContain('10.0.0.1');
  });
});
