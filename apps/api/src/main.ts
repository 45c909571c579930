import { loadConfig } from '@mop/api-kit';
import { createApiApp } from './app/bootstrap';

async function main() {
  const config = loadConfig();
  const app = await createApiApp();
  await app.listen({ port: config.port, host: config.host });
  app.getHttpAdapter().getInstance().log.info(`API ready on http://${config.host}:${config.port}/graphql (${config.env})`);
}

void main();
