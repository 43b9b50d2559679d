/** The requests the bench sends, signed exactly as Slack signs them. */
import { signRequest } from '../../src/devtools/slack-driver/sign';
import { defaultFirstDate, pairModal } from '../../src/slack/blocks/pair-modal';
import { PairModal } from '../../src/slack/ids';
import type { Prepared } from './load';
import { BENCH_CHANNEL, BENCH_SECRET, BENCH_TEAM, BENCH_USERS } from './protocol';

const FORM = 'application/x-www-form-urlencoded';

/** Trigger ids and response URLs issued by the stand-in for this run, one per request. */
export interface Issued {
  triggers: string[];
  responseUrls: string[];
}

export interface Scenario {
  key: string;
  label: string;
  make(i: number, issued: Issued): Prepared;
}

function signed(body: string, contentType: string): Prepared {
  return { body, headers: { 'content-type': contentType, ...signRequest(BENCH_SECRET, body) } };
}

function command(text: string, i: number, issued: Issued): Prepared {
  const user = BENCH_USERS.maria;
  const body = new URLSearchParams({
    token: 'unused',
    team_id: BENCH_TEAM,
    team_domain: 'bench',
    channel_id: `D${user.id}`,
    channel_name: 'directmessage',
    user_id: user.id,
    user_name: user.name,
    command: '/mentorship',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: issued.responseUrls[i % issued.responseUrls.length] ?? 'http://127.0.0.1:9/none',
    trigger_id: issued.triggers[i % issued.triggers.length] ?? 'none',
  }).toString();
  return signed(body, FORM);
}

/** A submission of the pair modal for a pair that already exists: read from the database, answered with a field error. */
function pairSubmissionBody(): string {
  const { blocks: b, actions: a } = PairModal;
  const modal = pairModal({ mentorId: BENCH_USERS.maria.id, timeZone: 'Europe/Berlin', firstDate: defaultFirstDate(new Date(), 'Europe/Berlin') });
  const firstDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const values = {
    [b.mentor]: { [a.mentor]: { type: 'users_select', selected_user: BENCH_USERS.maria.id } },
    [b.mentee]: { [a.mentee]: { type: 'users_select', selected_user: BENCH_USERS.theo.id } },
    [b.channel]: { [a.channel]: { type: 'conversations_select', selected_conversation: BENCH_CHANNEL.id } },
    [b.cadence]: { [a.cadence]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Every week' }, value: 'weekly' } } },
    [b.firstDate]: { [a.firstDate]: { type: 'datepicker', selected_date: firstDate } },
    [b.firstTime]: { [a.firstTime]: { type: 'timepicker', selected_time: '10:00' } },
    [b.duration]: { [a.duration]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '60 minutes' }, value: '60' } } },
    [b.timeZone]: { [a.timeZone]: { type: 'plain_text_input', value: 'Europe/Berlin' } },
    [b.length]: { [a.length]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '6 months' }, value: '6' } } },
  };
  const view = {
    ...modal,
    id: 'V0BENCH',
    team_id: BENCH_TEAM,
    private_metadata: '',
    external_id: '',
    state: { values },
    hash: '1700000000.bench',
    previous_view_id: null,
    root_view_id: 'V0BENCH',
    app_id: 'A0001',
    app_installed_team_id: BENCH_TEAM,
    bot_id: 'BBOT',
  };
  const payload = {
    type: 'view_submission',
    team: { id: BENCH_TEAM, domain: 'bench' },
    user: { id: BENCH_USERS.maria.id, username: BENCH_USERS.maria.name, name: BENCH_USERS.maria.name, team_id: BENCH_TEAM },
    api_app_id: 'A0001',
    token: 'unused',
    trigger_id: 'unused',
    view,
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let submission: string | undefined;

export const SCENARIOS: Scenario[] = [
  { key: 'help', label: '/mentorship help', make: (i, issued) => command('help', i, issued) },
  // Maria's pair is seeded: the agenda modal for its next meeting (pair, meeting and agenda reads, then views.open).
  { key: 'agenda', label: '/mentorship agenda (DB + views.open)', make: (i, issued) => command('agenda', i, issued) },
  {
    key: 'submit',
    label: 'pair submission refused: pair exists (DB)',
    make: () => signed((submission ??= pairSubmissionBody()), FORM),
  },
];
