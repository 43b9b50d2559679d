import type { Locator, Page } from 'playwright-core';
import type { ClockStep } from './clock';

/**
 * The sandbox page as a person uses it, for the end-to-end test and the screenshots: every step
 * clicks or types on the page and then waits until the page has drawn the outcome (no request in
 * flight). Inputs are found by their block_id, the way the renderer marks them.
 */
export class SandboxPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('body[data-version]').waitFor({ state: 'attached' });
  }

  /** Picks a person in the sidebar ("Maria", "Theo"…). */
  async actAs(name: string): Promise<void> {
    await this.page.locator('#people button', { hasText: name }).click();
    await this.page.locator(`body[data-acting-as="${name}"]`).waitFor({ state: 'attached' });
    await this.settled();
  }

  /** Opens a conversation in the sidebar: 'Home', 'Messages' (the DM with the bot) or '#channel'. */
  async go(conversation: string): Promise<void> {
    await this.page.locator('#conversations button', { hasText: conversation }).click();
    await this.page.locator('#conversations button[aria-current="true"]', { hasText: conversation }).waitFor();
    await this.settled();
  }

  /** Types into the message box and sends it (a `/mentorship …` command or a DM). */
  async type(text: string): Promise<void> {
    await this.page.locator('#composer-text').fill(text);
    await this.page.locator('#composer-text').press('Enter');
    await this.settled();
  }

  /** The open modal (the top of the person's stack). */
  get modal(): Locator {
    return this.page.locator('#modal-layer form.modal');
  }

  /** A modal's input by block_id (a prefix for blocks whose id carries a meeting id). */
  input(blockId: string): Locator {
    return this.modal.locator(`.input-block[data-block-id^="${blockId}"] [name]`);
  }

  async fill(blockId: string, text: string): Promise<void> {
    await this.input(blockId).fill(text);
  }

  async select(blockId: string, label: string): Promise<void> {
    await this.input(blockId).selectOption({ label });
    await this.settled();
  }

  /** Picks an option of a select outside input blocks (in an actions block or an accessory): it fires its action at once. */
  async choose(actionId: string, label: string): Promise<void> {
    await this.page.locator(`select[data-action-id="${actionId}"]`).selectOption({ label });
    await this.settled();
  }

  async check(blockId: string): Promise<void> {
    await this.input(blockId).first().check();
  }

  async submit(): Promise<void> {
    await this.modal.locator('[data-modal="submit"]').click();
    await this.settled();
  }

  /** Cancel, Done or whatever the view calls its close button. */
  async closeModal(): Promise<void> {
    await this.modal.locator('[data-modal="close"]').click();
    await this.settled();
  }

  /** The chat (or Home tab) shown in the main pane. */
  get body(): Locator {
    return this.page.locator('#body');
  }

  /** The last message in the pane that shows this text. */
  message(text: string | RegExp): Locator {
    return this.body.locator('.message', { hasText: text }).last();
  }

  /** Presses a button by its label in the last message that shows `inMessage`; confirms Slack's dialog if one opens. */
  async press(inMessage: string | RegExp, label: string): Promise<void> {
    const message = this.message(inMessage);
    await message.waitFor();
    await message.locator('button, a.btn', { hasText: label }).first().click();
    if (await this.page.locator('#confirm[open]').isVisible()) await this.page.locator('#confirm-ok').click();
    await this.settled();
  }

  /** Presses a button of the Home tab by its label. */
  async pressOnHome(label: string): Promise<void> {
    await this.body.locator('.home button', { hasText: label }).first().click();
    await this.settled();
  }

  async clock(step: ClockStep): Promise<void> {
    await this.page.locator(`button[data-clock="${step}"]`).click();
    await this.settled();
  }

  /** Waits for text to show in the main pane. */
  async sees(text: string | RegExp): Promise<void> {
    await this.message(text)
      .or(this.body.locator('.home', { hasText: text }))
      .first()
      .waitFor();
  }

  /** No request in flight: what the last step caused is on the page. */
  async settled(): Promise<void> {
    await this.page.locator('body:not(.busy)').waitFor({ state: 'attached' });
  }
}
