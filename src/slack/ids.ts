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
  /** meetings: value = action item id; opens a done item again ("Not done yet") */
  reopenActionItem: 'action_item_reopen',
  /** meetings: value = action item id; deletes it (after Slack's confirmation) and tells the other person */
  deleteActionItem: 'action_item_delete',
  /** meetings: value = meeting id; opens the notes modal filled with the saved notes, to amend them */
  amendNotes: 'notes_amend',
  /** meetings: value = action item id; opens ActionItemModal to edit its text */
  editActionItem: 'action_item_edit',
  /** practice: value = pair id */
  sayThanks: 'open_thanks',
  /** practice: value = pair id, or '' for a journal entry not tied to a pair */
  writeJournal: 'open_journal',
  /** practice: value = pair id */
  askFeedback: 'open_feedback',
  /** practice: value = pair id */
  addResource: 'open_resource',
  /** updates between meetings: value = pair id */
  sendUpdate: 'open_update',
} as const;

// ---- goals ---------------------------------------------------------------------------------------

/** The add/edit goal modal, built on SMART. */
export const GoalModal = {
  callbackId: 'goal_save',
  blocks: {
    title: 'goal_title',
    specific: 'goal_specific',
    measurable: 'goal_measurable',
    achievable: 'goal_achievable',
    relevant: 'goal_relevant',
    targetDate: 'goal_target_date',
    objective: 'goal_objective',
    keyResults: 'goal_key_results',
    milestones: 'goal_milestones',
    shareNow: 'goal_share_now',
    swot: 'goal_swot_link',
  },
  actions: {
    title: 'goal_title_input',
    specific: 'goal_specific_input',
    measurable: 'goal_measurable_input',
    achievable: 'goal_achievable_input',
    relevant: 'goal_relevant_input',
    targetDate: 'goal_target_date_pick',
    objective: 'goal_objective_input',
    keyResults: 'goal_key_results_input',
    milestones: 'goal_milestones_input',
    shareNow: 'goal_share_now_check',
    /** value = pair id: pushes the SWOT on top of the goal modal. */
    openSwot: 'goal_open_swot',
  },
  shareNowValue: 'share',
} as const;

/**
 * Buttons on goals. In the goal list (and DMs) `value` is the goal id; on the approval message in
 * the goals channel it is `<goal id>:<version>`, so a press on an outdated message is recognised.
 * Adding a goal uses OpenActions.addGoal (value = pair id).
 */
export const GoalActions = {
  edit: 'goal_edit',
  share: 'goal_share',
  progress: 'goal_progress',
  achieve: 'goal_achieve',
  drop: 'goal_drop',
  approve: 'goal_approve',
  requestChanges: 'goal_request_changes',
  reflect: 'goal_reflect',
  /** value = pair id: the SWOT from the goal list (edit for the mentee, read for the mentor). */
  swot: 'goal_list_swot',
} as const;

/** Block ids of the goal list and approval message; one per goal or pair, as Slack wants them unique. */
export const GoalBlocks = {
  pair: (pairId: string) => `goal_pair_${pairId}`,
  pairActions: (pairId: string) => `goal_pair_actions_${pairId}`,
  goal: (goalId: string) => `goal_${goalId}`,
  goalActions: (goalId: string) => `goal_actions_${goalId}`,
  review: 'goal_review',
} as const;

export const GoalProgressModal = {
  callbackId: 'goal_progress_save',
  /** One number input per numeric key result: block `goal_kr_<item id>`. */
  numericBlock: (itemId: string) => `goal_kr_${itemId}`,
  numericAction: 'goal_kr_value',
  checks: { block: 'goal_kr_checks', action: 'goal_kr_checks_pick' },
  milestones: { block: 'goal_milestone_checks', action: 'goal_milestone_checks_pick' },
} as const;

export const GoalChangesModal = {
  callbackId: 'goal_changes_save',
  blocks: { comment: 'goal_changes_comment' },
  actions: { comment: 'goal_changes_comment_input' },
} as const;

export const GoalReflectionModal = {
  callbackId: 'goal_reflection_save',
  blocks: { reflection: 'goal_reflection' },
  actions: { reflection: 'goal_reflection_input' },
} as const;

