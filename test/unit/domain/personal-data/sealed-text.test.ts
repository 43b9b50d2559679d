import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../../../src/config';
import { keyIdOf, parseDataKeys, PLAIN_TEXT, SealedTextError, sealedText } from '../../../../src/domain/personal-data/sealed-text';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const TEXT = 'I am scared of the architecture review — ünïcödé 🙂';

describe('sealed text (AES-256-GCM, DATA_ENCRYPTION_KEY)', () => {
  it('seals to a value holding no plaintext, with the key id, a fresh IV each time, and opens it again', () => {
    const cipher = sealedText([keyA]);
    const sealed = cipher.seal(TEXT)!;
    expect(sealed).toMatch(new RegExp(`^enc:v1:${keyIdOf(keyA)}:[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('scared');
    expect(cipher.seal(TEXT)).not.toBe(sealed);
    expect(cipher.open(sealed)).toBe(TEXT);
    expect(cipher.seal(null)).toBeNull();
    expect(cipher.open(null)).toBeNull();
  });

  it('reads a text stored before a key was set as it is', () => {
    expect(sealedText([keyA]).open('written in plain')).toBe('written in plain');
  });

  it('rotates: the first key seals, every listed key opens', () => {
    const old = sealedText([keyA]).seal(TEXT);
    const rotated = sealedText([keyB, keyA]);
    expect(rotated.open(old)).toBe(TEXT);
    expect(rotated.seal(TEXT)).toContain(`:${keyIdOf(keyB)}:`);
  });

  it('refuses, naming the key, a text whose key is not listed or that was altered, and without any key', () => {
    const sealed = sealedText([keyA]).seal(TEXT)!;
    expect(() => sealedText([keyB]).open(sealed)).toThrow(new SealedTextError(keyIdOf(keyA), 'unknown_key'));
    expect(() => PLAIN_TEXT.open(sealed)).toThrow(SealedTextError);
    const payload = sealed.split(':')[3]!;
    const flipped = `${payload.slice(0, -2)}${payload.at(-2) === 'A' ? 'B' : 'A'}${payload.at(-1)}`;
    expect(() => sealedText([keyA]).open(sealed.replace(payload, flipped))).toThrow(new SealedTextError(keyIdOf(keyA), 'altered'));
  });

  it('takes one key or several, comma-separated, each 32 bytes in base64, and stops the start on anything else', () => {
    const a = keyA.toString('base64');
    const b = keyB.toString('base64');
    expect(parseDataKeys(`${b}, ${a}`)).toEqual({ ok: true, keys: [keyB, keyA] });
    expect(parseConfig({ DATA_ENCRYPTION_KEY: a }).dataKeys).toEqual([keyA]);
    expect(parseConfig({}).dataKeys).toEqual([]);
    for (const bad of ['secret', randomBytes(16).toString('base64'), `${a},`, 'x'.repeat(44)])
      expect(() => parseConfig({ DATA_ENCRYPTION_KEY: bad })).toThrow(/^DATA_ENCRYPTION_KEY: each key must be 32 bytes in base64/);
  });
});
