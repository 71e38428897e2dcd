import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module';
import { ApprenticesModule } from '../apprentices/apprentices.module';
import { AreasModule } from '../areas/areas.module';
import { MailModule } from '../mail/mail.module';
import { AuthGuard } from './auth.guard';
import { InvitationEntity } from './entities/invitation.entity';
import { SessionEntity } from './entities/session.entity';
import { SignInFailureEntity } from './entities/sign-in-attempt.entity';
import { UserEntity } from './entities/user.entity';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { SessionService } from './session.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, SessionEntity, InvitationEntity, SignInFailureEntity]),
    MailModule,
    ApprenticesModule,
    AgenciesModule,
    AreasModule,
  ],
  providers: [IdentityService, SessionService, IdentityResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionService, IdentityService],
})
export class IdentityModule {}
