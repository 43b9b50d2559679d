import type { WebClient } from '@slack/web-api';

/**
 * Features call this after any change that a person's Home tab shows (a goal approved, notes
 * recorded, an item ticked). The App Home feature provides the real implementation.
 */
export interface HomeRefresher {
  refresh(client: WebClient, teamId: string, userIds: readonly string[]): Promise<void>;
}

export const noHomeRefresh: HomeRefresher = { refresh: async () => undefined };
