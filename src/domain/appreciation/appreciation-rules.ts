export const MESSAGE_MAX = 2000;

/**
 * A note that is ready to send as it is, so saying thank you costs one click; people who want to
 * make it personal edit it.
 */
export function suggestedThanks(senderRole: 'mentor' | 'mentee' | null): string {
  if (senderRole === 'mentee') return 'Thank you for your time and advice today. It really helps me grow.';
  if (senderRole === 'mentor') return 'Thank you for coming so well prepared today. It is a pleasure to see you grow.';
  return 'Thank you for our session today. I really appreciate the time you give to this.';
}

/** `/mentorship thanks for the tip` reads as "Thank you for the tip"; other words are kept as typed. */
export function noteFromWords(words: string): string {
  const trimmed = words.trim();
  return /^for\b/i.test(trimmed) ? `Thank you ${trimmed}` : trimmed;
}

export function checkMessage(raw: string | null): { ok: true; message: string } | { ok: false; error: string } {
  const message = raw?.trim() ?? '';
  if (message === '') return { ok: false, error: 'Write a few words of thanks.' };
  if (message.length > MESSAGE_MAX) return { ok: false, error: `Keep it under ${MESSAGE_MAX} characters.` };
  return { ok: true, message };
}
