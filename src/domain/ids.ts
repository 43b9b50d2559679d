import { z } from 'zod';

/**
 * The one parser for row ids that come back from Slack: button values, private_metadata, picked
 * options. They are claims, never proof; an id that is not even a uuid is no claim at all, and must
 * never reach SQL (PostgreSQL would fail the whole statement on it).
 */
export const Uuid = z.uuid();

export const isUuid = (value: unknown): value is string => Uuid.safeParse(value).success;

export const parseUuid = (value: unknown): string | null => (isUuid(value) ? value : null);
