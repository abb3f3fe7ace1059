import { describe, expect, it } from 'vitest';
import { isSupportedJava, parseJavaMajor } from './java.ts';

describe('parseJavaMajor', () => {
  it.each([
    [
      'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)',
      17,
    ],
    ['openjdk version "21.0.4" 2024-07-16 LTS', 21],
    ['openjdk version "25" 2025-09-16', 25],
    ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment', 8],
    ['openjdk version "11.0.2-ea" 2019-01-15', 11],
    ['Picked up JAVA_TOOL_OPTIONS: -Xss4m\nopenjdk version "17.0.1" 2021-10-19', 17],
  ])('reads %j as %i', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('returns undefined for output without a version', () => {
    expect(parseJavaMajor('')).toBeUndefined();
    expect(parseJavaMajor('Error: could not find libjava.so')).toBeUndefined();
  });
});

describe('isSupportedJava', () => {
  it('accepts 17 to 24 (Neo4j 5.26 needs 17 and does not run on 25)', () => {
    expect([8, 11, 16, 17, 21, 24, 25].map(isSupportedJava)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});
