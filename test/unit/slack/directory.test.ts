import type { WebClient } from '@slack/web-api';
import { lookupUser } from '../../../src/slack/directory';

/** A client whose users.info answers with the given user, as Slack shapes it. */
const clientWith = (user: Record<string, unknown>) => ({ users: { info: async () => ({ ok: true, user }) } }) as unknown as WebClient;

describe('lookupUser: the name the bot shows is the one Slack shows', () => {
  it('takes the display name the person chose, and keeps the real name beside it', async () => {
    const user = { id: 'U1', name: 'theo', real_name: 'Theo Mentee', profile: { display_name: 'Teddy', real_name: 'Theo Mentee' } };
    expect(await lookupUser(clientWith(user), 'U1')).toMatchObject({ displayName: 'Teddy', realName: 'Theo Mentee' });
  });

  it('falls back to the real name, capitalised as typed, never to the lower-case handle', async () => {
    const user = { id: 'U1', name: 'theo', real_name: 'Theo Mentee', profile: { display_name: '', real_name: 'Theo Mentee' } };
    expect((await lookupUser(clientWith(user), 'U1')).displayName).toBe('Theo Mentee');
    expect((await lookupUser(clientWith({ id: 'U2', name: 'olga' }), 'U2')).displayName).toBe('U2');
  });
});
