import type { ThanksSent } from '../appreciation/events';
import type { UpdateSent } from '../updates/events';
import type { FeedbackEvent } from '../feedback/events';
import type { JournalWritten } from '../journal/events';
import type { PairEvent } from '../pairs/events';
import type { ResourceEvent } from '../resources/events';
import type { ReminderSettingsSaved } from '../reminders/events';
import type { MeetingEvent } from '../meetings/events';
import type { GoalEvent } from '../goals/events';
import type { PersonalDataErased } from '../personal-data/events';
import type { ExpectationsEvent } from '../expectations/events';

/**
 * What happened, as the domain tells it: one type per change that someone else should hear about or
 * see. Each carries what the messages about it show (names, zones, times), so turning an event into
 * messages needs no further reads. Features declare their events in their own folder.
 */
export type DomainEvent =
  | ThanksSent
  | UpdateSent
  | FeedbackEvent
  | ResourceEvent
  | JournalWritten
  | PairEvent
  | ReminderSettingsSaved
  | MeetingEvent
  | GoalEvent
  | PersonalDataErased
  | ExpectationsEvent;

export type DomainEventType = DomainEvent['type'];