export const SwotModal = {
  callbackId: 'swot_save',
  blocks: { strengths: 'swot_strengths', weaknesses: 'swot_weaknesses', opportunities: 'swot_opportunities', threats: 'swot_threats' },
  actions: {
    strengths: 'swot_strengths_input',
    weaknesses: 'swot_weaknesses_input',
    opportunities: 'swot_opportunities_input',
    threats: 'swot_threats_input',
  },
} as const;
/** Meetings: `/mentorship meeting`, `agenda` and `notes`, and the buttons on their messages. */
export const MeetingActions = {
  /** value = meeting id */
  reschedule: 'meeting_reschedule_open',
  /** value = meeting id */
  skip: 'meeting_skip',
  /** value = pair id */
  changeRule: 'meeting_rule_open',
  /** value = meeting id: "Doesn't suit me" on the DM about a moved meeting, opens ProposeTimeModal */
  notSuitable: 'meeting_time_not_suitable',
} as const;

export const RescheduleModal = {
  callbackId: 'meeting_reschedule',
  blocks: { date: 'reschedule_date', time: 'reschedule_time' },
  actions: { date: 'reschedule_date_pick', time: 'reschedule_time_pick' },
} as const;

/** Another time proposed by the person a moved meeting does not suit; nothing is moved. */
export const ProposeTimeModal = {
  callbackId: 'meeting_propose_time',
  blocks: { date: 'propose_date', time: 'propose_time' },
  actions: { date: 'propose_date_pick', time: 'propose_time_pick' },
} as const;

export const RuleModal = {
  callbackId: 'meeting_rule',
  blocks: { cadence: 'rule_cadence', time: 'rule_time', duration: 'rule_duration', fromDate: 'rule_from_date' },
  actions: { cadence: 'rule_cadence_select', time: 'rule_time_pick', duration: 'rule_duration_select', fromDate: 'rule_from_date_pick' },
} as const;

/**
 * The carry-over, wrap-up and covered blocks list a given meeting's items, so their block ids end in
 * that meeting's id: when the pair picker swaps the meeting, Slack must not keep the old ticks.
 */
export const meetingScopedBlock = (base: string, meetingId: string): string => `${base}.${meetingId}`;

export const AgendaModal = {
  callbackId: 'agenda',
  blocks: {
    carryOver: 'agenda_carry',
    wrapUp: 'agenda_wrap_up',
    topics: 'agenda_topics',
    questions: 'agenda_questions',
    feedbackFocus: 'agenda_feedback_focus',
    highlight: 'agenda_highlight',
    materials: 'agenda_materials',
  },
  actions: {
    carryOver: 'agenda_carry_pick',
    wrapUp: 'agenda_wrap_up_pick',
    topics: 'agenda_topics_input',
    questions: 'agenda_questions_input',
    feedbackFocus: 'agenda_feedback_focus_input',
    highlight: 'agenda_highlight_input',
    materials: 'agenda_materials_input',
  },
} as const;

export const NotesModal = {
  callbackId: 'notes',
  /** The same form, filled with saved notes, amending them. */
  amendCallbackId: 'notes_amend_save',
  blocks: {
    covered: 'notes_covered',
    takeaways: 'notes_takeaways',
    actionItems: 'notes_action_items',
    feedbackReceived: 'notes_feedback_received',
    feedbackApplication: 'notes_feedback_application',
  },
  actions: {
    covered: 'notes_covered_pick',
    takeaways: 'notes_takeaways_input',
    actionItems: 'notes_action_items_input',
    feedbackReceived: 'notes_feedback_received_input',
    feedbackApplication: 'notes_feedback_application_input',
  },
} as const;

/** An action item's text, edited by either person of the pair (the other is told). */
export const ActionItemModal = {
  callbackId: 'action_item_edit_save',
  blocks: { body: 'action_item_body' },
  actions: { body: 'action_item_body_input' },
} as const;

/** Each action item is one block, so ticking it can swap just that block in any message that shows it. */
export const actionItemBlockId = (itemId: string): string => `action_item.${itemId}`;
/** The item's Delete button under it (notes summaries only): dropped with the item. */
export const actionItemActionsBlockId = (itemId: string): string => `action_item_actions.${itemId}`;
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
  example: { callbackId: 'feedback_example', blocks: { example: 'feedback_example' }, actions: { example: 'feedback_example_input' } },
} as const;

export const FeedbackActions = {
  /** value = feedback request id: opens the answer modal (the responder only) */
  answer: 'feedback_answer_open',
  /** value = feedback request id: opens "how I applied it" (the mentee who asked only) */
  apply: 'feedback_apply_open',
  /** value = feedback request id: asks the answerer for a concrete example (the person who asked only, once) */
  askExample: 'feedback_example_ask',
  /** value = feedback request id: opens the example modal (the answerer only, once asked) */
  giveExample: 'feedback_example_open',
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
  /** The author's whole journal, a page at a time, each entry with Edit and Delete; metadata = { offset }. No submit. */
  browse: { callbackId: 'journal_pages' },
  /** One entry being edited (the write form's blocks, filled in); metadata = { entryId, offset } (untrusted). */
  edit: { callbackId: 'journal_edit' },
} as const;

