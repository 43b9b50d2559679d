export { SlackStandIn, type StandInOptions } from './stand-in';
export type { RateLimitOptions } from './rate-limit';
export type { ViewAckResult } from './view-ack';
export type { ChannelFixture, Fault, FaultPolicy, Json, Problem, RecordedCall, StoredMessage, StoredView, UserFixture } from './types';
export { validateBlocks, type Surface } from './blocks';
export { validateView, viewTooLarge, MAX_VIEW_BYTES } from './views';
export { toSlackMessage } from './messages';
export { BOT_USER_ID, BOT_ID, APP_ID, dmId } from './workspace';
export type { StoredFile } from './files';
