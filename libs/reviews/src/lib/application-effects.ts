import { Injectable } from '@nestjs/common';
import type { Application, Tx } from '@mop/data-access';
import { ConflictError, type RequestContext } from '@mop/api-kit';
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
    // A kind whose module is not part of this build (yet) cannot be decided: say so, rather than fail with a 500.
    if (!effect) throw new ConflictError(`Applications of kind ${kind} cannot be decided on this platform yet.`, { reason: 'NO_EFFECT', kind });
    return effect;
  }
}
