/** Every error core raises: a stable `code` and the HTTP status Symbl uses for it. */
export class CoreError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.status = status;
  }
}

export const CoreErrorCode = {
  conversationInvalid: 'conversation.invalid',
  trackersInvalid: 'trackers.invalid',
  jsonInvalid: 'json.invalid',
} as const;
