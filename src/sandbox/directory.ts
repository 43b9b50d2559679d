import type { SlackStandIn } from '../devtools/slack-stand-in';
import type { SandboxDirectory } from './render';
import { SANDBOX_CHANNELS, WORKSPACE_PEOPLE } from './people';

/** Who and what the renderer may name: the stand-in's people (as Slack shows them: display name first) and channels. */
export function sandboxDirectory(standIn: SlackStandIn): SandboxDirectory {
  const user = (id: string) => {
    const found = standIn.user(id);
    if (!found) return undefined;
    const profile = standIn.userObject(id).profile as { display_name?: string };
    return { name: profile.display_name || found.realName, realName: found.realName };
  };
  return {
    user,
    channel: (id) => standIn.channel(id),
    users: () => WORKSPACE_PEOPLE.map((person) => ({ id: person.id, name: user(person.id)?.name ?? person.name })),
    channels: () => SANDBOX_CHANNELS.map((channel) => ({ id: channel.id, name: channel.name })),
  };
}
