import { type z } from 'zod';

/**
 * `private_metadata` round-trips through the client, so it is untrusted on the way back: parse it
 * with a schema, and re-check membership in the service whatever it says.
 */
export function encodeMetadata(value: Record<string, unknown>): string {
  const encoded = JSON.stringify(value);
  if (encoded.length > 3000) throw new RangeError('private_metadata is limited to 3000 characters');
  return encoded;
}

export function decodeMetadata<T extends z.ZodType>(schema: T, raw: string | undefined): z.infer<T> | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
