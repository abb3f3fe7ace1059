import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { DateTime, PartialDate } from './scalars.ts';
import { types } from './types.ts';

/** Every resolver of schema.graphql. */
export const resolvers = {
  PartialDate,
  DateTime,
  Query,
  Mutation,
  ...types,
};
