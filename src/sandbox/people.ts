import { GOALS_CHANNEL, PEOPLE } from '../demo/world';

/**
 * Who the sandbox lets you act as, in the sidebar's order: the demo's mentor and mentee, a second
 * mentee, and a program coordinator (a workspace admin in the stand-in, which is what makes someone a
 * coordinator to the bot). The demo's Sam is in the workspace too, for the people pickers.
 */
export const SANDBOX_PEOPLE = [
  { ...PEOPLE.maria, role: 'mentor' },
  { ...PEOPLE.theo, role: 'mentee' },
  { id: 'UPRIYA', name: 'priya', realName: 'Priya (mentee)', displayName: 'Priya', tz: 'Asia/Kolkata', role: 'mentee' },
  { id: 'UCORA', name: 'cora', realName: 'Cora (coordinator)', displayName: 'Cora', tz: 'Europe/London', role: 'coordinator', isAdmin: true },
] as const;

/** Everyone in the workspace the pickers offer: the sidebar's people and the demo's Sam. */
export const WORKSPACE_PEOPLE = [...SANDBOX_PEOPLE, PEOPLE.sam];

export type SandboxPerson = (typeof SANDBOX_PEOPLE)[number];

/** The channels of the sandbox's workspace, in the sidebar. */
export const SANDBOX_CHANNELS = [GOALS_CHANNEL] as const;

export function sandboxPerson(userId: string): SandboxPerson | undefined {
  return SANDBOX_PEOPLE.find((person) => person.id === userId);
}
