/**
 * Every callback_id, action_id and block_id the bot uses, in one place: a listener and the
 * builder that renders its view must agree on these, and a typo here fails type-checking
 * instead of silently never matching.
 */
export const COMMAND = '/mentorship';

export const PairModal = {
  callbackId: 'pair_create',
  blocks: {
    mentor: 'pair_mentor',
    mentee: 'pair_mentee',
    channel: 'pair_channel',
    cadence: 'pair_cadence',
    firstDate: 'pair_first_date',
    firstTime: 'pair_first_time',
    length: 'pair_length',
    timeZone: 'pair_time_zone',
    duration: 'pair_duration',
  },
  actions: {
    mentor: 'pair_mentor_select',
    /** dispatch_action: picking the mentee pre-fills the time zone with theirs. */
    mentee: 'pair_mentee_select',
    channel: 'pair_channel_select',
    cadence: 'pair_cadence_select',
    firstDate: 'pair_first_date_pick',
    firstTime: 'pair_first_time_pick',
    length: 'pair_length_select',
    timeZone: 'pair_time_zone_input',
    duration: 'pair_duration_select',
  },
} as const;

/** Modals that first ask "which pair?" when a person belongs to several. */
export const PairPicker = {
  blockId: 'pair_picker',
  actionId: 'pair_picker_select',
} as const;

export const HomeActions = {
  startPair: 'home_start_pair',
} as const;
