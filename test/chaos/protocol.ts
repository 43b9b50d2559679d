/** Set in a replica's environment: it then serves Slack's requests too, signed with this secret. */
export const CHAOS_SIGNING_SECRET_ENV = 'CHAOS_SIGNING_SECRET';

/** What a replica tells the runner over IPC once its HTTP server listens. */
export interface ReplicaListening {
  type: 'listening';
  url: string;
}
