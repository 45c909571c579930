/**
 * Writes the API's GraphQL schema to libs/shared/src/graphql/schema.graphql, the file the console
 * builds its data provider from (introspection is off in production). `npm run api:schema`.
 */
import { createApiApp } from '../app/bootstrap';
import { SCHEMA_FILE } from '../app/app.module';

async function main() {
  process.env['NODE_ENV'] = 'development';
  const app = await createApiApp({ logger: false });
  await app.init();
  await app.close();
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
