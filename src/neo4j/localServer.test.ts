import { describe, expect, it } from 'vitest';
import { consoleLogPath, generatePassword, processMarker } from './localServer.ts';

describe('generatePassword', () => {
  it('gives 24 letters and digits, different every time', () => {
    const passwords = Array.from({ length: 200 }, generatePassword);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe('paths', () => {
  it('keeps the console log under logs/ and identifies the server by its home', () => {
    expect(consoleLogPath('/h')).toBe('/h/logs/console.log');
    expect(processMarker('/h')).toBe('--home-dir=/h');
  });
});
