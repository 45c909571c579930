import { Module } from '@nestjs/common';
import { ApiKeysModule } from '@mop/api-keys';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';
import { RequestContextFactory } from './request-context.factory';
import { SessionService } from './session.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [ApiKeysModule],
  providers: [PasswordService, SessionService, LoginRateLimiter, AuthService, AuthResolver, UsersService, UsersResolver, RequestContextFactory],
  exports: [RequestContextFactory, SessionService, PasswordService, AuthService],
})
export class IdentityModule {}
