/** The three parts of an update between meetings; each is optional, one is needed. */
export const UPDATE_PARTS = ['doneSince', 'win', 'blocker'] as const;
export type UpdatePart = (typeof UPDATE_PARTS)[number];

/** Each part is a few lines: an update is a quick note, not a report. */
export const UPDATE_PART_MAX = 1000;

export type UpdateDraft = Record<UpdatePart, string | null>;

export type CheckedUpdate = { ok: true; update: UpdateDraft } | { ok: false; errors: Partial<Record<UpdatePart, string>> };

/** Trims each part (blank is none), and asks for at least one, under the first field, and for each to fit. */
export function checkUpdate(raw: Partial<Record<UpdatePart, string | null>>): CheckedUpdate {
  const update = Object.fromEntries(UPDATE_PARTS.map((part) => [part, raw[part]?.trim() || null])) as UpdateDraft;
  const errors: Partial<Record<UpdatePart, string>> = {};
  for (const part of UPDATE_PARTS) {
    const text = update[part];
    if (text && text.length > UPDATE_PART_MAX) errors[part] = `Keep it under ${UPDATE_PART_MAX} characters.`;
  }
  if (UPDATE_PARTS.every((part) => update[part] === null)) errors.doneSince = 'Write at least one line: what you did since you met, a win, or a blocker.';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, update };
}
