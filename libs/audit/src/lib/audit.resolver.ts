import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, ListArgs, ListMetadata, MetaArgs, type RequestContext } from '@mop/api-kit';
import { AuditService } from './audit.service';
import { AuditEventFilter, AuditEventType } from './audit-event.types';

@Resolver(() => AuditEventType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEventType])
  @Allow('read', 'AuditEvent')
  allAuditEvents(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Args('filter', { nullable: true }) filter?: AuditEventFilter) {
    return this.audit.list(ctx, args, filter);
  }

  @Query(() => ListMetadata)
  @Allow('read', 'AuditEvent')
  async _allAuditEventsMeta(@Ctx() ctx: RequestContext, @Args() _args: MetaArgs, @Args('filter', { nullable: true }) filter?: AuditEventFilter) {
    return { count: await this.audit.count(ctx, filter) };
  }

  @Query(() => AuditEventType, { name: 'AuditEvent' })
  @Allow('read', 'AuditEvent')
  auditEvent(@Ctx() ctx: RequestContext, @IdArg() id: string) {
    return this.audit.get(ctx, id);
  }
}
