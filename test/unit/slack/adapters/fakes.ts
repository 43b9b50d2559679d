import pino from 'pino';
import type { Recorded } from '../../../../src/domain/effects/effects';
import type { RequestActor } from '../../../../src/slack/actor';
import type { AppDeps } from '../../../../src/slack/context';

/** A fake WebClient that records every call, as Bolt's sample apps test listeners. */
export function fakeClient(fail: Record<string, Error> = {}) {
  const calls: Array<{ method: string; args: Record<string, unknown> }> = [];
  const method = (name: string) => async (args: Record<string, unknown>) => {
    calls.push({ method: name, args: asSlackReadsThem(args) });
    if (fail[name]) throw fail[name];
    return name === 'conversations.open' ? { ok: true, channel: { id: 'DNEW' } } : { ok: true };
  };
  const client = {
    chat: { postEphemeral: method('chat.postEphemeral'), update: method('chat.update'), postMessage: method('chat.postMessage') },
    views: { open: method('views.open'), push: method('views.push'), update: method('views.update') },
    conversations: { open: method('conversations.open') },
  };
  return { client: client as never, calls };
}

/** Views and blocks go to Slack as JSON text (src/slack/web-api-json.ts); Slack reads them back as objects. */
function asSlackReadsThem(args: Record<string, unknown>): Record<string, unknown> {
  const read = { ...args };
  for (const key of ['view', 'blocks']) if (typeof read[key] === 'string') read[key] = JSON.parse(read[key]);
  return read;
}

export const actor = (over: Partial<RequestActor> = {}): RequestActor => ({
  teamId: 'T1',
  userId: 'U1',
  channelId: 'C1',
  requestId: 'r1',
  log: pino({ level: 'silent' }),
  ...over,
});

/** AppDeps with only what the adapters use: the people service (DM fallback) and the effects flusher. */
export function fakeDeps(dmChannel: string | null = 'DSTORED') {
  const flushed: Array<Recorded | undefined> = [];
  const remembered: string[] = [];
  const deps = {
    services: {
      people: {
        dmChannel: async () => dmChannel,
        rememberDmChannel: async (_team: string, _user: string, channel: string) => void remembered.push(channel),
      },
    },
    logger: pino({ level: 'silent' }),
    clock: () => new Date('2026-12-01T10:00:00Z'),
    home: { refresh: async () => undefined, idle: async () => undefined, stop: async () => undefined },
    effects: { flush: async (recorded: Recorded | undefined) => void flushed.push(recorded) },
  } as unknown as AppDeps;
  return { deps, flushed, remembered };
}

export const recorded = (outboxIds: string[] = ['o1']): Recorded => ({ teamId: 'T1', outboxIds, homeUsers: ['U1', 'U2'] });
