import { Global, Module } from '@nestjs/common';
import { ApplicationEffects } from './application-effects';
import { ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

/** The review queue; global so that every domain module can file applications and register effects. */
@Global()
@Module({ providers: [ApplicationEffects, ReviewService, ReviewResolver], exports: [ApplicationEffects, ReviewService] })
export class ReviewsModule {}
