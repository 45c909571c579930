import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WebhookEventTypes } from './webhook-event';

const EVENT_TYPES_MESSAGE = `Each event type is one of ${WebhookEventTypes.join(', ')}.`;

@ObjectType('WebhookEndpoint', { description: "a merchant's URL that receives signed event deliveries; its signing secret is never returned again" })
export class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field(() => ID) merchantId!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String], { description: 'the event types delivered; empty: every type, including ones added later' }) eventTypes!: string[];
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('WebhookEndpointSecret')
export class WebhookEndpointSecretType {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: 'the signing secret (whsec_…), shown this once' }) secret!: string;
}

@InputType()
export class WebhookEndpointFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) q?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) ids?: string[];
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https; http only for localhost and 127.0.0.1' })
  @IsString()
  @MaxLength(2000, { message: 'A URL has at most 2000 characters.' })
  url!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'A description has at most 200 characters.' })
  description?: string | null;

  @Field(() => [String], { description: 'from the webhook event types; empty: every type, including ones added later' })
  @ArrayUnique({ message: 'Name each event type once.' })
  @ArrayMaxSize(WebhookEventTypes.length)
  @IsIn(WebhookEventTypes, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes!: string[];

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** What an edit changes; fields left out stay as they are. */
@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'A URL has at most 2000 characters.' })
  url?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'A description has at most 200 characters.' })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayUnique({ message: 'Name each event type once.' })
  @ArrayMaxSize(WebhookEventTypes.length)
  @IsIn(WebhookEventTypes, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes?: string[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
