/**
 * Republishes Home tabs after a change they show, for the people who may be looking at theirs.
 * Implementations coalesce per person and never throw into the caller: the change is already saved.
 */
export interface HomeRefresher {
  refresh(teamId: string, userIds: readonly string[]): Promise<void>;
  /** Resolves once no publish is running or waiting (tests, shutdown). */
  idle(): Promise<void>;
  /** Drops publishes that are only waiting and waits for the one running. */
  stop(): Promise<void>;
}
