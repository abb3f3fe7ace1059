import { DateTime, PartialDate } from './scalars.ts';

/** Every resolver of schema.graphql. */
export const resolvers = {
  PartialDate,
  DateTime,
};
