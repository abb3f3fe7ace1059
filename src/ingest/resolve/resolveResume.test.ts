import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import { toWriteParams } from '../load/writeParams.ts';
import { parseResume } from '../parse/parseResume.ts';
import { nameSlug } from './ids.ts';
import { resolveResume } from './resolveResume.ts';

const lexicon = createLexicon(loadReferenceData());
const text = [
  'Ana Example',
  'ana@example.com',
  '',
  'Experience',
  'Senior Engineer, AWS',
  'Seattle, WA',
  'Storage Team - Go, k8s, Postgres 2019 – Present',
  '- Built things in C and C#.',
  'Engineer, Contoso Ltd',
  '2015 – 2019',
].join('\n');
const source = { key: 'cv/ana.txt', fileName: 'ana.txt', sha256: 'abc', format: 'text' };

describe('resolveResume', () => {
  const resolved = resolveResume(parseResume(text, lexicon), source, lexicon);

  it('gives every node a stable id: the same input, the same ids', () => {
    const again = resolveResume(parseResume(text, lexicon), source, lexicon);
    expect(again).toEqual(resolved);
    expect(resolved.roles.map((r) => r.id)).toHaveLength(2);
    expect(new Set(resolved.roles.map((r) => r.id)).size).toBe(2);
  });

  it('resolves employers to canonical companies with their parents', () => {
    const names = Object.fromEntries(resolved.companies.map((c) => [c.id, c]));
    const aws = names['company:amazon-web-services'];
    expect(aws).toMatchObject({
      name: 'Amazon Web Services',
      parentId: 'company:amazon',
      kind: 'subsidiary',
    });
    expect(aws?.aliases).toContain('AWS');
    expect(names['company:amazon']).toBeDefined();
    expect(names['company:contoso']?.aliases).toContain('Contoso Ltd');
  });

  it('canonicalises technologies and keeps C, C# apart', () => {
    expect(resolved.technologies.map((t) => t.name).sort()).toEqual([
      'C',
      'C#',
      'Go',
      'Kubernetes',
      'PostgreSQL',
    ]);
    expect(nameSlug('C')).not.toBe(nameSlug('C#'));
    expect(nameSlug('C#')).not.toBe(nameSlug('C++'));
  });

  it('orders year-only and month dates on one scale', () => {
    const [first, second] = resolved.roles;
    expect(first).toMatchObject({ start: '2019', end: null, current: true, startOrd: 2019 * 12 });
    expect(second).toMatchObject({ start: '2015', end: '2019', endOrd: 2019 * 12 + 11 });
  });

  it('keys a person by email, and without one by name and source, so namesakes never merge', () => {
    const noEmail = resolveResume(parseResume(text.replace('ana@example.com', ''), lexicon), source, lexicon);
    const otherFile = resolveResume(
      parseResume(text.replace('ana@example.com', ''), lexicon),
      { ...source, key: 'other.txt' },
      lexicon,
    );
    expect(noEmail.person.id).not.toBe(resolved.person.id);
    expect(otherFile.person.id).not.toBe(noEmail.person.id);
  });
});

describe('toWriteParams', () => {
  it('sends shared companies once, parents before subsidiaries, aliases merged', () => {
    const a = resolveResume(parseResume(text, lexicon), source, lexicon);
    const b = resolveResume(
      parseResume(text.replace('AWS', 'Amazon Web Services'), lexicon),
      { ...source, key: 'b.txt' },
      lexicon,
    );
    const params = toWriteParams([a, b], '2026-01-01T00:00:00Z');
    const ids = params.companies.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.indexOf('company:amazon')).toBeLessThan(ids.indexOf('company:amazon-web-services'));
    expect(params.roles).toHaveLength(4);
    expect(params.sourceIds).toEqual([a.source.id, b.source.id]);
  });
});
