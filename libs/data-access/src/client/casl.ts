/**
 * CASL on the generated Prisma 7 client (`prisma-client` generator with a custom output): the
 * wrapper around `@casl/prisma/runtime` that @casl/prisma's README prescribes.
 */
import {
  accessibleBy,
  createCaslExtension,
  createPrismaAbility,
  ParsingQueryError,
  prismaQuery,
  type Model,
  type PrismaQueryOf,
  type Subjects,
  type WhereInputOf,
} from '@casl/prisma/runtime';
import type { Prisma } from '../generated/prisma/client';

export { accessibleBy, createCaslExtension, createPrismaAbility, ParsingQueryError, prismaQuery };
export type { Model, Subjects };

/** CASL conditions are Prisma `WhereInput`s of the rule's subject. */
export type PrismaQuery<T extends Model<Record<string, unknown>, string> = Model<Record<string, unknown>, string>> =
  PrismaQueryOf<Prisma.TypeMap, T>;
/** The `where` input of a model, by model name. */
export type WhereInput<TModelName extends Prisma.ModelName> = WhereInputOf<Prisma.TypeMap, TModelName>;
