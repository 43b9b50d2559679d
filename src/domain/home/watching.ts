/**
 * How long after someone last opened the Home tab (or pressed a button on it) the bot treats them as
 * possibly still looking at it. Slack sends `app_home_opened` each time a person navigates to the tab,
 * and the bot publishes their dashboard then, so a change only has to republish the Home of people who
 * may have it on screen now: everyone else sees the change the next time they open the tab, built then.
 * Half an hour covers a tab left open beside other work; someone who returns to it later has navigated
 * to it again, which publishes it.
 */
export const HOME_WATCH_MS = 30 * 60_000;

/** The moment before which an opening no longer counts as watching. */
export function watchingSince(now: Date): Date {
  return new Date(now.getTime() - HOME_WATCH_MS);
}
