// Parsing of option values, each failure naming the option.
import { UsageError } from './exit.js';

export function parseThreshold(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0.5 || n > 1) {
    throw new UsageError(`option --threshold must be a number from 0.5 to 1, got "${value}"`);
  }
  return n;
}

export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`option --workers must be a positive integer, got "${value}"`);
  return n;
}

/** An integer option of at least `min`, for options parsed after commander (serve, worker). */
export function positiveInteger(name: string, value: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`option --${name} must be an integer of at least ${min}, got "${value}"`);
  return n;
}

/** --started-at: an ISO time, or undefined when not given. */
export function checkStartedAt(value: string | undefined): string | undefined {
  if (value !== undefined && Number.isNaN(Date.parse(value))) throw new UsageError(`--started-at must be an ISO time like 2024-03-01T09:30:00Z, got "${value}"`);
  return value;
}
