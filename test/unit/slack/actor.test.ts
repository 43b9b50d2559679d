import { actorFrom } from '../../../src/slack/actor';

// The fields Slack sends, in the shapes of its documented payloads (see the Slack fixtures beside the project).
const command = {
  token: 'x',
  team_id: 'T111',
  team_domain: 'acme',
  channel_id: 'C111',
  channel_name: 'random',
  user_id: 'W111',
  user_name: 'primary-owner',
  command: '/mentorship',
  text: 'help',
  trigger_id: '1.2.3',
};
const pressInChannel = {
  type: 'block_actions',
  team: { id: 'T111', domain: 'acme' },
  user: { id: 'W111', username: 'primary-owner', team_id: 'T111' },
  channel: { id: 'C111', name: 'random' },
  container: { type: 'message', message_ts: '1.2', channel_id: 'C111', is_ephemeral: false },
};
const pressInEphemeral = {
  type: 'block_actions',
  team: { id: 'T111' },
  user: { id: 'W111', team_id: 'T111' },
  container: { type: 'message', message_ts: '1.2', channel_id: 'C222', is_ephemeral: true },
};
const submission = {
  type: 'view_submission',
  team: { id: 'T111', domain: 'acme' },
  user: { id: 'W111', team_id: 'T111' },
  view: { id: 'V111', team_id: 'T111', callback_id: 'cb' },
};
const homeOpened = {
  type: 'event_callback',
  team_id: 'T111',
  api_app_id: 'A111',
  event: { type: 'app_home_opened', user: 'W111', channel: 'D111', tab: 'home' },
  event_id: 'Ev1',
};

describe('reading the actor of a request', () => {
  it('reads a slash command body', () => {
    expect(actorFrom(command)).toEqual({ teamId: 'T111', userId: 'W111', channelId: 'C111', kind: 'command' });
  });

  it('reads a press in a channel message, and a press in an ephemeral message (channel from the container)', () => {
    expect(actorFrom(pressInChannel)).toEqual({ teamId: 'T111', userId: 'W111', channelId: 'C111', kind: 'block_actions' });
    expect(actorFrom(pressInEphemeral)).toEqual({ teamId: 'T111', userId: 'W111', channelId: 'C222', kind: 'block_actions' });
  });

  it('reads a view submission, which has no channel', () => {
    expect(actorFrom(submission)).toEqual({ teamId: 'T111', userId: 'W111', channelId: undefined, kind: 'view_submission' });
  });

  it('reads an Events API envelope: the team from the envelope, the user and channel from the event', () => {
    expect(actorFrom(homeOpened)).toEqual({ teamId: 'T111', userId: 'W111', channelId: 'D111', kind: 'event_callback' });
  });

  it('finds no team in a body without one (the middleware refuses it)', () => {
    expect(actorFrom({ type: 'block_actions', user: { id: 'U1' } })).toMatchObject({ teamId: null, userId: 'U1' });
    expect(actorFrom(undefined)).toMatchObject({ teamId: null, userId: null });
  });
});
