/**
 * The bot scopes "Add to Slack" asks for: exactly manifest.yml's `oauth_config.scopes.bot` (a test
 * checks), the least the features need.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'im:write',
  'im:history',
  'channels:history',
  'groups:history',
  'users:read',
  'users:read.email',
  'files:write',
] as const;

/** The routes of multi-workspace mode (CONTRACT.md). */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
