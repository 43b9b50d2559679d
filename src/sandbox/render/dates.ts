/**
 * Slack's date tokens (`<!date^epoch^{token} text^link|fallback>` in mrkdwn, the `date` element of
 * rich text), shown in the viewer's zone as Slack's client does in English with a 12-hour clock.
 * An unknown token or a bad epoch gives `undefined`: the caller shows the fallback, as Slack does.
 */
import { DateTime } from 'luxon';
import { escapeHtml } from './escape';

interface Clock {
  viewerTz: string;
  now: Date;
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

const RELATIVE: Record<number, string> = { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' };

function tokens(at: DateTime, today: DateTime): Record<string, () => string> {
  const dayOffset = Math.round(at.startOf('day').diff(today.startOf('day'), 'days').days);
  const pretty = (otherwise: string): string => RELATIVE[dayOffset] ?? otherwise;
  const date = `${at.toFormat('MMMM')} ${ordinal(at.day)}, ${at.year}`;
  const dateShort = at.toFormat('MMM d, yyyy');
  const dateLong = `${at.toFormat('cccc')}, ${date}`;
  return {
    date_num: () => at.toFormat('yyyy-MM-dd'),
    date_slash: () => at.toFormat('dd/MM/yyyy'),
    date: () => date,
    date_short: () => dateShort,
    date_long: () => dateLong,
    date_long_full: () => at.toFormat('MMMM d, yyyy'),
    date_pretty: () => pretty(date),
    date_short_pretty: () => pretty(dateShort),
    date_long_pretty: () => pretty(dateLong),
    day_divider_pretty: () => pretty(at.year === today.year ? `${at.toFormat('cccc')}, ${at.toFormat('MMMM')} ${ordinal(at.day)}` : dateLong),
    time: () => at.toFormat('h:mm a'),
    time_secs: () => at.toFormat('h:mm:ss a'),
    ago: () => at.toRelative({ base: today }) ?? dateShort,
  };
}

/** The format with its tokens filled in, as escaped HTML, or undefined when Slack would show the fallback. */
export function formatSlackDate(epochSeconds: number, format: string, clock: Clock): string | undefined {
  if (!Number.isFinite(epochSeconds)) return undefined;
  const at = DateTime.fromSeconds(epochSeconds, { zone: clock.viewerTz });
  const today = DateTime.fromJSDate(clock.now, { zone: clock.viewerTz });
  if (!at.isValid || !today.isValid) return undefined;
  const fill = tokens(at, today);
  let unknown = false;
  const text = format.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const token = fill[name];
    if (!token) unknown = true;
    return token ? token() : whole;
  });
  // Slack's client capitalises the first character of a formatted date ("Today at 4:30 PM" mid-sentence),
  // as the authors of Perl's Slack::BlockKit found for the rich-text date element that shares these tokens.
  return unknown ? undefined : escapeHtml(text.charAt(0).toUpperCase() + text.slice(1));
}
