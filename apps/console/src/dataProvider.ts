import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { HttpError, type DataProvider, type RaRecord } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import schemaSdl from '@mop/shared/graphql/schema.graphql?raw';
import { errorMessageKey, errorStatus, toApiError } from './errors';
import { GRAPHQL_ENDPOINT, graphqlRequest } from './graphql';
import { createCouponStock, updateCouponStock } from './coupons/couponStockApi';
import { couponSearchTerm } from './coupons/couponCode';
import type { CouponStockInput } from './coupons/couponStock';
import { toEndpointInput, updateWebhookEndpoint } from './webhooks/webhookApi';

/** The resources the console lists; their names are the GraphQL types and the CASL subjects. */
export const RESOURCES = [
  'Application',
  'Merchant',
  'ServiceProvider',
  'Store',
  'Product',
  'CouponStock',
  'Coupon',
  'Membership',
  'Invitation',
  'ApiKey',
  'WebhookEndpoint',
  'WebhookDelivery',
  'User',
  'Authorization',
  'AuditEvent',
] as const;

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

export const STORE_FIELDS = 'id merchantId code name address status version openingHours { weekday opens closes } createdAt updatedAt';
export const MEMBERSHIP_FIELDS = 'id userId email displayName kind merchantId providerId role status storeIds createdAt';
export const INVITATION_FIELDS =
  'id email role kind merchantId providerId storeIds status expiresAt createdAt invitedByName acceptUrl';

export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

/** Only the input fields: records read back from the API carry `__typename` and ids. */
export const toOpeningHoursInput = (hours: OpeningHours[] | null | undefined): OpeningHours[] =>
  (hours ?? []).map(({ weekday, opens, closes }) => ({ weekday: Number(weekday), opens, closes }));

/**
 * Writes whose mutations take an `input` object (or are not plain CRUD) rather than the flat
 * arguments ra-data-graphql-simple would build.
 */
const overrides: Record<string, Partial<DataProvider>> = {
  Store: {
    create: async (_resource, { data }) => {
      const result = await graphqlRequest<{ createStore: RaRecord }>(
        `mutation CreateStore($input: StoreInput!) { createStore(input: $input) { ${STORE_FIELDS} } }`,
        {
          input: {
            code: data.code,
            name: data.name,
            address: data.address,
            openingHours: toOpeningHoursInput(data.openingHours),
          },
        },
      ).catch((error: unknown) => {
        // A code the merchant already uses: said next to the code field, not as a generic conflict.
        const apiError = toApiError(error);
        if (apiError.code === 'CONFLICT' && apiError.field === 'code') {
          throw new HttpError('mop.stores.code_taken', errorStatus(apiError.code), {
            code: apiError.code,
            field: apiError.field,
            errors: { code: 'mop.stores.code_taken' },
          });
        }
        throw error;
      });
      return { data: result.createStore as never };
    },
    update: async (_resource, { id, data, previousData }) => {
      const result = await graphqlRequest<{ updateStore: RaRecord }>(
        `mutation UpdateStore($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { ${STORE_FIELDS} } }`,
        {
          id,
          input: {
            name: data.name,
            address: data.address,
            openingHours: toOpeningHoursInput(data.openingHours),
            // The version the editor started from: the server refuses a stale one with CONFLICT.
            version: previousData?.version ?? data.version,
          },
        },
      );
      return { data: result.updateStore as never };
    },
  },
  Membership: {
    update: async (_resource, { id, data }) => {
      const result = await graphqlRequest<{ updateMember: RaRecord }>(
        `mutation UpdateMember($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { ${MEMBERSHIP_FIELDS} } }`,
        { id, input: { role: data.role, storeIds: data.role === 'CLERK' ? (data.storeIds ?? []) : undefined } },
      );
      return { data: result.updateMember as never };
    },
    delete: async (_resource, { id }) => {
      const result = await graphqlRequest<{ removeMember: RaRecord }>(
        `mutation RemoveMember($id: ID!) { removeMember(id: $id) { ${MEMBERSHIP_FIELDS} } }`,
        { id },
      );
      return { data: result.removeMember as never };
    },
  },
  // The forms hand over a ready CouponStockInput (minor units, minutes): see coupons/CouponStockCreate and Edit.
  CouponStock: {
    create: async (_resource, { data }) => ({
      data: (await createCouponStock(data as CouponStockInput).catch(withFieldErrors)) as never,
    }),
    update: async (_resource, { id, data, previousData }) => ({
      data: (await updateCouponStock(String(id), previousData?.version ?? data.version, data as CouponStockInput).catch(withFieldErrors)) as never,
    }),
  },
  // The server matches codes exactly: a code pasted in its grouped form (ABCD-EFGH-…) is searched raw.
  Coupon: {
    getList: (resource, params) =>
      graphQLProvider.getList(resource, { ...params, filter: typeof params.filter?.q === 'string' ? { ...params.filter, q: couponSearchTerm(params.filter.q) } : params.filter }),
  },
  // Saved with the version the editor loaded (create goes straight to the API: its answer holds the secret).
  WebhookEndpoint: {
    update: async (_resource, { id, data, previousData }) => ({
      data: (await updateWebhookEndpoint(String(id), previousData?.version ?? data.version, toEndpointInput(data)).catch(withFieldErrors)) as never,
    }),
  },
  Invitation: {
    create: async (_resource, { data }) => {
      const result = await graphqlRequest<{ inviteMember: RaRecord }>(
        `mutation InviteMember($input: InviteMemberInput!) { inviteMember(input: $input) { ${INVITATION_FIELDS} } }`,
        {
          input: {
            email: String(data.email ?? '').trim(),
            role: data.role,
            storeIds: data.role === 'CLERK' ? (data.storeIds ?? []) : undefined,
          },
        },
      );
      return { data: result.inviteMember as never };
    },
  },
};

/**
 * A BAD_USER_INPUT naming a field goes back to the form as `body.errors`, which react-admin shows
 * under that input ("input.x" and list items "x.2" are reported on "x"), with the server's explanation.
 */
function withFieldErrors(error: unknown): never {
  const apiError = toApiError(error);
  if (apiError.code === 'BAD_USER_INPUT' && apiError.field) {
    const field = apiError.field.replace(/^input\./, '').replace(/(\.\d+)+$/, '');
    throw new HttpError(errorMessageKey(apiError.code), errorStatus(apiError.code), {
      code: apiError.code,
      field: apiError.field,
      detail: apiError.message,
      errors: { [field]: apiError.message },
    });
  }
  throw error;
}

/** Rethrows data provider failures as react-admin HttpErrors whose message is an i18n key. */
function translateError(error: unknown): never {
  if (error instanceof HttpError) throw error;
  const apiError = toApiError(error);
  throw new HttpError(errorMessageKey(apiError.code), errorStatus(apiError.code), {
    code: apiError.code,
    field: apiError.field,
    reason: apiError.reason,
    detail: apiError.message,
  });
}

export const dataProvider: DataProvider = new Proxy(graphQLProvider, {
  get(target, name, receiver) {
    const value = Reflect.get(target, name, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      const override = typeof name === 'string' ? overrides[String(args[0])]?.[name as keyof DataProvider] : undefined;
      const call = (override ?? value) as (...a: unknown[]) => unknown;
      try {
        return Promise.resolve(override ? call(...args) : call.apply(target, args)).catch(translateError);
      } catch (error) {
        return translateError(error);
      }
    };
  },
}) as DataProvider;
