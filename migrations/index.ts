import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-22T0000_initial_schema';
import * as meetings from './2026-11-22T0120_meetings';
import * as practice from './2026-11-22T0130_practice';
import * as scheduler from './2026-11-22T0140_scheduler';
import * as incrementalPlanning from './2026-11-22T0150_incremental_planning';
import * as outboxSends from './2026-12-02T0110_outbox_sends';
import * as installations from './2026-12-10T0100_installations';
import * as pairLifecycle from './2026-12-10T0200_pair_lifecycle';
import * as personalData from './2026-12-11T0100_personal_data';
import * as pairExpectations from './2026-12-11T0200_pair_expectations';
import * as programCoordinators from './2026-12-11T0300_program_coordinators';
import * as pairUpdates from './2026-12-11T0500_pair_updates';
import * as feedbackExamples from './2026-12-11T0700_feedback_examples';
import * as peopleRealName from './2026-12-11T0800_people_real_name';
import * as actionItemOverdueNudge from './2026-12-12T0100_action_item_overdue_nudge';
import * as workspaceAdmins from './2026-12-12T0300_workspace_admins';
import * as progressCheckIns from './2026-12-12T0400_progress_check_ins';
import * as homeOpenings from './2026-12-13T0100_home_openings';

/**
 * Every migration, by name. Names sort in the order they run; a static list (rather than
 * reading the folder) works the same from ts sources under jest and from the compiled build.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0000_initial_schema': initialSchema,
  '2026-11-22T0120_meetings': meetings,
  '2026-11-22T0130_practice': practice,
  '2026-11-22T0140_scheduler': scheduler,
  '2026-11-22T0150_incremental_planning': incrementalPlanning,
  '2026-12-02T0110_outbox_sends': outboxSends,
  '2026-12-10T0100_installations': installations,
  '2026-12-10T0200_pair_lifecycle': pairLifecycle,
  '2026-12-11T0100_personal_data': personalData,
  '2026-12-11T0200_pair_expectations': pairExpectations,
  '2026-12-11T0300_program_coordinators': programCoordinators,
  '2026-12-11T0500_pair_updates': pairUpdates,
  '2026-12-11T0700_feedback_examples': feedbackExamples,
  '2026-12-11T0800_people_real_name': peopleRealName,
  '2026-12-12T0100_action_item_overdue_nudge': actionItemOverdueNudge,
  '2026-12-12T0300_workspace_admins': workspaceAdmins,
  '2026-12-12T0400_progress_check_ins': progressCheckIns,
  '2026-12-13T0100_home_openings': homeOpenings,
};
