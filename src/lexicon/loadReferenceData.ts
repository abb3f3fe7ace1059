import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CareerGraphError } from '../errors.ts';
import { mergeReferenceData, type ReferenceData, referenceDataSchema } from './referenceData.ts';

/** The folder of built-in reference data shipped with careergraph. */
export const BUILTIN_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
const BUILTIN_FILES = ['technologies.json', 'companies.json', 'places.json'];

function readDataFile(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CareerGraphError(
      'BAD_CONFIG',
      `Reference data file ${file} cannot be read: ${(error as Error).message}`,
    );
  }
  const parsed = referenceDataSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new CareerGraphError('BAD_CONFIG', `Reference data file ${file} is invalid: ${problems}`);
  }
  return parsed.data;
}

/** Loads the built-in reference data, then the user's extension files (CAREERGRAPH_DATA) over it. */
export function loadReferenceData(extraFiles: string[] = []): ReferenceData {
  return mergeReferenceData([
    ...BUILTIN_FILES.map((f) => readDataFile(path.join(BUILTIN_DATA_DIR, f))),
    ...extraFiles.map(readDataFile),
  ]);
}
