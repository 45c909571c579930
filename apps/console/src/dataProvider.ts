import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { HttpError, type DataProvider } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import schemaSdl from '@mop/shared/graphql/schema.graphql?raw';
import { errorMessageKey, errorStatus, toApiError } from './errors';
import { GRAPHQL_ENDPOINT } from './graphql';

/** The resources the console lists; their names are the GraphQL types and the CASL subjects. */
export const RESOURCES = ['Merchant', 'ServiceProvider', 'Store', 'Membership', 'User', 'Authorization', 'AuditEvent'] as const;

// Introspection is disabled in production: the committed SDL is the contract.
const introspectionSchema = introspectionFromSchema(buildSchema(schemaSdl)).__schema;

export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_ENDPOINT, credentials: 'same-origin' }),
  cache: new InMemoryCache({
    // A Workspace's `id` is the tenant's id, shared by every membership in it: never normalize it.
    typePolicies: { Workspace: { keyFields: false }, Me: { keyFields: false } },
  }),
  defaultOptions: { query: { fetchPolicy: 'network-only' }, watchQuery: { fetchPolicy: 'network-only' } },
});

const graphQLProvider = buildGraphQLProvider({
  client: apolloClient,
  introspection: {
    schema: introspectionSchema as never,
    include: [...RESOURCES],
  },
});

/** Rethrows data provider failures as react-admin HttpErrors whose message is an i18n key. */
function translateError(error: unknown): never {
  const apiError = toApiError(error);
  throw new HttpError(errorMessageKey(apiError.code), errorStatus(apiError.code), {
    code: apiError.code,
    field: apiError.field,
    detail: apiError.message,
  });
}

export const dataProvider: DataProvider = new Proxy(graphQLProvider, {
  get(target, name, receiver) {
    const value = Reflect.get(target, name, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      try {
        return Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)).catch(translateError);
      } catch (error) {
        return translateError(error);
      }
    };
  },
}) as DataProvider;
