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
