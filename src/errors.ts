/**
 * Errors the domain raises on purpose. Listeners turn a known code into a friendly message;
 * anything else is a bug and goes to the global error handler.
 */
export type DomainErrorCode =
  'not_in_pair' | 'not_found' | 'forbidden' | 'pair_exists' | 'invalid_input' | 'conflict' | 'meeting_over' | 'slack_unavailable' | 'unreadable';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The form field the problem is about (the service's name for it): a modal shows the message under it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
