/** The subcommands of `/mentorship`, in the order the contract lists them, with the line `help` shows. */
export const SUBCOMMANDS = [
  { name: 'help', usage: 'help', summary: 'List what the bot can do, one line each.' },
  { name: 'pair', usage: 'pair', summary: 'Set up a mentorship pair: mentor, mentee, goals channel and meeting rhythm.' },
  { name: 'goals', usage: 'goals', summary: 'See, add and share your SMART goals; mentors approve them in the goals channel.' },
  { name: 'agenda', usage: 'agenda', summary: 'Prepare the agenda for your next meeting: topics, the feedback you want, one win or challenge.' },
  { name: 'meeting', usage: 'meeting', summary: 'See your next meeting in your time zone; reschedule, skip or change the rhythm.' },
  { name: 'notes', usage: 'notes', summary: 'Record takeaways and action items after a meeting; both of you get the summary.' },
  { name: 'feedback', usage: 'feedback', summary: 'Ask for feedback on one specific area, answer a request, or say how you applied it.' },
  { name: 'resources', usage: 'resources', summary: 'Keep your learning resources: add one, mark one explored with a takeaway.' },
  { name: 'journal', usage: 'journal', summary: 'Write a private journal entry and read your recent ones (only you ever see them).' },
  { name: 'thanks', usage: 'thanks', summary: 'Send a note of appreciation to the other person in your pair.' },
  { name: 'update', usage: 'update', summary: 'Send the other person a short update between meetings: what you did, a win, a blocker.' },
  { name: 'status', usage: 'status', summary: 'Your mentorship at a glance: next meeting, goals, open action items, checklist.' },
  { name: 'program', usage: 'program', summary: 'Coordinators only: every pair of the program with its state and health, and who coordinates.' },
  { name: 'mydata', usage: 'mydata', summary: 'Your own data: export it as a file in your DM, or delete it (you see exactly what goes first).' },
] as const;

export type SubcommandName = (typeof SUBCOMMANDS)[number]['name'];

export function parseSubcommand(text: string): { name: SubcommandName | null; word: string; rest: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const known = SUBCOMMANDS.find((sub) => sub.name === word);
  return { name: known ? known.name : word === '' ? 'help' : null, word: first, rest: rest.join(' ') };
}