export const JournalActions = {
  /** value = journal entry id; opens it for its author only */
  openEntry: 'journal_open_entry',
  /** value = offset of the page (newest first); opens the author's whole journal, from its list */
  browse: 'journal_browse',
  /** value = offset of the page; Newer / Older in the journal modal (two ids: one actions block takes each id once) */
  newerPage: 'journal_newer_page',
  olderPage: 'journal_older_page',
  /** value = journal entry id; turns the journal modal into the entry's edit form, for its author only */
  editEntry: 'journal_edit_entry',
  /** value = journal entry id; after Slack's confirm dialog, deletes it for its author only */
  deleteEntry: 'journal_delete_entry',
} as const;

export const ThanksModal = {
  callbackId: 'thanks_send',
  blocks: { message: 'thanks_message' },
  actions: { message: 'thanks_message_input' },
} as const;

/** `/mentorship update`: a short note to the other person between meetings. */
export const UpdateModal = {
  callbackId: 'update_send',
  blocks: { doneSince: 'update_done_since', win: 'update_win', blocker: 'update_blocker' },
  actions: { doneSince: 'update_done_since_input', win: 'update_win_input', blocker: 'update_blocker_input' },
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
  blocks: { lead: 'reminder_lead', pause: 'reminder_pause', zone: 'reminder_zone' },
  actions: { lead: 'reminder_lead_select', pause: 'reminder_pause_date', zone: 'reminder_zone_input' },
} as const;

// ---- a pair's life ----------------------------------------------------------------------------------

/**
 * Buttons on the invitation DM, the Home tab and `/mentorship status`, the closing summary and the
 * check-ins. `value` is the pair id; each handler checks, again, that the presser belongs to the pair
 * and that the pair is in a state where the press still means something (else the message is redrawn).
 */
export const PairLifeActions = {
  accept: 'pair_accept',
  /** opens PairDeclineModal */
  decline: 'pair_decline',
  /** the inviter takes the invitation back */
  withdraw: 'pair_withdraw',
  /** opens PairPauseModal */
  pause: 'pair_pause',
  resume: 'pair_resume',
  /** opens PairEndModal */
  end: 'pair_end',
  /** opens PairChangeModal */
  change: 'pair_change',
  /** opens PairReflectionModal (after the end) */
  reflect: 'pair_reflect',
  /** opens CheckInNoteModal: a note to the other person after the end */
  checkInNote: 'check_in_note',
  stopCheckIns: 'check_in_stop',
} as const;

export const PairDeclineModal = {
  callbackId: 'pair_decline_save',
  blocks: { reason: 'pair_decline_reason' },
  actions: { reason: 'pair_decline_reason_input' },
} as const;

export const PairPauseModal = {
  callbackId: 'pair_pause_save',
  blocks: { resumeOn: 'pair_pause_resume_on' },
  actions: { resumeOn: 'pair_pause_resume_on_pick' },
} as const;

export const PairEndModal = {
  callbackId: 'pair_end_save',
  blocks: { reason: 'pair_end_reason' },
  actions: { reason: 'pair_end_reason_input' },
} as const;

export const PairChangeModal = {
  callbackId: 'pair_change_save',
  blocks: { channel: 'pair_change_channel', timeZone: 'pair_change_time_zone', plannedEnd: 'pair_change_planned_end' },
  actions: { channel: 'pair_change_channel_select', timeZone: 'pair_change_time_zone_input', plannedEnd: 'pair_change_planned_end_pick' },
} as const;

export const PairReflectionModal = {
  callbackId: 'pair_reflection_save',
  blocks: {
    learned: 'pair_reflection_learned',
    nextSteps: 'pair_reflection_next',
    longTermGoals: 'pair_reflection_goals',
    stayInTouch: 'pair_reflection_touch',
    wouldMentor: 'pair_reflection_mentor',
    checkIns: 'pair_reflection_check_ins',
  },
  actions: {
    learned: 'pair_reflection_learned_input',
    nextSteps: 'pair_reflection_next_input',
    longTermGoals: 'pair_reflection_goals_input',
    stayInTouch: 'pair_reflection_touch_input',
    wouldMentor: 'pair_reflection_mentor_pick',
    checkIns: 'pair_reflection_check_ins_pick',
  },
  checkInsValue: 'yes',
} as const;

export const CheckInNoteModal = {
  callbackId: 'check_in_note_send',
  blocks: { note: 'check_in_note_text' },
  actions: { note: 'check_in_note_input' },
} as const;

