import { PhrasewatchError } from '@phrasewatch/matcher';

/** Every error core raises: a stable `code` and the HTTP status Symbl uses for it. */
export class CoreError extends PhrasewatchError {}

export const CoreErrorCode = {
  conversationInvalid: 'conversation.invalid',
  conversationNotFound: 'conversation.not_found',
  trackersInvalid: 'trackers.invalid',
  trackerInvalid: 'tracker.invalid',
  trackerNotFound: 'tracker.not_found',
  trackerDuplicateName: 'tracker.duplicate_name',
  trackerLimit: 'tracker.limit',
  patchInvalid: 'patch.invalid',
  requestInvalid: 'request.invalid',
  bodyTooLarge: 'body.too_large',
  jobNotFound: 'job.not_found',
  jsonInvalid: 'json.invalid',
  storeClosed: 'store.closed',
} as const;

export const notFound = (code: string, what: string, id: string): CoreError => new CoreError(code, `${what} ${JSON.stringify(id)} does not exist`, 404);
