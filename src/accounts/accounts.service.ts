import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { tenantScope } from '../common/tenant-scope.js';
import type { AuthConfig } from '../config/app.config.js';
import type { AuthResponseDto, InvitationDto, LoginResponseDto, MeDto, RegisterDto, UserDto } from './accounts.dto.js';
import { toOrganisationDto, toUserDto } from './accounts.dto.js';
import type { Caller } from './caller.js';
import type { TokenClaims } from './auth.guard.js';
import { Organisation } from './organisation.entity.js';
import { User, type Role } from './user.entity.js';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;
const BAD_CREDENTIALS = 'Wrong email or password';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AccountsService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash: Promise<string>;
  private readonly auth: AuthConfig;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.auth = config.getOrThrow<AuthConfig>('auth');
    this.dummyHash = argon2.hash(randomBytes(16).toString('hex'));
  }

  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    const passwordHash = await argon2.hash(dto.password);
    const { user, organisation } = await this.ds
      .transaction(async (m) => {
        if (await m.getRepository(User).exists({ where: { email: dto.email } })) throw this.emailTaken(dto.email);
        const organisation = await m.getRepository(Organisation).save(
          m.getRepository(Organisation).create({
            name: dto.organisationName,
            sector: dto.sector ?? null,
            country: dto.country ?? null,
            language: dto.language ?? 'fr',
          }),
        );
        const user = await tenantScope(m, User, organisation.id, 'User').insert({ email: dto.email, passwordHash, role: 'owner' });
        return { user, organisation };
      })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? this.emailTaken(dto.email) : e;
      });
    return { accessToken: await this.sign(user), user: toUserDto(user), organisation: toOrganisationDto(organisation) };
  }

  async login(email: string, password: string): Promise<LoginResponseDto> {
    const user = await this.ds.getRepository(User).findOne({ where: { email } });
    const hash = user?.passwordHash ?? (await this.dummyHash);
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!user || !user.passwordHash || !ok) throw new DomainError(ErrorCode.InvalidCredentials, BAD_CREDENTIALS);
    return { accessToken: await this.sign(user), expiresIn: this.auth.tokenTtlSeconds };
  }

  async acceptInvitation(token: string, password: string): Promise<AuthResponseDto> {
    const passwordHash = await argon2.hash(password);
    return this.ds.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { invitationTokenHash: hashToken(token) } });
      if (!user || !user.invitationExpiresAt || user.invitationExpiresAt.getTime() < Date.now()) {
        throw new DomainError(ErrorCode.InvalidCredentials, 'This invitation is unknown or has expired: ask the owner for a new one');
      }
      await m.getRepository(User).update({ id: user.id }, { passwordHash, invitationTokenHash: null, invitationExpiresAt: null });
      const organisation = await m.getRepository(Organisation).findOneOrFail({ where: { id: user.organisationId } });
      const active = { ...user, passwordHash };
      return { accessToken: await this.sign(active), user: toUserDto(active), organisation: toOrganisationDto(organisation) };
    });
  }

  async me(caller: Caller): Promise<MeDto> {
    const user = await tenantScope(this.ds.manager, User, caller.organisationId, 'User').get({ id: caller.userId });
    const organisation = await this.ds.getRepository(Organisation).findOneOrFail({ where: { id: caller.organisationId } });
    return { user: toUserDto(user), organisation: toOrganisationDto(organisation), role: user.role };
  }

  async organisation(caller: Caller): Promise<Organisation> {
    return this.ds.getRepository(Organisation).findOneOrFail({ where: { id: caller.organisationId } });
  }

  async listMembers(caller: Caller): Promise<UserDto[]> {
    const users = await tenantScope(this.ds.manager, User, caller.organisationId, 'Member').find({}, { order: { createdAt: 'ASC' } });
    return users.map(toUserDto);
  }

  async invite(caller: Caller, email: string, role: Role): Promise<InvitationDto> {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    try {
      const member = await this.ds.transaction(async (m) => {
        if (await m.getRepository(User).exists({ where: { email } })) throw this.emailTaken(email);
        return tenantScope(m, User, caller.organisationId, 'Member').insert({
          email,
          role,
          passwordHash: null,
          invitationTokenHash: hashToken(token),
          invitationExpiresAt: expiresAt,
        });
      });
      return { member: toUserDto(member), invitationToken: token, expiresAt: expiresAt.toISOString() };
    } catch (e) {
      throw isUniqueViolation(e) ? this.emailTaken(email) : e;
    }
  }

  async changeRole(caller: Caller, memberId: string, role: Role): Promise<UserDto> {
    return this.ds.transaction(async (m) => {
      const members = tenantScope(m, User, caller.organisationId, 'Member');
      const member = await members.get({ id: memberId });
      if (member.role === 'owner' && role !== 'owner') await this.assertAnotherOwner(m, caller.organisationId, member.id);
      await members.update({ id: memberId }, { role });
      return toUserDto({ ...member, role });
    });
  }

  async removeMember(caller: Caller, memberId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const members = tenantScope(m, User, caller.organisationId, 'Member');
      const member = await members.get({ id: memberId });
      if (member.role === 'owner') await this.assertAnotherOwner(m, caller.organisationId, member.id);
      await members.delete({ id: memberId });
    });
  }

  private async assertAnotherOwner(m: EntityManager, organisationId: string, exceptId: string): Promise<void> {
    const owners = await tenantScope(m, User, organisationId, 'Member').find({ role: 'owner' });
    if (!owners.some((o) => o.id !== exceptId && o.passwordHash)) {
      throw new DomainError(ErrorCode.LastOwner, 'An organisation keeps at least one active owner: make someone else owner first');
    }
  }

  private sign(user: User): Promise<string> {
    const claims: TokenClaims = { sub: user.id, org: user.organisationId };
    return this.jwt.signAsync(claims, { expiresIn: this.auth.tokenTtlSeconds });
  }

  private emailTaken(email: string): DomainError {
    return new DomainError(ErrorCode.EmailTaken, `An account already exists for ${email}`, {}, [
      { field: 'email', rule: 'unique', message: 'email is already registered' },
    ]);
  }
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.code === '23505' || err?.driverError?.code === '23505';
}
