import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AcceptInvitationDto, AuthResponseDto, LoginDto, LoginResponseDto, MeDto, RegisterDto } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';
import { CurrentCaller, Public, type Caller } from './caller.js';

@ApiTags('accounts')
@Controller('api/v1')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('auth/register')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiCreatedResponse({ type: AuthResponseDto, description: 'The organisation and its owner' })
  @ApiConflictResponse({ description: 'The email is already registered' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return this.accounts.register(dto);
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts: rate limited' })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.accounts.login(dto.email, dto.password);
  }

  @Post('auth/accept-invitation')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: AuthResponseDto, description: 'The invited member sets a password and is logged in' })
  acceptInvitation(@Body() dto: AcceptInvitationDto): Promise<AuthResponseDto> {
    return this.accounts.acceptInvitation(dto.token, dto.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.accounts.me(caller);
  }
}
