import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { IsEnum, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { WebhookDeliveryStatus } from '@mop/data-access';
import { WebhookEventTypes } from './webhook-event';

registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus', description: 'PENDING (being sent or waiting for a retry) → SUCCEEDED | FAILED' });
export { WebhookDeliveryStatus };

@ObjectType('WebhookAttempt', { description: 'one try of a delivery: what the endpoint answered, or why there was no answer' })
export class WebhookAttemptType {
  @Field(() => ID) id!: string;
  @Field(() => Int) attemptNo!: number;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Int, { nullable: true, description: 'null while it runs, or when the worker stopped during it' }) durationMs!: number | null;
  @Field(() => Int, { nullable: true }) statusCode!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'the first 2 KB of the answer' }) responseBody!: string | null;
}

@ObjectType('WebhookDelivery', { description: 'one event sent to one endpoint, with every attempt' })
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => String) endpointUrl!: string;
  @Field(() => String, { description: 'the platform event; one delivery per (endpoint, event)' }) eventId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => GraphQLJSON, { description: 'the JSON body sent' }) payload!: unknown;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'attempts so far, replays included' }) attempts!: number;
  @Field(() => Int, { description: 'times it was sent again by hand' }) replays!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'when the next attempt is due, while PENDING' }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => [WebhookAttemptType], { description: 'every attempt, oldest first' }) attemptLog!: WebhookAttemptType[];
}

@InputType()
export class WebhookDeliveryFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'endpointId is not a valid id.' }) endpointId?: string;
  @Field(() => WebhookDeliveryStatus, { nullable: true }) @IsOptional() @IsEnum(WebhookDeliveryStatus) status?: WebhookDeliveryStatus;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(WebhookEventTypes, { message: `The event type is one of ${WebhookEventTypes.join(', ')}.` }) eventType?: string;
  @Field(() => String, { nullable: true, description: 'an event id, or the start of one' }) @IsOptional() @MaxLength(200) q?: string;
}
