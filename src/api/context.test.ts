import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { keyMatches, requestKey } from './context.ts';

// The real timingSafeEqual, watched: the test sees every call and what it compared.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);

describe('keyMatches', () => {
  beforeEach(() => {
    timingSafeEqual.mockClear();
  });

  it('accepts the key and refuses any other, comparing with crypto.timingSafeEqual', () => {
    expect(keyMatches('s3cret-key', 's3cret-key')).toBe(true);
    expect(keyMatches('s3cret-kez', 's3cret-key')).toBe(false);
    expect(keyMatches('S3cret-key', 's3cret-key')).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(3);
  });

  it('compares equal-length digests whatever the lengths of the keys, and never throws', () => {
    for (const given of ['s', 's3cret-key-and-more', 'x'.repeat(10_000), 'ключ🔑', 's3cret-ke']) {
      expect(keyMatches(given, 's3cret-key')).toBe(false);
    }
    expect(timingSafeEqual).toHaveBeenCalledTimes(5);
    for (const [a, b] of timingSafeEqual.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it('is not fooled by a prefix or by the key repeated', () => {
    expect(keyMatches('s3cret', 's3cret-key')).toBe(false);
    expect(keyMatches('s3cret-keys3cret-key', 's3cret-key')).toBe(false);
  });

  it('refuses a missing key, and every key when none is configured, without comparing', () => {
    expect(keyMatches(undefined, 's3cret-key')).toBe(false);
    expect(keyMatches('', 's3cret-key')).toBe(false);
    expect(keyMatches('anything', undefined)).toBe(false);
    expect(keyMatches('', '')).toBe(false);
    expect(timingSafeEqual).not.toHaveBeenCalled();
  });
});

describe('requestKey', () => {
  it('reads x-api-key, else a bearer token', () => {
    expect(requestKey({ 'x-api-key': 'k1' })).toBe('k1');
    expect(requestKey({ authorization: 'Bearer k2 ' })).toBe('k2');
    expect(requestKey({ authorization: 'Basic k3' })).toBeUndefined();
    expect(requestKey({ 'x-api-key': ['k4', 'k5'] })).toBe('k4');
    expect(requestKey({})).toBeUndefined();
  });
});
