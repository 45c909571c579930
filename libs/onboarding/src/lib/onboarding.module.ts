import { Module } from '@nestjs/common';
import { OnboardingResolver } from './onboarding.resolver';
import { OnboardingService } from './onboarding.service';
import { TenantStatusService } from './tenant-status.service';

@Module({ providers: [OnboardingService, TenantStatusService, OnboardingResolver] })
export class OnboardingModule {}
