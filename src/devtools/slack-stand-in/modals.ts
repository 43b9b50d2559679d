/**
 * views.* methods and the per-user modal stack. Trigger ids are issued by the driver (as Slack issues
 * them with each interaction) and obey Slack's rules: 3 s lifetime, single use. The stack holds at most
 * three views; Home tabs are one view per user whose id survives re-publishing.
 */
import { type Ids, withGeneratedIds } from './ids';
import type { ApiResult, Json, Problem, StoredView } from './types';
import { apiError } from './types';
import { validateView, viewTooLarge } from './views';
import { APP_ID, BOT_ID, type Workspace } from './workspace';

const MAX_STACK = 3;

interface Trigger {
  userId: string;
  issuedAt: number;
  used: boolean;
}

export class Modals {
  readonly stacks = new Map<string, StoredView[]>();
  readonly homes = new Map<string, StoredView>();
  private readonly triggers = new Map<string, Trigger>();

  constructor(
    private readonly ws: Workspace,
    private readonly ids: Ids,
    private readonly now: () => number,
    private readonly triggerTtlMs: number,
  ) {}

  issueTrigger(userId: string): string {
    const id = this.ids.triggerId();
    this.triggers.set(id, { userId, issuedAt: this.now(), used: false });
    return id;
  }

  open(args: Json): ApiResult {
    const bad = this.checkView(args.view, 'modal');
    if (bad) return bad;
    const trigger = this.useTrigger(args.trigger_id);
    if ('error' in trigger) return apiError(trigger.error);
    const view = this.build(args.view);
    view.root_view_id = view.id;
    this.stacks.set(trigger.userId, [view]);
    return { ok: true, view };
  }

  push(args: Json): ApiResult {
    const bad = this.checkView(args.view, 'modal');
    if (bad) return bad;
    const trigger = this.useTrigger(args.trigger_id);
    if ('error' in trigger) return apiError(trigger.error);
    const result = this.pushFor(trigger.userId, args.view);
    return 'error' in result ? apiError(result.error) : { ok: true, view: result };
  }

  update(args: Json): ApiResult {
    const current = this.find(args.view_id ? String(args.view_id) : undefined, args.external_id ? String(args.external_id) : undefined);
    if (!current) return apiError('not_found');
    const bad = this.checkView(args.view, current.type, current);
    if (bad) return bad;
    if (args.hash !== undefined && args.hash !== '' && args.hash !== current.hash) return apiError('hash_conflict');
    return { ok: true, view: this.replace(current, args.view) };
  }

  publish(args: Json): ApiResult {
    const userId = String(args.user_id ?? '');
    if (!this.ws.users.has(userId)) return apiError('invalid_arguments', [{ pointer: '/user_id', message: 'invalid `user_id`' }]);
    const current = this.homes.get(userId);
    const bad = this.checkView(args.view, 'home', current);
    if (bad) return bad;
    if (current && args.hash !== undefined && args.hash !== '' && args.hash !== current.hash) return apiError('hash_conflict');
    const view = current ? this.replace(current, args.view) : this.build(args.view);
    this.homes.set(userId, view);
    return { ok: true, view };
  }

  /** Pushes a view on a user's stack (views.push and response_action 'push'). */
  pushFor(userId: string, viewArg: Json): StoredView | { error: string } {
    const stack = this.stacks.get(userId);
    if (!stack || stack.length === 0) return { error: 'not_found' };
    if (stack.length >= MAX_STACK) return { error: 'push_limit_reached' };
    const top = stack[stack.length - 1]!;
    const view = this.build(viewArg);
    view.root_view_id = top.root_view_id;
    view.previous_view_id = top.id;
    stack.push(view);
    return view;
  }

  /** Swaps a view's content, keeping id and lineage and the state of inputs that still exist. */
  replace(current: StoredView, viewArg: Json): StoredView {
    const next = this.build(viewArg);
    next.id = current.id;
    next.root_view_id = current.root_view_id;
    next.previous_view_id = current.previous_view_id;
    const blockIds = new Set(next.blocks.map((b) => b.block_id));
    for (const [blockId, value] of Object.entries(current.state.values)) if (blockIds.has(blockId)) next.state.values[blockId] = value;
    Object.assign(current, next);
    return current;
  }

  /** Closes the top view (or, with `all`, the whole modal) for a user. */
  close(userId: string, viewId: string, all: boolean): void {
    const stack = this.stacks.get(userId) ?? [];
    const at = stack.findIndex((v) => v.id === viewId);
    if (at < 0) return;
    if (all) stack.length = 0;
    else stack.splice(at, 1);
    if (stack.length === 0) this.stacks.delete(userId);
  }

  find(viewId?: string, externalId?: string): StoredView | undefined {
    const all = [...[...this.stacks.values()].flat(), ...this.homes.values()];
    return all.find((v) => (viewId !== undefined ? v.id === viewId : externalId !== undefined && v.external_id === externalId));
  }

  checkView(view: unknown, type: 'modal' | 'home', self?: StoredView): ApiResult | undefined {
    if (view === undefined || typeof view !== 'object' || view === null)
      return apiError('invalid_arguments', [{ pointer: '/view', message: 'missing required field: view' }]);
    if (viewTooLarge(view)) return apiError('view_too_large');
    const problems: Problem[] = validateView(view);
    if ((view as Json).type !== type && problems.length === 0) problems.push({ pointer: '/view/type', message: `must be ${type}` });
    if (problems.length > 0) return apiError('invalid_arguments', problems);
    const ext = (view as Json).external_id;
    const owner = ext ? this.find(undefined, String(ext)) : undefined;
    if (owner && owner !== self) return apiError('duplicate_external_id');
    return undefined;
  }

  reset(): void {
    this.stacks.clear();
    this.homes.clear();
    this.triggers.clear();
  }

  private useTrigger(raw: unknown): Trigger | { error: string } {
    const t = this.triggers.get(String(raw ?? ''));
    if (!t) return { error: 'invalid_trigger_id' };
    if (t.used) return { error: 'exchanged_trigger_id' };
    if (this.now() - t.issuedAt > this.triggerTtlMs) return { error: 'expired_trigger_id' };
    t.used = true;
    return t;
  }

  private build(v: Json): StoredView {
    return {
      id: this.ids.viewId(),
      team_id: this.ws.teamId,
      type: v.type,
      blocks: withGeneratedIds(v.blocks, this.ids) ?? [],
      private_metadata: v.private_metadata ?? '',
      callback_id: v.callback_id ?? '',
      external_id: v.external_id ?? '',
      state: { values: {} },
      hash: this.ids.hash(),
      title: v.title,
      submit: v.submit ?? null,
      close: v.close ?? null,
      clear_on_close: v.clear_on_close ?? false,
      notify_on_close: v.notify_on_close ?? false,
      previous_view_id: null,
      root_view_id: null,
      app_id: APP_ID,
      app_installed_team_id: this.ws.teamId,
      bot_id: BOT_ID,
    };
  }
}