/**
 * The check-ins during a mentorship (a third and two thirds of the way): one button per answer, each
 * opening ProgressCheckInModal with that answer picked. value = `<pair id>:<checkpoint>`.
 */
export const ProgressCheckInActions = {
  great: 'progress_check_in_great',
  okay: 'progress_check_in_okay',
  notWorking: 'progress_check_in_not_working',
} as const;

export const ProgressCheckInModal = {
  callbackId: 'progress_check_in_save',
  blocks: { answer: 'progress_check_in_answer', note: 'progress_check_in_note', share: 'progress_check_in_share' },
  actions: { answer: 'progress_check_in_answer_pick', note: 'progress_check_in_note_input', share: 'progress_check_in_share_check' },
  shareValue: 'share',
} as const;

// ---- expectations agreed at the start -----------------------------------------------------------------

/**
 * A pair's expectations: on the welcome DM, the first meeting's prep nudge and agenda modal, the Home tab
 * and `/mentorship status`, and the notice that asks the other person to confirm them.
 */
export const ExpectationsActions = {
  /** value = pair id: opens ExpectationsModal (pushed on top when pressed inside a modal), or the read-only view once the pair has ended */
  open: 'expectations_open',
  /** value = `<pair id>:<version>`: the other person confirms that version (an older one is recognised) */
  confirm: 'expectations_confirm',
} as const;

export const ExpectationsModal = {
  callbackId: 'expectations_save',
  blocks: {
    betweenMeetings: 'expectations_between',
    feedbackStyle: 'expectations_feedback',
    boundaries: 'expectations_boundaries',
    myHope: 'expectations_hope',
  },
  actions: {
    betweenMeetings: 'expectations_between_input',
    feedbackStyle: 'expectations_feedback_input',
    boundaries: 'expectations_boundaries_input',
    myHope: 'expectations_hope_input',
  },
} as const;

/** An ended pair's expectations, read-only (no submit). */
export const ExpectationsReadModal = { callbackId: 'expectations_read' } as const;

/** `/mentorship mydata`: a person's own data. Buttons carry the presser's own user id (a press by anyone else is refused). */
export const MyDataActions = {
  /** value = the user id the button was shown to: the export, as a JSON file in their DM */
  export: 'mydata_export',
  /** value = the user id the button was shown to: opens the confirmation listing what will go */
  openDelete: 'mydata_delete_open',
} as const;

export const MyDataDeleteModal = {
  callbackId: 'mydata_delete',
  blocks: { confirm: 'mydata_delete_confirm' },
  actions: { confirm: 'mydata_delete_confirm_check' },
  confirmValue: 'delete',
} as const;

// ---- program coordinators -------------------------------------------------------------------------

/** The program overview (`/mentorship program`): read-only, never submitted; its selects and buttons act at once. */
export const ProgramModal = {
  callbackId: 'program_overview',
  blocks: {
    filters: 'program_filters',
    paging: 'program_paging',
    coordinators: 'program_coordinators',
  },
} as const;

export const ProgramActions = {
  /** On a coordinator's Home: opens the overview. */
  openOverview: 'program_open',
  /** static_select in the overview: value = a pair state, or 'all'. */
  filterState: 'program_filter_state',
  /** static_select in the overview: value = a health, or 'all'. */
  filterHealth: 'program_filter_health',
  /** value = the page to show (0-based). */
  previousPage: 'program_page_previous',
  nextPage: 'program_page_next',
  /** users_select in the overview: the picked person becomes, or stops being, an added coordinator. */
  addCoordinator: 'program_coordinator_add',
  removeCoordinator: 'program_coordinator_remove',
  /** In the overview's paging row: sends the presser, in their DM with the bot, a CSV of every pair. */
  exportCsv: 'program_export_csv',
  /** Next to the habits (overview and Home): sends the presser, in their DM with the bot, the habits' bar chart as a PNG. */
  habitChart: 'program_habit_chart',
  /** In the weekly digest DM: opens the overview; value = the overview's state (filters, page) as JSON. */
  digestOpen: 'program_digest_open',
  /** In the overview's paging row: pushes ProgramEnrolModal. */
  enrol: 'program_enrol_open',
} as const;

/** Bulk enrolment (pushed over the overview): one pair per line, checked, then shown in ProgramEnrolPreview. */
export const ProgramEnrolModal = {
  callbackId: 'program_enrol',
  blocks: { lines: 'program_enrol_lines' },
  actions: { lines: 'program_enrol_lines_input' },
} as const;

/** The preview pushed over ProgramEnrolModal: Create pairs submits it; Back (its close button) returns to the text. */
export const ProgramEnrolPreview = {
  callbackId: 'program_enrol_confirm',
} as const;
