/** Every error the matcher throws: a stable `code` and the HTTP status it maps to. */
export class MatcherError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = 'MatcherError';
    this.code = code;
    this.status = status;
  }
}

export const ErrorCode = {
  trackerInvalid: 'tracker.invalid',
  messageInvalid: 'message.invalid',
  optionInvalid: 'option.invalid',
  indexInvalid: 'index.invalid',
} as const;
