import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { COMMAND } from '../../src/slack/ids';
import { SUBCOMMANDS } from '../../src/slack/subcommands';
import { BOT_SCOPES, REDIRECT_PATH } from '../../src/slack/install/scopes';

const root = join(__dirname, '..', '..');
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));
// Slack's public JSON Schema for v1 manifests lives beside the project (../shared), not in it.
const schemaPath = join(root, '..', 'shared', 'slack-fixtures', 'manifest-schema', 'manifest.schema.1.0.0.json');

describe('manifest.yml', () => {
  const haveSchema = existsSync(schemaPath);
  (haveSchema || process.env.CI ? it : it.skip)("validates against Slack's manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares /mentorship with every subcommand in its usage hint', () => {
    const command = manifest.features.slash_commands.find((c: { command: string }) => c.command === COMMAND);
    expect(command).toBeDefined();
    for (const sub of SUBCOMMANDS) expect(command.usage_hint).toContain(sub.name);
  });

  it('routes commands, interactivity and events to /slack/events with the App Home tab on', () => {
    expect(manifest.features.slash_commands[0].url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true, request_url: expect.stringMatching(/\/slack\/events$/) });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("makes the bot's DM writable and subscribes to what is typed there", () => {
    // A read-only Messages tab hides the composer: nobody could type /mentorship in the bot's DM.
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
    // message.im needs im:history, which the reminders' reconciliation already asks for.
    expect(manifest.oauth_config.scopes.bot).toContain('im:history');
  });

  it('subscribes to the uninstall events and sends "Add to Slack" back to /slack/oauth_redirect', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(new RegExp(`${REDIRECT_PATH}$`))]);
  });

  it('asks "Add to Slack" for exactly the scopes of the manifest', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('asks for the least bot scopes the features use', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'channels:history',
      'chat:write',
      'chat:write.public',
      'commands',
      'files:write',
      'groups:history',
      'im:history',
      'im:write',
      'users:read',
      'users:read.email',
    ]);
  });
});
