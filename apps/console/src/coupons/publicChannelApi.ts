import { graphqlRequest } from '../graphql';

export const PUBLIC_CHANNEL_STATES = ['NONE', 'SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export type PublicChannelState = (typeof PUBLIC_CHANNEL_STATES)[number];

/** Files the stock's terms for the platform's review; CONFLICT when one is open already or it is approved. */
export async function submitCouponStockToPublicChannel(id: string): Promise<{ id: string; publicChannel: PublicChannelState }> {
  const data = await graphqlRequest<{ submitCouponStockToPublicChannel: { id: string; publicChannel: PublicChannelState } }>(
    'mutation SubmitCouponStockToPublicChannel($id: ID!) { submitCouponStockToPublicChannel(id: $id) { id publicChannel } }',
    { id },
  );
  return data.submitCouponStockToPublicChannel;
}
