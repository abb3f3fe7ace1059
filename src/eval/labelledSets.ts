import path from 'node:path';
import { type LabelledResume, readLabelledSet } from './fixtureSet.ts';

/** A named set of labelled résumés. */
export interface LabelledSet {
  name: string;
  items: LabelledResume[];
}

/**
 * The labelled sets of a checkout: development (tuned on), the examples `npm start` loads, and the
 * held-out sets, each written by someone who had not seen the parser. Only the newest is still blind.
 */
export function labelledSets(root: string): LabelledSet[] {
  const fixtures = (name: string) => path.join(root, 'tests/fixtures', name);
  return [
    {
      name: 'development',
      items: [...readLabelledSet(fixtures('resumes')), ...readLabelledSet(fixtures('resumes2'))],
    },
    { name: 'examples', items: readLabelledSet(path.join(root, 'examples'), fixtures('examples')) },
    { name: 'holdout', items: readLabelledSet(fixtures('holdout')) },
    { name: 'holdout2', items: readLabelledSet(fixtures('holdout2')) },
    { name: 'holdout3', items: readLabelledSet(fixtures('holdout3')) },
    { name: 'holdout4', items: readLabelledSet(fixtures('holdout4')) },
    { name: 'holdout5', items: readLabelledSet(fixtures('holdout5')) },
    { name: 'holdout6', items: readLabelledSet(fixtures('holdout6')) },
    { name: 'holdout7', items: readLabelledSet(fixtures('holdout7')) },
  ].filter((s) => s.items.length > 0);
}
