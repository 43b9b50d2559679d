import { z } from 'zod';
import { HEALTHS, type PairHealth } from '../../domain/program/health';
import { STATES } from '../../domain/program/overview';
import type { PairStatus } from '../../db/schema';
import { decodeMetadata, encodeMetadata } from './metadata';

/** Far beyond any workspace's pages (10,000 pairs are 500 of them): a forged page number stays a small offset. */
const MAX_PAGE = 10_000;

const page = z.coerce.number().int().min(0).max(MAX_PAGE);
const status = z.enum(STATES as [PairStatus, ...PairStatus[]]);
const health = z.enum(HEALTHS as [PairHealth, ...PairHealth[]]);

const Metadata = z.object({ status: status.nullable(), health: health.nullable(), page });
/** What the overview is showing: its filters and page, kept in the modal's private_metadata. */
export type OverviewState = z.infer<typeof Metadata>;

export const FIRST_PAGE: OverviewState = { status: null, health: null, page: 0 };

export const encodeOverviewState = (state: OverviewState): string => encodeMetadata(state);

/** The overview's state as the modal carries it; anything unreadable starts over from the first page. */
export const overviewStateOf = (raw: string | undefined): OverviewState => decodeMetadata(Metadata, raw) ?? FIRST_PAGE;

/** The picked option of a filter select: 'all' (or nothing readable) clears that filter. */
export const parseStatusFilter = (value: string | undefined): PairStatus | null => status.safeParse(value).data ?? null;
export const parseHealthFilter = (value: string | undefined): PairHealth | null => health.safeParse(value).data ?? null;

/** A page button's value; null refuses the press as malformed. */
export const parsePage = (value: string | undefined): number | null => page.safeParse(value).data ?? null;

/** A users_select pick: a Slack user id. */
export const parseUserId = (value: string | undefined): string | null => (value && /^[UW][A-Z0-9]{2,20}$/.test(value) ? value : null);
