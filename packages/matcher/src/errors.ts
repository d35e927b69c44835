/** Every phrasewatch error: a stable `code` and the HTTP status it maps to. Each package has its subclass. */
export class PhrasewatchError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/** Every error the matcher throws. */
export class MatcherError extends PhrasewatchError {}

export const ErrorCode = {
  trackerInvalid: 'tracker.invalid',
  messageInvalid: 'message.invalid',
  optionInvalid: 'option.invalid',
  indexInvalid: 'index.invalid',
} as const;
