import { Module } from '@nestjs/common';
import { ApiKeyPrincipalResolver } from './api-key-principal.resolver';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';

@Module({ providers: [ApiKeyService, ApiKeyResolver, ApiKeyPrincipalResolver], exports: [ApiKeyService, ApiKeyPrincipalResolver] })
export class ApiKeysModule {}
