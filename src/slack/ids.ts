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

// ---- practice: feedback, learning resources, the private journal, thanks ----------------------------

export const FeedbackModal = {
  request: {
    callbackId: 'feedback_request',
    blocks: { area: 'feedback_area', question: 'feedback_question' },
    actions: { area: 'feedback_area_input', question: 'feedback_question_input' },
  },
  answer: { callbackId: 'feedback_answer', blocks: { answer: 'feedback_answer' }, actions: { answer: 'feedback_answer_input' } },
  apply: {
    callbackId: 'feedback_apply',
    blocks: { application: 'feedback_application' },
    actions: { application: 'feedback_application_input' },
  },
} as const;

export const FeedbackActions = {
  /** value = feedback request id: opens the answer modal (the responder only) */
  answer: 'feedback_answer_open',
  /** value = feedback request id: opens "how I applied it" (the mentee who asked only) */
  apply: 'feedback_apply_open',
} as const;

export const ResourceModal = {
  add: {
    callbackId: 'resource_add',
    blocks: { title: 'resource_title', url: 'resource_url', kind: 'resource_kind', recommendedBy: 'resource_recommended_by' },
    actions: { title: 'resource_title_input', url: 'resource_url_input', kind: 'resource_kind_select', recommendedBy: 'resource_recommended_by_select' },
  },
  explored: { callbackId: 'resource_explored', blocks: { takeaway: 'resource_takeaway' }, actions: { takeaway: 'resource_takeaway_input' } },
} as const;

export const ResourceActions = {
  /** value = resource id */
  markExplored: 'resource_mark_explored',
} as const;

export const JournalModal = {
  write: {
    callbackId: 'journal_write',
    blocks: { wentWell: 'journal_went_well', learned: 'journal_learned', tryNext: 'journal_try_next' },
    actions: { wentWell: 'journal_went_well_input', learned: 'journal_learned_input', tryNext: 'journal_try_next_input' },
  },
  /** A read-only view of one entry. */
  entry: { callbackId: 'journal_entry' },
} as const;

export const JournalActions = {
  /** value = journal entry id; opens it for its author only */
  openEntry: 'journal_open_entry',
} as const;

export const ThanksModal = {
  callbackId: 'thanks_send',
  blocks: { message: 'thanks_message' },
  actions: { message: 'thanks_message_input' },
} as const;
