import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { AppModule } from './app.module';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Builds the API application (used by main.ts and by the tests, which call `init()` and `inject`). */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const logLevel = process.env['LOG_LEVEL'] ?? 'info';
  const adapter = new FastifyAdapter({
    logger: options.logger === false ? false : { level: logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    // A caller's request id is kept (so a trace crosses services); otherwise one is made.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: process.env['TRUST_PROXY'] === 'true',
    // A bulk issue sends its list in one request: up to 100,000 customer refs of up to 128 characters (≈13 MB).
    bodyLimit: 16 * 1_048_576,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: options.logger === false ? false : new ConsoleLogger({ json: process.env['NODE_ENV'] === 'production', logLevels: ['log', 'warn', 'error'] }),
  });
  await app.register(fastifyCookie as never);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.enableShutdownHooks();
  return app;
}
