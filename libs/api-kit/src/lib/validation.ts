import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { BadUserInputError } from './errors';

/**
 * Validates `@InputType()` / `@ArgsType()` classes with class-validator and turns the first
 * failure into a BAD_USER_INPUT error naming the field (dotted path for nested inputs).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const type = metadata.metatype;
    if (!type || value === null || value === undefined || typeof value !== 'object' || isBuiltin(type)) return value;
    const instance = plainToInstance(type, value) as object;
    // Every validator of our inputs is synchronous: validateSync spares a promise chain per argument.
    const errors = validateSync(instance, { forbidUnknownValues: false, whitelist: false });
    if (errors.length > 0) {
      const [field, message] = firstError(errors[0]);
      throw new BadUserInputError(field, message);
    }
    return instance;
  }
}

function isBuiltin(type: unknown): boolean {
  return [String, Boolean, Number, Array, Object, Date].includes(type as never);
}

function firstError(error: ValidationError, prefix = ''): [string, string] {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) return [path, Object.values(error.constraints)[0]];
  if (error.children?.length) return firstError(error.children[0], path);
  return [path, 'is invalid'];
}
