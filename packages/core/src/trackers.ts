// Tracker lists as Symbl writes them: a bulk-create body (an array) or a list response ({"trackers": [...]}).
import type { Tracker } from '@phrasewatch/matcher';
import { CoreError, CoreErrorCode } from './errors.js';

export function parseTrackerList(value: unknown): Tracker[] {
  if (Array.isArray(value)) return value as Tracker[];
  if (typeof value === 'object' && value !== null && Array.isArray((value as { trackers?: unknown }).trackers)) {
    return (value as { trackers: Tracker[] }).trackers;
  }
  throw new CoreError(CoreErrorCode.trackersInvalid, 'expected an array of trackers or an object with a "trackers" array');
}
