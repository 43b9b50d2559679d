import { coordinates } from '../../../../src/domain/pairs/coordinators';

const person = { admin: false, deleted: false, bot: false };

describe('who coordinates the program', () => {
  it('is every workspace admin or owner, added or not', () => {
    expect(coordinates({ ...person, admin: true }, false)).toBe(true);
  });

  it('is a person a coordinator added', () => {
    expect(coordinates(person, true)).toBe(true);
  });

  it('is nobody else (a removed coordinator is no longer added)', () => {
    expect(coordinates(person, false)).toBe(false);
  });

  it('is never a deactivated account or a bot, however it became one', () => {
    expect(coordinates({ ...person, deleted: true }, true)).toBe(false);
    expect(coordinates({ ...person, admin: true, deleted: true }, false)).toBe(false);
    expect(coordinates({ ...person, bot: true }, true)).toBe(false);
  });
});
