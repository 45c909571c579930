import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The floor of `npm run bench -- coupons`: a bare Apollo server on Fastify whose one mutation does a
 * single INSERT through `pg` (the same pool size as the API's). Nothing else: no auth, no admission,
 * no validation — what one HTTP + GraphQL + INSERT round costs on this machine.
 */
const typeDefs = `#graphql
  type Claimed { id: ID! code: String! }
  type Query { ok: Boolean }
  type Mutation { claimCoupon(input: ClaimCouponInput!): Claimed }
  input ClaimCouponInput { stockId: ID! customerRef: String! requestId: String! }
`;

async function main() {
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10) });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_floor (id uuid PRIMARY KEY, stock_id uuid NOT NULL, customer_ref text NOT NULL, request_id text NOT NULL, code text NOT NULL, claimed_at timestamptz NOT NULL DEFAULT now())');
  const app = Fastify({ logger: false });
  const apollo = new ApolloServer({
    typeDefs,
    resolvers: {
      Mutation: {
        claimCoupon: async (_: unknown, { input }: { input: { stockId: string; customerRef: string; requestId: string } }) => {
          const id = randomUUID();
          const code = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
          await pool.query('INSERT INTO bench_floor (id, stock_id, customer_ref, request_id, code) VALUES ($1, $2, $3, $4, $5)', [id, input.stockId, input.customerRef, input.requestId, code]);
          return { id, code };
        },
      },
    },
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();
  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(fastifyApollo(apollo), { path: '/graphql' });
  await app.listen({ port: Number(process.env['PORT'] ?? 3999), host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
}

void main();
