import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { BadUserInputError } from './errors';

export const MAX_PAGE_SIZE = 100;

/** react-admin's list arguments (ra-data-graphql-simple): 0-based page, perPage, sort. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true })
  page?: number;

  @Field(() => Int, { nullable: true })
  perPage?: number;

  @Field(() => String, { nullable: true })
  sortField?: string;

  @Field(() => String, { nullable: true })
  sortOrder?: string;
}

@ArgsType()
export class MetaArgs {
  @Field(() => Int, { nullable: true })
  page?: number;

  @Field(() => Int, { nullable: true })
  perPage?: number;
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}

export interface PageQuery {
  skip: number;
  take: number;
  orderBy: Record<string, 'asc' | 'desc'>[];
}

/**
 * Turns react-admin's arguments into a Prisma page. Sorting is allowed on the listed fields only
 * (an arbitrary column name would be both an error and an information leak); `id` breaks ties so
 * pages are stable.
 */
export function toPage(args: ListArgs, sortable: readonly string[], defaultSort: [string, 'asc' | 'desc']): PageQuery {
  const perPage = args.perPage ?? 25;
  const page = args.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PAGE_SIZE) {
    throw new BadUserInputError('perPage', `perPage must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  if (!Number.isInteger(page) || page < 0) throw new BadUserInputError('page', 'page must be 0 or more.');
  const field = args.sortField ?? defaultSort[0];
  if (!sortable.includes(field)) {
    throw new BadUserInputError('sortField', `Sorting is possible by ${sortable.join(', ')}.`);
  }
  const order = args.sortOrder ? args.sortOrder.toLowerCase() : field === defaultSort[0] ? defaultSort[1] : 'asc';
  if (order !== 'asc' && order !== 'desc') throw new BadUserInputError('sortOrder', 'sortOrder is ASC or DESC.');
  const orderBy: Record<string, 'asc' | 'desc'>[] = [{ [field]: order }];
  if (field !== 'id') orderBy.push({ id: 'asc' });
  return { skip: page * perPage, take: perPage, orderBy };
}
