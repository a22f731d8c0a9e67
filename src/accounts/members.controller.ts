import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { uuidPipe } from '../common/uuid.pipe.js';
import { ChangeRoleDto, InvitationDto, InviteMemberDto, MemberEventDto, MemberEventsQuery, ResetLinkDto, UserDto } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';
import { CurrentCaller, RequireRole, type Caller } from './caller.js';
import { RateLimit } from './rate-limit.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/organisation/members')
export class MembersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: [UserDto] })
  list(@CurrentCaller() caller: Caller): Promise<UserDto[]> {
    return this.accounts.listMembers(caller);
  }

  @Post()
  @RequireRole('owner')
  @RateLimit('member-links')
  @ApiCreatedResponse({ type: InvitationDto, description: 'The member is created as invited; give them the token' })
  @ApiForbiddenResponse({ description: 'Only owners manage members' })
  @ApiTooManyRequestsResponse({ description: 'Too many invitations and reset links from this organisation this hour' })
  invite(@CurrentCaller() caller: Caller, @Body() dto: InviteMemberDto): Promise<InvitationDto> {
    return this.accounts.invite(caller, dto.email, dto.role);
  }

  @Get('events')
  @RequireRole('owner')
  @ApiOkResponse({
    type: [MemberEventDto],
    description: 'Member changes, newest first: invitations, arrivals, role changes, removals, reset links, password changes',
  })
  @ApiForbiddenResponse({ description: 'Only owners read the member trail' })
  events(@CurrentCaller() caller: Caller, @Query() query: MemberEventsQuery): Promise<MemberEventDto[]> {
    return this.accounts.memberEvents(caller, query.limit ?? 100);
  }

  @Patch(':memberId')
  @RequireRole('owner')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'The organisation would be left without an active owner' })
  changeRole(
    @CurrentCaller() caller: Caller,
    @Param('memberId', uuidPipe('memberId')) memberId: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserDto> {
    return this.accounts.changeRole(caller, memberId, dto.role);
  }

  @Delete(':memberId')
  @RequireRole('owner')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The member is removed, and their sessions end' })
  @ApiConflictResponse({ description: 'The organisation would be left without an active owner' })
  remove(@CurrentCaller() caller: Caller, @Param('memberId', uuidPipe('memberId')) memberId: string): Promise<void> {
    return this.accounts.removeMember(caller, memberId);
  }

  @Post(':memberId/reset-link')
  @RequireRole('owner')
  @RateLimit('member-links')
  @ApiCreatedResponse({ type: ResetLinkDto, description: 'A one-time password-reset link for the member, valid 24 hours, shown once' })
  @ApiConflictResponse({ description: 'The member has not accepted their invitation yet' })
  @ApiTooManyRequestsResponse({ description: 'Too many invitations and reset links from this organisation this hour' })
  resetLink(@CurrentCaller() caller: Caller, @Param('memberId', uuidPipe('memberId')) memberId: string): Promise<ResetLinkDto> {
    return this.accounts.issueResetLink(caller, memberId);
  }
}
