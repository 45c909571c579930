import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DataAccessModule } from '@mop/data-access';
import {
  APP_CONFIG,
  ApiKitModule,
  type AppConfig,
  costPlugin,
  depthRule,
  errorLoggingPlugin,
  formatError,
  GraphQLErrorFilter,
  InputValidationPipe,
  PolicyGuard,
} from '@mop/api-kit';
import { AuditModule } from '@mop/audit';
import { IdentityModule, RequestContextFactory } from '@mop/identity';
import { TenancyModule } from '@mop/tenancy';
import { ReviewsModule } from '@mop/reviews';
import { OnboardingModule } from '@mop/onboarding';
import { CatalogModule } from '@mop/catalog';
import { CouponsModule } from '@mop/coupons';
import { ApiKeysModule } from '@mop/api-keys';
import { WebhooksApiModule, WebhooksModule } from '@mop/webhooks';
import { HealthController } from './health.controller';

/** Where development writes the schema the console builds its data provider from. */
export const SCHEMA_FILE = join(__dirname, '../../../../libs/shared/src/graphql/schema.graphql');

@Module({
  imports: [
    DataAccessModule,
    ApiKitModule,
    AuditModule,
    IdentityModule,
    TenancyModule,
    ReviewsModule,
    OnboardingModule,
    CatalogModule,
    CouponsModule,
    ApiKeysModule,
    WebhooksModule,
    WebhooksApiModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [IdentityModule],
      inject: [RequestContextFactory, APP_CONFIG],
      useFactory: (contexts: RequestContextFactory, config: AppConfig): ApolloDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: config.env === 'development' ? SCHEMA_FILE : true,
        sortSchema: true,
        introspection: config.graphql.introspection,
        playground: false,
        includeStacktraceInErrorResponses: false,
        formatError,
        validationRules: [depthRule(config.graphql)],
        plugins: [costPlugin(config.graphql), errorLoggingPlugin()],
        context: async (request: Parameters<RequestContextFactory['build']>[0], reply: unknown) => ({
          req: request,
          reply,
          rc: await contexts.build(request),
        }),
      }),
    }),
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: PolicyGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: GraphQLErrorFilter },
  ],
})
export class AppModule {}
