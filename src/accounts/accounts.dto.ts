import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { MEMBER_ACTIONS, type MemberAction, type MemberEvent } from './member-event.entity.js';
import {
  HOSTING,
  ORGANISATION_KINDS,
  PUBLIC_BODY_TYPES,
  type Hosting,
  type Organisation,
  type OrganisationKind,
  type PublicBodyType,
} from './organisation.entity.js';
import { INVISIBLE_CHARACTERS } from '../common/input-limits.js';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';
import { ROLES, type Role, type User } from './user.entity.js';

const PASSWORD_RULES =
  `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not only spaces, not one character repeated, ` +
  'not one of the commonest passwords (refused as notCommon)';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Spaces around an e-mail are dropped; a BOM is not (String.trim would), so that it is refused below. */
const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').toLowerCase() : value;
/** An e-mail address must read as it is: no zero-width, direction-changing or BOM characters. */
const VISIBLE_TEXT = new RegExp(`^[^${INVISIBLE_CHARACTERS.source.slice(1, -1)}]*$`);
const visibleEmail = () =>
  Matches(VISIBLE_TEXT, { message: 'email must not contain invisible or direction-changing characters (zero-width, bidi, BOM)' });

/** "Only online software" excludes servers and cloud, as the questionnaire's option does. */
const SaasOnlyAlone = () =>
  ValidateBy({
    name: 'saasOnlyAlone',
    validator: {
      validate: (v: unknown) => !Array.isArray(v) || !v.includes('saas_only') || v.length === 1,
      defaultMessage: () => 'hosting: "saas_only" (only online software, no server, no cloud) cannot be combined with another choice',
    },
  });

/**
 * The organisation's profile (all optional): it fills the questionnaire's first section of every new
 * assessment, so that nothing is asked twice, and sets the words (employees, agents, staff and volunteers).
 */
export class OrganisationProfileFields {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, description: 'Sets the words of the questionnaire and what applies' })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind?: OrganisationKind;

  @ApiPropertyOptional({ enum: PUBLIC_BODY_TYPES, description: 'Public bodies: which kind (sets the REEN and AGEC questions)' })
  @IsOptional()
  @IsIn(PUBLIC_BODY_TYPES, { message: `publicBodyType must be one of ${PUBLIC_BODY_TYPES.join(', ')}` })
  publicBodyType?: PublicBodyType;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1_000_000,
    example: 120,
    description: 'Headcount: employees, agents, or staff and regular volunteers',
  })
  @IsOptional()
  @IsInt({ message: 'staff must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  staff?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100_000_000,
    example: 52000,
    description: 'Communes and intercommunal groupings: legal population',
  })
  @IsOptional()
  @IsInt({ message: 'inhabitants must be a whole number' })
  @Min(0)
  @Max(100_000_000)
  inhabitants?: number;

  @ApiPropertyOptional({ description: 'Builds or commissions digital services (website, app, internal tool)' })
  @IsOptional()
  @IsBoolean({ message: 'buildsServices must be true or false' })
  buildsServices?: boolean;

  @ApiPropertyOptional({
    enum: HOSTING,
    isArray: true,
    description: 'Where its servers and applications run; saas_only (only online software) alone',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(HOSTING.length)
  @ArrayUnique({ message: 'hosting must not list a choice twice' })
  @IsIn(HOSTING, { each: true, message: `each hosting choice must be one of ${HOSTING.join(', ')}` })
  @SaasOnlyAlone()
  hosting?: Hosting[];
}

export class RegisterDto extends OrganisationProfileFields {
  @ApiProperty({ example: 'dsi@example.org', maxLength: 254 })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @visibleEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    example: 'correct horse battery',
    description: PASSWORD_RULES,
  })
  @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: 'Mairie de Rennes', maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(1, 300, { message: 'organisationName must be 1 to 300 characters long' })
  organisationName: string;

  @ApiPropertyOptional({ example: 'Public sector', maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  sector?: string;

  @ApiPropertyOptional({ example: 'FR', description: 'ISO 3166 alpha-2 country code' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 alpha-2 code such as FR' })
  country?: string;

  @ApiPropertyOptional({ enum: ['fr', 'en'], default: 'fr', description: 'Default language of reports' })
  @IsOptional()
  @IsIn(['fr', 'en'])
  language?: 'fr' | 'en';
}

export class LoginDto {
  @ApiProperty({ example: 'dsi@example.org' })
  @Transform(lower)
  @IsString()
  @visibleEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The invitation token given to the owner when they invited this member' })
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: PASSWORD_RULES })
  @IsAcceptablePassword()
  password: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The reset token of the link an owner issued (POST /api/v1/organisation/members/{id}/reset-link)' })
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: PASSWORD_RULES })
  @IsAcceptablePassword()
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password used until now' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: PASSWORD_RULES })
  @IsAcceptablePassword()
  newPassword: string;
}

