import { graphqlRequest } from '../graphql';

export interface CodeUploadResult {
  accepted: number;
  duplicateCount: number;
  duplicates: string[];
  totalCodes: number;
  unusedCodes: number;
}

/** One chunk (at most 1000 codes) for a stock whose code mode is UPLOADED. */
export async function uploadCouponCodes(stockId: string, codes: string[]): Promise<CodeUploadResult> {
  const data = await graphqlRequest<{ uploadCouponCodes: CodeUploadResult }>(
    `mutation UploadCouponCodes($stockId: ID!, $codes: [String!]!) {
      uploadCouponCodes(stockId: $stockId, codes: $codes) { accepted duplicateCount duplicates totalCodes unusedCodes }
    }`,
    { stockId, codes },
  );
  return data.uploadCouponCodes;
}
