/** The few error codes careergraph raises; the API maps them to `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_CONFIG'
  | 'UNREADABLE_FILE'
  | 'NEO4J_UNAVAILABLE'
  | 'NEO4J_NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'INTERNAL';

/** An expected failure with a code and a message fit to show a user. */
export class CareerGraphError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CareerGraphError';
    this.code = code;
  }
}
