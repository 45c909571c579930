import { Injectable, type PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { BadUserInputError } from './errors';

@Injectable()
class UuidPipe implements PipeTransform<unknown, string> {
  constructor(private readonly field: string) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !isUUID(value)) throw new BadUserInputError(this.field, `${this.field} is not a valid id.`);
    return value;
  }
}

/** An `ID!` argument that must be a UUID: a malformed id is BAD_USER_INPUT, not a database error. */
export const IdArg = (name = 'id') => Args(name, { type: () => ID }, new UuidPipe(name));
