/**
 * What a pair talks about in its last meetings (docs/usage.md: "Near the planned end"): each topic is offered
 * on the agenda, pre-ticked, and shown on `/mentorship meeting`.
 */
export const WRAP_UP_TOPICS = [
  { key: 'goals', text: 'Long-term goals after the mentorship: what to keep working on, and how' },
  { key: 'contact', text: 'How to stay in touch once the mentorship ends' },
  { key: 'mentor', text: 'Mentoring someone else: passing on what was learned here' },
] as const;

export type WrapUpKey = (typeof WRAP_UP_TOPICS)[number]['key'];

export const wrapUpText = (key: WrapUpKey): string => WRAP_UP_TOPICS.find((topic) => topic.key === key)!.text;
