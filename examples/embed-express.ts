// careergraph inside an existing Express 5 app: its GraphQL schema at /careergraph next to the app's own
// routes, on the app's own Neo4j driver. Run from a checkout, with Neo4j reachable through NEO4J_*:
//   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… npx tsx examples/embed-express.ts
// An installed package imports from 'careergraph' instead of '../src/index.ts'.
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import neo4j from 'neo4j-driver';
import { createCareerGraph } from '../src/index.ts';

const uri = process.env.NEO4J_URI;
if (!uri) {
  console.error('Set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) first.');
  process.exit(1);
}
const driver = neo4j.driver(
  uri,
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
);
// The driver stays the app's: careerGraph.close() leaves it open.
const careerGraph = createCareerGraph({ driver, database: process.env.NEO4J_DATABASE ?? 'neo4j' });

const apollo = new ApolloServer({ schema: careerGraph.schema });
await apollo.start();

const app = express();
app.get('/', (_req, res) => {
  res.json({ app: 'my-app', careergraph: '/careergraph' });
});
app.use(
  '/careergraph',
  express.json({ limit: '1mb' }),
  expressMiddleware(apollo, {
    context: async ({ req }) => careerGraph.createContext({ headers: req.headers }),
  }),
);

const port = Number(process.env.PORT ?? 4000);
const server = app.listen(port, '127.0.0.1', () => {
  console.error(`my-app at http://127.0.0.1:${port}/, careergraph at http://127.0.0.1:${port}/careergraph`);
});

const stop = async () => {
  server.close();
  await apollo.stop();
  await driver.close();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
