import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Codes a merchant uploads: letters, digits and hyphens, what a customer shows or types at the counter. */
export const UPLOADED_CODE_PATTERN = /^[A-Za-z0-9-]{6,64}$/;
/** The console sends a long list in chunks of this many, one after another. */
export const MAX_CODES_PER_UPLOAD = 1000;
/** How many of the refused codes an answer lists (all of them are counted). */
export const LISTED_DUPLICATES = 50;

@ObjectType('CodeUploadResult', { description: 'what one chunk of uploaded codes did to the stock' })
export class CodeUploadResultType {
  @Field(() => Int, { description: 'codes added to the stock by this call' }) accepted!: number;
  @Field(() => Int, { description: 'codes of this call not added: repeated in the call, already uploaded (to any stock) or already a coupon code' }) duplicateCount!: number;
  @Field(() => [String], { description: `the first ${LISTED_DUPLICATES} of them` }) duplicates!: string[];
  @Field(() => Int, { description: "the stock's uploaded codes, after this call" }) totalCodes!: number;
  @Field(() => Int, { description: 'of those, the ones not handed out yet' }) unusedCodes!: number;
}

export interface CodeStats {
  total: number;
  unused: number;
}
