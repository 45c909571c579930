import { Injectable } from '@nestjs/common';
import type { Application, Tx } from '@mop/data-access';
import type { RequestContext } from '@mop/api-kit';
import type { ApplicationKindName } from './application.types';

/**
 * What deciding an application does to its subject, per kind: the domain modules register theirs
 * (onboarding activates the merchant, the catalog enables the product, …) and the review service
 * runs it inside the decision's transaction, so the decision and its effect commit together.
 */
export interface ApplicationEffect {
  approved(tx: Tx, ctx: RequestContext, application: Application): Promise<void>;
  rejected(tx: Tx, ctx: RequestContext, application: Application, reason: string): Promise<void>;
  withdrawn(tx: Tx, ctx: RequestContext, application: Application): Promise<void>;
}

@Injectable()
export class ApplicationEffects {
  private readonly effects = new Map<ApplicationKindName, ApplicationEffect>();

  register(kind: ApplicationKindName, effect: ApplicationEffect): void {
    if (this.effects.has(kind)) throw new Error(`An effect for ${kind} applications is already registered`);
    this.effects.set(kind, effect);
  }

  of(kind: string): ApplicationEffect {
    const effect = this.effects.get(kind as ApplicationKindName);
    if (!effect) throw new Error(`No effect is registered for ${kind} applications`);
    return effect;
  }
}
