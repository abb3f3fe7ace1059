import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import { parseStackLine, splitList } from './stackLine.ts';

const lexicon = createLexicon(loadReferenceData());

describe('parseStackLine', () => {
  it('reads a team and its stack', () => {
    expect(parseStackLine('Payments Team - Go, Kafka, PostgreSQL', lexicon)).toEqual({
      team: 'Payments Team',
      items: ['Go', 'Kafka', 'PostgreSQL'],
    });
    expect(parseStackLine('Tech: Go, k8s', lexicon)).toEqual({ team: null, items: ['Go', 'k8s'] });
  });

  it('treats a "team" that is a technology as part of the list (and terminates)', () => {
    expect(parseStackLine('Azure: Azure Data Factory', lexicon)?.team).toBeNull();
    expect(parseStackLine('Go - Kafka, Redis', lexicon)).toEqual({
      team: null,
      items: ['Go', 'Kafka', 'Redis'],
    });
  });

  it('is not fooled by a sentence that mentions technologies', () => {
    expect(parseStackLine('Scripted deployments in Python and Ansible', lexicon)).toBeNull();
  });
});

describe('splitList', () => {
  it('keeps commas inside parentheses with their item', () => {
    expect(splitList('Python (Django, Flask), Go and Rust')).toEqual([
      'Python (Django, Flask)',
      'Go',
      'Rust',
    ]);
  });
});
