import type { WebClient } from '@slack/web-api';
import { rememberedStandings } from '../../../src/slack/coordinators';

/** A client whose users.info answers from `admins` and counts the calls. */
function fakeClient(admins: Set<string>) {
  const calls: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        return { ok: true, user: { is_admin: admins.has(user) } };
      },
    },
  } as unknown as WebClient;
  return { client, calls };
}

describe('Slack standing remembered for Home refreshes', () => {
  it('asks Slack once per person within the time it trusts the answer, then again', async () => {
    let clock = 0;
    const admins = new Set(['UADMIN']);
    const { client, calls } = fakeClient(admins);
    const standings = rememberedStandings({ ttlMs: 1000, now: () => clock });
    const slack = standings.of('T1', client);
    expect((await slack.standingOf('UADMIN')).admin).toBe(true);
    expect((await standings.of('T1', client).standingOf('UADMIN')).admin).toBe(true);
    expect(calls).toEqual(['UADMIN']);

    // Demoted meanwhile: the remembered answer holds until it is too old, then Slack's new word counts.
    admins.delete('UADMIN');
    clock = 999;
    expect((await slack.standingOf('UADMIN')).admin).toBe(true);
    clock = 1000;
    expect((await slack.standingOf('UADMIN')).admin).toBe(false);
    expect(calls).toEqual(['UADMIN', 'UADMIN']);
  });

  it('keeps workspaces apart, and forgets the oldest person past its bound', async () => {
    const { client, calls } = fakeClient(new Set());
    const standings = rememberedStandings({ max: 2, now: () => 0 });
    await standings.of('T1', client).standingOf('U1');
    await standings.of('T2', client).standingOf('U1');
    expect(calls).toEqual(['U1', 'U1']);
    await standings.of('T1', client).standingOf('U2'); // three remembered: T1:U1, the oldest, is forgotten
    await standings.of('T2', client).standingOf('U1');
    expect(calls).toHaveLength(3);
    await standings.of('T1', client).standingOf('U1');
    expect(calls).toHaveLength(4);
  });
});
