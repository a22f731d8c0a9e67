import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AuthConfig, DatabaseConfig } from '../config/app.config.js';
import { AccountsService } from './accounts.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { MembersController } from './members.controller.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: resolveJwtSecret(config.getOrThrow<AuthConfig>('auth'), config.getOrThrow<DatabaseConfig>('database')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, MembersController],
  providers: [AccountsService, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [AccountsService, AuthGuard],
})
export class AccountsModule {}
