import { graphqlRequest } from '../graphql';

/** The scopes a key may hold, in the order the create dialog offers them (the GraphQL enum ApiKeyScope). */
export const API_KEY_SCOPES = ['COUPONS_READ', 'COUPONS_CLAIM', 'COUPONS_REDEEM', 'COUPONS_MANAGE', 'EVENTS_WRITE', 'MESSAGES_SEND', 'INBOX_READ', 'REPORTS_VIEW'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
/** What a provider's key may hold (the server refuses the rest): what an authorization can grant a provider. */
export const PROVIDER_KEY_SCOPES: readonly ApiKeyScope[] = ['COUPONS_READ', 'COUPONS_REDEEM', 'COUPONS_MANAGE', 'MESSAGES_SEND', 'REPORTS_VIEW'];

export const API_KEY_STATUSES = ['ACTIVE', 'REVOKED', 'EXPIRED'] as const;

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  status: (typeof API_KEY_STATUSES)[number];
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface CreateApiKeyInput {
  name: string;
  scopes: ApiKeyScope[];
  expiresAt?: string | null;
}

const FIELDS = 'id name prefix scopes merchantId providerId status lastUsedAt expiresAt revokedAt createdAt createdByName';

/** The secret is in this answer only. */
export async function createApiKey(input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyRecord; secret: string }> {
  const data = await graphqlRequest<{ createApiKey: { apiKey: ApiKeyRecord; secret: string } }>(
    `mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${FIELDS} } } }`,
    { input },
  );
  return data.createApiKey;
}

export async function revokeApiKey(id: string): Promise<void> {
  await graphqlRequest(`mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${FIELDS} } }`, { id });
}
