import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

/**
 * One Bolt listener for all block actions and one for all views, each finding its handler by id.
 *
 * Bolt runs, for every request, the filter chain of every listener registered with `app.action()` or
 * `app.view()` (an async call, a promise and a copy of the listener arguments per filter), so with
 * fifty listeners a request paid for a hundred filters to reach one handler: a third of the CPU of a
 * view submission. The router applies Bolt's own matching rules for string ids (those of
 * `matchConstraints` in @slack/bolt's middleware/builtin.js, in the same order) with a map lookup,
 * and hands the handler the arguments Bolt built for the listener, unchanged; a request nothing
 * matches is left alone, as before (never acknowledged). Registrations that could both match one
 * request are refused when registered, so exactly one handler runs, as with Bolt.
 */
export interface ListenerRouter {
  action<A extends SlackAction = SlackAction>(actionId: string, listener: Middleware<SlackActionMiddlewareArgs<A>>): void;
  /** `type` and `callback_id` (of the view the action came from, or of the message) narrow the match, as in `app.action(constraints)`. */
  action<A extends SlackAction = BlockAction>(
    constraints: { action_id: string; callback_id?: string; type?: A['type'] },
    listener: Middleware<SlackActionMiddlewareArgs<A>>,
  ): void;
  /** A `view_submission` whose view has this callback id, as `app.view(callbackId)`. */
  view<V extends SlackViewAction = SlackViewAction>(callbackId: string, listener: Middleware<SlackViewMiddlewareArgs<V>>): void;
}

type AnyListener = (args: never) => Promise<void>;
type Args = AllMiddlewareArgs & { payload: unknown; body: unknown };
interface Route {
  callbackId?: string;
  type?: string;
  listener: AnyListener;
}

/** What the router's two Bolt listeners are wrapped in (listeners/index.ts gives them the lean Web API client). */
type Around = (listener: (args: Args) => Promise<void>) => (args: Args) => Promise<void>;

export function createListenerRouter(app: App, around: Around = (listener) => listener): ListenerRouter {
  const actions = new Map<string, Route[]>();
  const views = new Map<string, Route>();

  // Bolt checks that the request is an action (`onlyActions`) or a view (`onlyViewActions`) before these run.
  app.action(
    {},
    around((args) => dispatch(args, findAction)),
  );
  app.view(
    {},
    around((args) => dispatch(args, findView)),
  );

  function findAction({ payload, body }: Args): Route | undefined {
    const actionId = blockActionId(payload);
    if (actionId === undefined) return undefined;
    return actions.get(actionId)?.find((route) => (route.callbackId === undefined || callbackIdOf(body) === route.callbackId) && typeMatches(route, body));
  }

  function findView({ body }: Args): Route | undefined {
    const callbackId = callbackIdOf(body);
    if (callbackId === undefined) return undefined;
    const route = views.get(callbackId);
    return route && typeMatches(route, body) ? route : undefined;
  }

  return {
    action(constraints: string | { action_id: string; callback_id?: string; type?: string }, listener: AnyListener) {
      const { action_id: actionId, callback_id: callbackId, type } = typeof constraints === 'string' ? { action_id: constraints } : constraints;
      const routes = actions.get(actionId) ?? [];
      // Two routes may share an action id only if a different callback id tells them apart.
      if (routes.some((route) => route.callbackId === undefined || callbackId === undefined || route.callbackId === callbackId)) {
        throw new Error(`action ${actionId}${callbackId ? ` (callback ${callbackId})` : ''} has two listeners`);
      }
      actions.set(actionId, [...routes, { callbackId, type, listener }]);
    },
    view(callbackId: string, listener: AnyListener) {
      if (views.has(callbackId)) throw new Error(`view ${callbackId} has two listeners`);
      views.set(callbackId, { callbackId, type: 'view_submission', listener });
    },
  };
}

async function dispatch(args: Args, find: (args: Args) => Route | undefined): Promise<void> {
  const route = find(args);
  if (route) await route.listener(args as never);
}

/** Bolt's `isBlockPayload`: the action id of a block action (or block suggestion), else undefined. */
function blockActionId(payload: unknown): string | undefined {
  const candidate = payload as { action_id?: unknown };
  if (!('action_id' in candidate) || candidate.action_id === undefined) return undefined;
  // Bolt compares with ===, so an id that is not a string matches nothing.
  return typeof candidate.action_id === 'string' ? candidate.action_id : undefined;
}

/** As Bolt reads it for `callback_id` constraints: the view's, else the body's own; undefined matches nothing. */
function callbackIdOf(body: unknown): string | undefined {
  const b = body as { view?: { callback_id?: string }; callback_id?: string };
  if ('view' in b && b.view !== undefined) return b.view.callback_id;
  if ('callback_id' in b && b.callback_id !== undefined) return b.callback_id;
  return undefined;
}

function typeMatches(route: Route, body: unknown): boolean {
  return route.type === undefined || (body as { type?: unknown }).type === route.type;
}
