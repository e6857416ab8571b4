import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  jitteredDelay,
  MIN_RETRY_MS,
  parseRetryAfter,
  RETRY_AFTER_MAX_MS,
  retryDelay,
} from '@/lib/background/backoff';

const NOW = Date.parse('2026-05-01T12:00:00Z');

describe('full jitter', () => {
  it('draws uniformly below base·2^(attempt-1)', () => {
    expect(jitteredDelay(1, () => 0)).toBe(0);
    expect(jitteredDelay(1, () => 0.999_999)).toBe(BACKOFF_BASE_MS - 1);
    expect(jitteredDelay(1, () => 0.5)).toBe(BACKOFF_BASE_MS / 2);
    expect(jitteredDelay(2, () => 0.5)).toBe(BACKOFF_BASE_MS);
    expect(jitteredDelay(4, () => 0.5)).toBe(4 * BACKOFF_BASE_MS);
  });

  it('stays within [0, ceiling) for any draw', () => {
    for (let attempt = 1; attempt <= 40; attempt++) {
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
      for (const draw of [0, 0.1, 0.5, 0.9, 0.999_999]) {
        const delay = jitteredDelay(attempt, () => draw);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });

  it('is capped near 30 minutes however many attempts failed', () => {
    expect(jitteredDelay(10, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(jitteredDelay(10, () => 0.999_999)).toBeGreaterThan(BACKOFF_CAP_MS - 10);
    expect(jitteredDelay(1_000, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(BACKOFF_CAP_MS).toBe(30 * 60_000);
  });

  it('spreads retries: real draws differ', () => {
    const delays = new Set(Array.from({ length: 50 }, () => jitteredDelay(6, Math.random)));
    expect(delays.size).toBeGreaterThan(40);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Fri, 01 May 2026 12:02:00 GMT', NOW)).toBe(120_000);
    // A date already past means "now", never a negative delay.
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is absent or unreadable', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });

  it('bounds an absurd request to a day', () => {
    expect(parseRetryAfter('99999999', NOW)).toBe(RETRY_AFTER_MAX_MS);
  });

  it('is a floor under the jittered delay, never a ceiling', () => {
    expect(retryDelay(1, () => 0.5, 60_000)).toBe(60_000);
    expect(retryDelay(8, () => 0.5, 60_000)).toBe(jitteredDelay(8, () => 0.5));
    expect(retryDelay(1, () => 0)).toBe(MIN_RETRY_MS);
  });
});
