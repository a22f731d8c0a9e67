import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AcceptInvitationDto,
  AuthResponseDto,
  ChangePasswordDto,
  LoginDto,
  LoginResponseDto,
  MeDto,
  RegisterDto,
  ResetPasswordDto,
} from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';
import { CurrentCaller, Public, type Caller } from './caller.js';
import { RateLimit } from './rate-limit.js';
import { clearSessionCookies, setSessionCookies } from './session-cookie.js';

@ApiTags('accounts')
@Controller('api/v1')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('auth/register')
  @Public()
  @RateLimit('signup')
  @ApiCreatedResponse({ type: AuthResponseDto, description: 'The organisation and its owner' })
  @ApiConflictResponse({ description: 'The email is already registered' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address (Retry-After gives the seconds to wait)' })
  register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return this.accounts.register(dto);
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @RateLimit('login')
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (same answer for both)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts for this email from this address, or from this address (one budget with the web log-in form)',
  })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.accounts.login(dto.email, dto.password);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'This session has ended: its token is refused from now on (other sessions go on)' })
  async logout(@CurrentCaller() caller: Caller, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.accounts.logout(caller);
    if (caller.session?.via === 'cookie') clearSessionCookies(req, res);
  }

  @Post('auth/password')
  @HttpCode(200)
  @RateLimit('password')
  @ApiBearerAuth()
  @ApiOkResponse({
    type: LoginResponseDto,
    description: 'The password is changed; every other session has ended. Continue with the new token returned.',
  })
  @ApiBadRequestResponse({ description: 'The current password is wrong (field currentPassword), or the new one is refused' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts' })
  async changePassword(
    @CurrentCaller() caller: Caller,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    const result = await this.accounts.changePassword(caller, dto.currentPassword, dto.newPassword);
    if (caller.session?.via === 'cookie') setSessionCookies(req, res, result.accessToken, result.expiresIn);
    return result;
  }

  @Post('auth/accept-invitation')
  @Public()
  @HttpCode(200)
  @RateLimit('token')
  @ApiOkResponse({ type: AuthResponseDto, description: 'The invited member sets a password and is logged in' })
  @ApiUnauthorizedResponse({ description: 'The invitation is unknown, already accepted or expired' })
  acceptInvitation(@Body() dto: AcceptInvitationDto): Promise<AuthResponseDto> {
    return this.accounts.acceptInvitation(dto.token, dto.password);
  }

  @Post('auth/reset-password')
  @Public()
  @HttpCode(200)
  @RateLimit('token')
  @ApiOkResponse({ type: AuthResponseDto, description: 'The member sets a new password from a reset link, and is logged in' })
  @ApiUnauthorizedResponse({ description: 'The link is unknown, already used or expired' })
  resetPassword(@Body() dto: ResetPasswordDto): Promise<AuthResponseDto> {
    return this.accounts.resetPassword(dto.token, dto.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.accounts.me(caller);
  }
}
