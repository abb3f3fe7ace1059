import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen`: typed documents (TypedDocumentNode) for src/client/operations.graphql, checked
// against schema.graphql; a field the schema lacks fails the run.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/client/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/client/generated/': {
      preset: 'client',
      presetConfig: {
        // Plain result types: other apps read the fields directly, with no useFragment unmasking step.
        fragmentMasking: false,
      },
      config: {
        scalars: { PartialDate: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        // ESM (NodeNext) needs extensions on relative imports.
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
