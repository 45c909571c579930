import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Authenticated, Ctx, type GqlContext, IdArg, Public, type RequestContext } from '@mop/api-kit';
import { AuthService } from './auth.service';
import { ChangePasswordInput, LoginInput, LoginPayload, Me, SessionInfo, SignUpInput, UpdateProfileInput } from './identity.types';

@Resolver(() => Me)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => LoginPayload)
  @Public()
  async login(@Ctx() ctx: RequestContext, @Context() gql: GqlContext, @Args('input') input: LoginInput): Promise<LoginPayload> {
    return this.withCookie(gql, await this.auth.login(ctx, input));
  }

  @Mutation(() => LoginPayload)
  @Public()
  async signUp(@Ctx() ctx: RequestContext, @Context() gql: GqlContext, @Args('input') input: SignUpInput): Promise<LoginPayload> {
    return this.withCookie(gql, await this.auth.signUp(ctx, input));
  }

  private withCookie(gql: GqlContext, { token, me, maxAgeSeconds }: { token: string; me: Me; maxAgeSeconds: number }): LoginPayload {
    gql.reply?.setCookie?.(this.config.session.cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.cookieSecure,
      path: '/',
      maxAge: maxAgeSeconds,
    });
    return { token, me };
  }

  @Mutation(() => Boolean)
  @Authenticated()
  async logout(@Ctx() ctx: RequestContext, @Context() gql: GqlContext): Promise<boolean> {
    await this.auth.logout(ctx);
    gql.reply?.clearCookie?.(this.config.session.cookieName, { path: '/' });
    return true;
  }

  @Query(() => Me)
  @Authenticated()
  me(@Ctx() ctx: RequestContext): Promise<Me> {
    return this.auth.me(ctx.principal);
  }

  @Mutation(() => Me)
  @Authenticated()
  switchWorkspace(@Ctx() ctx: RequestContext, @IdArg('membershipId') membershipId: string): Promise<Me> {
    return this.auth.switchWorkspace(ctx, membershipId);
  }

  @Mutation(() => Me)
  @Authenticated()
  updateProfile(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProfileInput): Promise<Me> {
    return this.auth.updateProfile(ctx, input);
  }

  @Mutation(() => Boolean)
  @Authenticated()
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    return this.auth.changePassword(ctx, input);
  }

  @Query(() => [SessionInfo])
  @Authenticated()
  mySessions(@Ctx() ctx: RequestContext) {
    return this.auth.mySessions(ctx);
  }

  @Mutation(() => Boolean)
  @Authenticated()
  revokeSession(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<boolean> {
    return this.auth.revokeSession(ctx, id);
  }
}
