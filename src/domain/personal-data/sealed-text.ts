import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../errors';

/**
 * Encryption at rest of the texts only their author may read (journal entries and closing
 * reflections), with DATA_ENCRYPTION_KEY. AES-256-GCM (node:crypto): a fresh 12-byte IV per value, the
 * 16-byte tag authenticates it, so a changed byte fails to open instead of reading as something else.
 *
 * A sealed value is `enc:v1:<key id>:<base64url(iv | tag | ciphertext)>`. The key id (8 hex characters
 * of a SHA-256 of the key, which reveals nothing usable of it) says which key opens the value, so keys
 * can rotate: the first key of DATA_ENCRYPTION_KEY seals, every listed key opens
 * (docs/operations.md, "Encryption at rest"). A value without the prefix was written before a key was
 * set and reads as it is; it is sealed the next time its author saves it.
 */
export interface TextCipher {
  /** Whether values are sealed (a key is set): the privacy sentence says so. */
  readonly encrypting: boolean;
  seal(text: string | null): string | null;
  /** The text again; throws SealedTextError when no configured key opens it. */
  open(stored: string | null): string | null;
}

/** A sealed value that cannot be read: its key is not configured, or it was altered. */
export class SealedTextError extends Error {
  override readonly name = 'SealedTextError';
  constructor(
    readonly keyId: string,
    readonly reason: 'unknown_key' | 'altered',
  ) {
    super(
      reason === 'unknown_key'
        ? `sealed with key ${keyId}, which DATA_ENCRYPTION_KEY does not list`
        : `sealed with key ${keyId} but does not open with it (altered, or a different key)`,
    );
  }
}

/** What the author is told when their own text cannot be opened (the operator's key is missing or wrong). */
export const unreadable = (error: SealedTextError): DomainError =>
  new DomainError(
    'unreadable',
    `Your private text is encrypted with a key this bot does not have (key id ${error.keyId}). Nothing was changed; please tell the bot's operator.`,
  );

const SEALED = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Ties a value to this use: a ciphertext made by another program with the same key does not open here. */
const AAD = Buffer.from('mentorship-bot sealed text v1');

export const keyIdOf = (key: Buffer): string => createHash('sha256').update('mentorship-bot key id').update(key).digest('hex').slice(0, 8);

/** No key: texts are stored as typed (and a sealed one cannot be opened). */
export const PLAIN_TEXT: TextCipher = {
  encrypting: false,
  seal: (text) => text,
  open: (stored) => {
    const sealed = stored === null ? null : SEALED.exec(stored);
    if (sealed) throw new SealedTextError(sealed[1]!, 'unknown_key');
    return stored;
  },
};

/** Seals with the first key; opens with any of them. `keys` are 32 bytes each (parseDataKeys checks). */
export function sealedText(keys: readonly Buffer[]): TextCipher {
  const [current] = keys;
  if (!current) return PLAIN_TEXT;
  const byId = new Map(keys.map((key) => [keyIdOf(key), key]));
  const currentId = keyIdOf(current);
  return {
    encrypting: true,
    seal(text) {
      if (text === null) return null;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv).setAAD(AAD);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return `enc:v1:${currentId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(stored) {
      const sealed = stored === null ? null : SEALED.exec(stored);
      if (!sealed) return stored;
      const [, keyId, payload] = sealed as unknown as [string, string, string];
      const key = byId.get(keyId);
      if (!key) throw new SealedTextError(keyId, 'unknown_key');
      const raw = Buffer.from(payload, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES)).setAAD(AAD);
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedTextError(keyId, 'altered');
      }
    },
  };
}

/**
 * DATA_ENCRYPTION_KEY: one key, or several separated by commas (the first seals, all open: rotation),
 * each 32 random bytes in base64 (`openssl rand -base64 32`). A message for the operator when it is not.
 */
export function parseDataKeys(raw: string): { ok: true; keys: Buffer[] } | { ok: false; message: string } {
  const keys: Buffer[] = [];
  for (const part of raw.split(',').map((value) => value.trim())) {
    const key = /^[A-Za-z0-9+/]{43}=$/.test(part) ? Buffer.from(part, 'base64') : null;
    if (!key || key.length !== 32) return { ok: false, message: 'each key must be 32 bytes in base64 (openssl rand -base64 32), several separated by commas' };
    keys.push(key);
  }
  return { ok: true, keys };
}

/** `row` with its `fields` opened, for its author; a text no configured key opens is refused, saying why. */
export function openTexts<T extends object, K extends keyof T>(cipher: TextCipher, row: T, fields: readonly K[]): T {
  try {
    return { ...row, ...Object.fromEntries(fields.map((field) => [field, cipher.open(row[field] as string | null)])) };
  } catch (error) {
    throw error instanceof SealedTextError ? unreadable(error) : error;
  }
}

/** The sealed columns: a journal entry's answers, and a closing reflection's texts. */
export const JOURNAL_TEXTS = ['went_well', 'learned', 'try_next'] as const;
export const REFLECTION_TEXTS = ['learned', 'next_steps', 'long_term_goals', 'stay_in_touch'] as const;
