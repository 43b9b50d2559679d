import { onAction } from '../../adapters/action';
import { type OverviewState, overviewStateOf, parseHealthFilter, parsePage, parseStatusFilter } from '../../inputs/program-form';
import { overviewModal } from '../../program-overview';

/**
 * Moving around the overview: a filter picked (back to the first page) or another page. The state
 * comes from the modal's metadata, untrusted: the service checks the presser coordinates either way.
 */
const browse = (name: string, next: (value: string | undefined, current: OverviewState) => OverviewState | null) =>
  onAction({
    name,
    parse: (press) => next(press.value, overviewStateOf(press.view?.privateMetadata)),
    run: (state, { actor, client }, deps) => overviewModal(client, deps, actor, state),
    reply: (view) => ({ kind: 'update_view', view }),
  });

export const programFilterState = browse('program_filter_state', (value, current) => ({ ...current, status: parseStatusFilter(value), page: 0 }));
export const programFilterHealth = browse('program_filter_health', (value, current) => ({ ...current, health: parseHealthFilter(value), page: 0 }));
export const programPage = browse('program_page', (value, current) => {
  const page = parsePage(value);
  return page === null ? null : { ...current, page };
});
