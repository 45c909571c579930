import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, ProductNotEnabledError, UnauthenticatedError } from './errors';
import { POLICY_KEY, type Policy, PRODUCT_KEY } from './policy';
import { gqlContextOf } from './request-context';

/**
 * Deny by default: an operation without a declared policy is refused, whoever asks. The guard
 * checks the action at the type level; services then filter rows and check loaded records.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true; // health endpoints are plain HTTP
    const policy = this.reflector.get<Policy | undefined>(POLICY_KEY, context.getHandler());
    if (!policy) throw new ForbiddenError('This operation has no access policy.');
    if (policy.kind === 'public') return true;
    const { rc } = gqlContextOf(context);
    const product = this.reflector.get<string | undefined>(PRODUCT_KEY, context.getHandler());
    if (rc.apiKey) {
      // A server with an API key: only ability-checked operations, within its scopes.
      if (policy.kind !== 'ability') throw new ForbiddenError('This operation needs a signed-in user: API keys cannot call it.');
      if (product && rc.apiKey.merchantId && !rc.apiKey.enabledProducts.includes(product)) throw new ProductNotEnabledError(product);
      if (!rc.ability.can(policy.action, policy.subject)) throw new ForbiddenError('This API key has no scope for this operation.');
      return true;
    }
    if (!rc.isAuthenticated) throw new UnauthenticatedError();
    if (policy.kind === 'authenticated') return true;
    const membership = rc.principal?.membership;
    if (!membership) throw new ForbiddenError('Choose a workspace first.');
    if (product && membership.kind === 'MERCHANT' && !membership.enabledProducts.includes(product)) throw new ProductNotEnabledError(product);
    if (!rc.ability.can(policy.action, policy.subject)) throw new ForbiddenError();
    return true;
  }
}
