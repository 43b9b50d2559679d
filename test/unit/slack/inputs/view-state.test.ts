import { checkViewState, readConversation, readOption, readOptions, readText, readUser } from '../../../../src/slack/inputs/view-state';

const values = {
  b_user: { a_user: { type: 'users_select', selected_user: 'U1' } },
  b_text: { a_text: { type: 'plain_text_input', value: '  hello  ' } },
  b_channel: { a_channel: { type: 'channels_select', selected_channel: 'C1' } },
  b_option: { a_option: { type: 'static_select', selected_option: { value: 'weekly' } } },
  b_options: { a_options: { type: 'checkboxes', selected_options: [{ value: 'x' }, { value: 'y' }] } },
  b_bad: { a_bad: { type: 'users_select', selected_user: 42 } },
};

describe('view state readers', () => {
  it('answer the same for raw values and for values checked once', () => {
    const checked = checkViewState(values);
    for (const source of [values, checked]) {
      expect(readUser(source, 'b_user', 'a_user')).toBe('U1');
      expect(readText(source, 'b_text', 'a_text')).toBe('hello');
      expect(readConversation(source, 'b_channel', 'a_channel')).toBe('C1');
      expect(readOption(source, 'b_option', 'a_option')).toBe('weekly');
      expect(readOptions(source, 'b_options', 'a_options')).toEqual(['x', 'y']);
      expect(readUser(source, 'b_bad', 'a_bad')).toBeNull();
      expect(readUser(source, 'b_missing', 'a_user')).toBeNull();
    }
    expect(checkViewState(checked)).toBe(checked);
  });

  it('read nothing from values that are not a record of records', () => {
    for (const bad of [null, 'text', [values], { ...values, b_text: 'not a block' }]) {
      expect(readUser(bad, 'b_user', 'a_user')).toBeNull();
      expect(readUser(checkViewState(bad), 'b_user', 'a_user')).toBeNull();
    }
  });
});
