import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { InvalidStateError, type InstallURLOptions, type StateStore } from '@slack/oauth';
import type { WorkspacesService } from '../../domain/workspaces/workspaces.service';

/** Slack's installer keeps its state cookie this long; the state itself lives no longer. */
export const STATE_TTL_SECONDS = 600;

interface StatePayload {
  id: string;
  installOptions: InstallURLOptions;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/**
 * The `state` of "Add to Slack": signed with SLACK_STATE_SECRET (a forged one is refused before the
 * database is asked) and recorded, so it is accepted once, within STATE_TTL_SECONDS, by any replica
 * (the expiry is the service's clock, the database's time line, not the installer's).
 * The installer also checks it against the cookie the install page set in the same browser.
 */
export function singleUseStateStore(
  workspaces: Pick<WorkspacesService, 'issueState' | 'useState'>,
  secret: string,
  ttlSeconds = STATE_TTL_SECONDS,
): StateStore {
  return {
    async generateStateParam(installOptions) {
      const id = randomUUID();
      await workspaces.issueState(id, ttlSeconds);
      const payload = Buffer.from(JSON.stringify({ id, installOptions } satisfies StatePayload)).toString('base64url');
      return `${payload}.${sign(secret, payload)}`;
    },
    async verifyStateParam(_now, state) {
      const [payload, signature] = state.split('.');
      const expected = payload ? sign(secret, payload) : '';
      if (!payload || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
        throw new InvalidStateError('The state parameter is not one this app signed.');
      }
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as StatePayload;
      if (!(await workspaces.useState(decoded.id))) throw new InvalidStateError('The state parameter was already used or has expired.');
      return decoded.installOptions;
    },
  };
}
