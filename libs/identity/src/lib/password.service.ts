import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { BadUserInputError } from '@mop/api-kit';

// OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

@Injectable()
export class PasswordService {
  /** A hash of a fixed string, verified against when the user does not exist, so timing tells nothing. */
  private readonly decoy = hash('decoy password for unknown users', OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }

  /** The password rules, as a BAD_USER_INPUT on `field`. */
  assertAcceptable(password: string, email: string, field = 'newPassword'): void {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new BadUserInputError(field, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new BadUserInputError(field, `A password has at most ${MAX_PASSWORD_LENGTH} characters.`);
    }
    if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password)) {
      throw new BadUserInputError(field, 'A password mixes letters with at least one number or symbol.');
    }
    if (password.toLowerCase() === email.toLowerCase()) {
      throw new BadUserInputError(field, 'A password cannot be the email address.');
    }
  }
}
