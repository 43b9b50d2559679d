import { z } from 'zod';

/**
 * `view.state.values` comes back from the client: treat every part as untrusted. These readers
 * accept only the shape Slack documents for each element and return null for anything else.
 */
const ElementState = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_user: z.string().nullish(),
    selected_conversation: z.string().nullish(),
    selected_channel: z.string().nullish(),
    selected_date: z.string().nullish(),
    selected_time: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
  })
  .loose();

export const ViewStateValues = z.record(z.string(), z.record(z.string(), z.unknown()));
export type ViewStateValues = z.infer<typeof ViewStateValues>;

/**
 * `values` checked once as a record of records, for a form that reads several fields: each reader
 * handed raw values checks the whole record again (a copy of every block), which for a ten-field form
 * was most of the cost of reading it. Readers accept either; the answers are the same.
 */
export class CheckedViewState {
  private constructor(readonly data: ViewStateValues | null) {}

  static of(values: unknown): CheckedViewState {
    if (values instanceof CheckedViewState) return values;
    const parsed = ViewStateValues.safeParse(values);
    return new CheckedViewState(parsed.success ? parsed.data : null);
  }
}

export const checkViewState = (values: unknown): CheckedViewState => CheckedViewState.of(values);

function element(values: unknown, blockId: string, actionId: string): z.infer<typeof ElementState> | null {
  const data = CheckedViewState.of(values).data;
  if (!data) return null;
  const state = ElementState.safeParse(data[blockId]?.[actionId]);
  return state.success ? state.data : null;
}

export const readText = (values: unknown, blockId: string, actionId: string): string | null => {
  const value = element(values, blockId, actionId)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};
/** A multiline text as typed (null when blank): line numbers in an error must match what the person sees. */
export const readLines = (values: unknown, blockId: string, actionId: string): string | null => {
  const value = element(values, blockId, actionId)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
};
export const readUser = (values: unknown, blockId: string, actionId: string): string | null => element(values, blockId, actionId)?.selected_user ?? null;
export const readConversation = (values: unknown, blockId: string, actionId: string): string | null => {
  const state = element(values, blockId, actionId);
  return state?.selected_conversation ?? state?.selected_channel ?? null;
};
export const readDate = (values: unknown, blockId: string, actionId: string): string | null => element(values, blockId, actionId)?.selected_date ?? null;
export const readTime = (values: unknown, blockId: string, actionId: string): string | null => element(values, blockId, actionId)?.selected_time ?? null;
export const readOption = (values: unknown, blockId: string, actionId: string): string | null =>
  element(values, blockId, actionId)?.selected_option?.value ?? null;
export const readOptions = (values: unknown, blockId: string, actionId: string): string[] =>
  element(values, blockId, actionId)?.selected_options?.map((option) => option.value) ?? [];

/** Field errors keyed by block id: the shape of `response_action: errors`. */
export type BlockErrors = Record<string, string>;