export class MemberEventsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: 'How many events, newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class InviteMemberDto {
  @ApiProperty({ example: 'achats@example.org' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @visibleEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ enum: ['fr', 'en'] }) language: string;
  @ApiProperty({ nullable: true, enum: ORGANISATION_KINDS, type: String }) kind: OrganisationKind | null;
  @ApiProperty({ nullable: true, enum: PUBLIC_BODY_TYPES, type: String }) publicBodyType: PublicBodyType | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Headcount' }) staff: number | null;
  @ApiProperty({ nullable: true, type: Number }) inhabitants: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) buildsServices: boolean | null;
  @ApiProperty({ nullable: true, enum: HOSTING, isArray: true }) hosting: Hosting[] | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: ['active', 'invited'] }) status: 'active' | 'invited';
  @ApiProperty() createdAt: string;
}

export class AuthResponseDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class InvitationDto {
  @ApiProperty({ type: UserDto }) member: UserDto;
  @ApiProperty({ description: 'Give it to the invitee: they set their password with POST /api/v1/auth/accept-invitation' })
  invitationToken: string;
  @ApiProperty() expiresAt: string;
}

export class ResetLinkDto {
  @ApiProperty({ type: UserDto }) member: UserDto;
  @ApiProperty({
    description:
      'Shown once: give it to the member by a channel you trust (link: /reset-password?token=...). ' +
      'They set a new password with POST /api/v1/auth/reset-password; it works once, and ends their sessions.',
  })
  resetToken: string;
  @ApiProperty() expiresAt: string;
}

export class MemberEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MEMBER_ACTIONS }) action: MemberAction;
  @ApiProperty({ description: 'Who did it (kept after they leave)' }) actorEmail: string;
  @ApiProperty({ description: 'Whom it concerns (kept after they leave)' }) memberEmail: string;
  @ApiProperty({ nullable: true, format: 'uuid', type: String, description: 'The member (who may since have been removed)' })
  memberId: string | null;
  @ApiProperty({ nullable: true, enum: ROLES, type: String }) oldRole: Role | null;
  @ApiProperty({ nullable: true, enum: ROLES, type: String }) newRole: Role | null;
  @ApiProperty() at: string;
}

export function toMemberEventDto(e: MemberEvent): MemberEventDto {
  return {
    id: e.id,
    action: e.action,
    actorEmail: e.actorEmail,
    memberEmail: e.memberEmail,
    memberId: e.memberId,
    oldRole: e.oldRole,
    newRole: e.newRole,
    at: e.at.toISOString(),
  };
}

export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    status: u.passwordHash ? 'active' : 'invited',
    createdAt: u.createdAt.toISOString(),
  };
}

export function toOrganisationDto(o: Organisation): OrganisationDto {
  return {
    id: o.id,
    name: o.name,
    sector: o.sector,
    country: o.country,
    language: o.language,
    kind: o.kind ?? null,
    publicBodyType: o.publicBodyType ?? null,
    staff: o.staffCount ?? null,
    inhabitants: o.inhabitants ?? null,
    buildsServices: o.buildsServices ?? null,
    hosting: o.hosting ?? null,
  };
}
