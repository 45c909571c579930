import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/type-metadata.storage.js';
import { printSchema, lexicographicSortSchema, buildSchema } from 'graphql';
import { POLICY_KEY, type Policy } from '@mop/api-kit';
import { SCHEMA_FILE } from '../app/app.module';
import { type ApiHarness, startApi } from '../testing/api-harness';

/**
 * Walks the schema: every Query and Mutation must declare who may call it (`@Public`,
 * `@Authenticated` or `@Allow(action, subject)`), or the guard refuses it for everyone and this test
 * names it. Also keeps the committed SDL (what the console builds its data provider from) current.
 */
describe('schema policies', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('every operation declares an access policy', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const declared = new Map<string, Policy | undefined>();
    for (const meta of [...TypeMetadataStorage.getQueriesMetadata(), ...TypeMetadataStorage.getMutationsMetadata()]) {
      const handler = (meta.target as { prototype: Record<string, unknown> }).prototype[meta.methodName] as object;
      declared.set(meta.schemaName, Reflect.getMetadata(POLICY_KEY, handler) as Policy | undefined);
    }
    const operations = [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})];
    const missing = operations.filter((name) => !declared.get(name));
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(20);
  });

  it('only sign-in, sign-up, the invitation preview and the coupon plaza are public', () => {
    const publicOps = [...TypeMetadataStorage.getQueriesMetadata(), ...TypeMetadataStorage.getMutationsMetadata()]
      .filter((meta) => (Reflect.getMetadata(POLICY_KEY, (meta.target as { prototype: Record<string, object> }).prototype[meta.methodName]) as Policy)?.kind === 'public')
      .map((meta) => meta.schemaName);
    expect(publicOps.sort()).toEqual(['_couponPlazaMeta', 'couponPlaza', 'invitationPreview', 'login', 'signUp']);
  });

  it('the committed schema file matches the running schema (run `npm run api:schema` after changing the API)', () => {
    const running = printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema));
    const committed = printSchema(lexicographicSortSchema(buildSchema(readFileSync(SCHEMA_FILE, 'utf8'))));
    expect(committed).toEqual(running);
  });
});
