import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from './config.ts';
import { CareerGraphError } from './errors.ts';

const READ_LIMIT_VARIABLES = [
  'CAREERGRAPH_MAX_FILE_BYTES',
  'CAREERGRAPH_MAX_LINES',
  'CAREERGRAPH_MAX_PDF_PAGES',
  'CAREERGRAPH_MAX_DOCX_BYTES',
] as const;

function refusal(env: NodeJS.ProcessEnv): CareerGraphError {
  try {
    loadConfig(env, '/tmp');
  } catch (error) {
    if (error instanceof CareerGraphError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig: limits of the readers', () => {
  it('defaults to 5 MB files, 20,000 lines, 20 PDF pages and 50 MB expanded DOCX', () => {
    const config = loadConfig({}, '/tmp');
    expect(config.ingest.maxFileBytes).toBe(5 * 1024 * 1024);
    expect(config.ingest.readLimits).toEqual({
      maxLines: 20_000,
      pdf: { maxPages: 20 },
      docx: { maxUncompressedBytes: 50 * 1024 * 1024 },
    });
    expect(DEFAULTS).toMatchObject({ maxLines: 20_000, maxPdfPages: 20, maxDocxBytes: 52_428_800 });
  });

  it('reads each limit from its variable', () => {
    const config = loadConfig(
      {
        CAREERGRAPH_MAX_FILE_BYTES: '1000',
        CAREERGRAPH_MAX_LINES: '50',
        CAREERGRAPH_MAX_PDF_PAGES: ' 3 ',
        CAREERGRAPH_MAX_DOCX_BYTES: '2048',
      },
      '/tmp',
    );
    expect(config.ingest.maxFileBytes).toBe(1000);
    expect(config.ingest.readLimits).toEqual({
      maxLines: 50,
      pdf: { maxPages: 3 },
      docx: { maxUncompressedBytes: 2048 },
    });
  });

  it('treats an empty value as unset', () => {
    expect(
      loadConfig({ CAREERGRAPH_MAX_LINES: '', CAREERGRAPH_MAX_PDF_PAGES: '  ' }, '/tmp').ingest.readLimits,
    ).toMatchObject({ maxLines: 20_000, pdf: { maxPages: 20 } });
  });

  it.each(READ_LIMIT_VARIABLES)('refuses a bad %s with one clear message naming it and the value', (name) => {
    for (const bad of ['abc', '0', '-5', '1.5', '1e400', '20 000']) {
      const error = refusal({ [name]: bad });
      expect(error.code).toBe('BAD_CONFIG');
      expect(error.message).toBe(
        `Invalid configuration:\n  ${name}: must be a positive integer, got "${bad}"`,
      );
    }
  });

  it('names every bad value at once, one line each', () => {
    const error = refusal({
      CAREERGRAPH_MAX_LINES: 'many',
      CAREERGRAPH_MAX_PDF_PAGES: '-1',
      CAREERGRAPH_MAX_DOCX_BYTES: '50MB',
    });
    expect(error.message.split('\n')).toEqual([
      'Invalid configuration:',
      '  CAREERGRAPH_MAX_LINES: must be a positive integer, got "many"',
      '  CAREERGRAPH_MAX_PDF_PAGES: must be a positive integer, got "-1"',
      '  CAREERGRAPH_MAX_DOCX_BYTES: must be a positive integer, got "50MB"',
    ]);
  });
});

describe('loadConfig: the API', () => {
  it('turns introspection off in production unless asked', () => {
    expect(loadConfig({}, '/tmp').api).toMatchObject({ production: false, introspection: true });
    expect(loadConfig({ NODE_ENV: 'production' }, '/tmp').api).toMatchObject({
      production: true,
      introspection: false,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', CAREERGRAPH_INTROSPECTION: '1' }, '/tmp').api.introspection,
    ).toBe(true);
  });

  it('refuses a bad CAREERGRAPH_QUERY_TIMEOUT_MS', () => {
    expect(refusal({ CAREERGRAPH_QUERY_TIMEOUT_MS: 'soon' }).message).toMatch(
      /CAREERGRAPH_QUERY_TIMEOUT_MS: must be a positive integer, got "soon"/,
    );
  });
});
