import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { uuidPipe } from '../common/uuid.pipe.js';
import { ChangeRoleDto, InvitationDto, InviteMemberDto, UserDto } from './accounts.dto.js';
import { AccountsService } from './accounts.service.js';
import { CurrentCaller, RequireRole, type Caller } from './caller.js';

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
  @ApiCreatedResponse({ type: InvitationDto, description: 'The member is created as invited; give them the token' })
  @ApiForbiddenResponse({ description: 'Only owners manage members' })
  invite(@CurrentCaller() caller: Caller, @Body() dto: InviteMemberDto): Promise<InvitationDto> {
    return this.accounts.invite(caller, dto.email, dto.role);
  }

  @Patch(':memberId')
  @RequireRole('owner')
  @ApiOkResponse({ type: UserDto })
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
  @ApiNoContentResponse()
  remove(@CurrentCaller() caller: Caller, @Param('memberId', uuidPipe('memberId')) memberId: string): Promise<void> {
    return this.accounts.removeMember(caller, memberId);
  }
}
