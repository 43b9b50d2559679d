import { z } from 'zod';

/** A button's value comes back from the client: an id is only accepted in the shape we put there. */
const Id = z.uuid();

export function parseIdValue(value: unknown): string | null {
  const parsed = Id.safeParse(value);
  return parsed.success ? parsed.data : null;
}
