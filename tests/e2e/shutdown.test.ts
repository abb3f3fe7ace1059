import { setTimeout as sleep } from 'node:timers/promises';
import { addResolversToSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './server.ts';

describe('graceful shutdown', () => {
  it('lets a request in flight finish, then closes the port', async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const server = await startTestServer({
      schema: (schema) =>
        addResolversToSchema({
          schema,
          resolvers: {
            Query: {
              person: async () => {
                started();
                await sleep(300);
                return null;
              },
            },
          },
        }),
    });
    const response = server.gql('{ person(id: "slow") { id } }');
    await inFlight;
    const closing = server.close();
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { person: null } });
    await closing;
    await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow();
  });
});
