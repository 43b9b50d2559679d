type Json = Record<string, any>;

/** Every button in the blocks as a screen reader announces it: its accessibility_label, else its text. */
export function spokenButtons(blocks: readonly unknown[]): { spoken: string; actionId: string; value: string; label?: string }[] {
  return (blocks as Json[])
    .flatMap((block) => [block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])])
    .filter((element) => element?.type === 'button')
    .map((button) => ({
      spoken: button.accessibility_label ?? button.text.text,
      actionId: button.action_id,
      value: button.value,
      label: button.accessibility_label,
    }));
}

/**
 * The announcements shared by buttons that act on different things (another action or another value):
 * out of context a screen reader user cannot tell them apart. Empty when every button says what it acts on.
 */
export function ambiguousButtons(blocks: readonly unknown[]): string[] {
  const targets = new Map<string, Set<string>>();
  for (const button of spokenButtons(blocks)) {
    const seen = targets.get(button.spoken) ?? new Set<string>();
    seen.add(`${button.actionId}:${button.value}`);
    targets.set(button.spoken, seen);
  }
  return [...targets].filter(([, seen]) => seen.size > 1).map(([spoken]) => spoken);
}
