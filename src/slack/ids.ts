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

/**
 * Buttons that open a feature's modal or act on an item, usable from any surface (a DM, a channel
 * message, the Home tab, an ephemeral reply). The feature that owns the modal registers the handler;
 * other features (reminders, Home) only render the button. `value` carries the id named here.
 */
export const OpenActions = {
  /** goals: value = pair id */
  addGoal: 'open_add_goal',
  /** meetings: value = meeting id */
  prepareAgenda: 'open_agenda',
  /** meetings: value = meeting id */
  recordNotes: 'open_notes',
  /** meetings: value = action item id; ticks it done */
  tickActionItem: 'action_item_done',
  /** practice: value = pair id */
  sayThanks: 'open_thanks',
  /** practice: value = pair id, or '' for a journal entry not tied to a pair */
  writeJournal: 'open_journal',
  /** practice: value = pair id */
  askFeedback: 'open_feedback',
  /** practice: value = pair id */
  addResource: 'open_resource',
} as const;

/** Reminders (scheduler): buttons in the reminder DMs, and the reminder-settings modal the Home tab can open too. */
export const ReminderActions = {
  /** value = reminder id: the same reminder again in 2 hours */
  snooze: 'reminder_snooze',
  /** value = meeting id: skip it, cancel its reminders, tell the other person */
  skip: 'reminder_skip',
  /** value = '': opens ReminderSettingsModal (render it on any surface) */
  openSettings: 'reminder_settings_open',
  /** block_id of a reminder's buttons, replaced once the person answered */
  actionsBlock: 'reminder_actions',
  /** block_id of the "Reminder settings" button under every reminder */
  footerBlock: 'reminder_footer',
} as const;

export const ReminderSettingsModal = {
  callbackId: 'reminder_settings',
  blocks: { lead: 'reminder_lead', pause: 'reminder_pause' },
  actions: { lead: 'reminder_lead_select', pause: 'reminder_pause_date' },
} as const;
