import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { tenantScope } from '../common/tenant-scope.js';
import type { AuthConfig } from '../config/app.config.js';
import type {
  AuthResponseDto,
  InvitationDto,
  LoginResponseDto,
  MeDto,
  MemberEventDto,
  RegisterDto,
  ResetLinkDto,
  UserDto,
} from './accounts.dto.js';
import { toMemberEventDto, toOrganisationDto, toUserDto } from './accounts.dto.js';
import type { TokenClaims } from './auth.guard.js';
import type { Caller } from './caller.js';
import { MemberEvent, type MemberAction } from './member-event.entity.js';
import { Organisation } from './organisation.entity.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { User, type Role } from './user.entity.js';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;
/** A reset link is handed over by a colleague, the same day: it lives a day. */
const RESET_TTL_MS = 24 * 3600 * 1000;
const BAD_CREDENTIALS = 'Wrong email or password';
const BAD_INVITATION = 'This invitation is unknown or has expired: ask the owner for a new one';
const BAD_RESET_LINK = 'This reset link is unknown, already used or expired: ask an owner of your organisation for a new one';

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
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    const passwordHash = await hashPassword(dto.password);
    const { user, organisation } = await this.ds
      .transaction(async (m) => {
        if (await m.getRepository(User).exists({ where: { email: dto.email } })) throw this.emailTaken(dto.email);
        const organisation = await m.getRepository(Organisation).save(
          m.getRepository(Organisation).create({
            name: dto.organisationName,
            sector: dto.sector ?? null,
            country: dto.country ?? null,
            language: dto.language ?? 'fr',
            kind: dto.kind ?? null,
            // The kind of public body only says something about a public body.
            publicBodyType: dto.kind === 'public_body' ? (dto.publicBodyType ?? null) : null,
            staffCount: dto.staff ?? null,
            inhabitants: dto.kind === 'public_body' ? (dto.inhabitants ?? null) : null,
            buildsServices: dto.buildsServices ?? null,
            hosting: dto.hosting ?? null,
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
    const ok = await verifyPassword(hash, password);
    if (!user || !user.passwordHash || !ok) throw new DomainError(ErrorCode.InvalidCredentials, BAD_CREDENTIALS);
    return { accessToken: await this.sign(user), expiresIn: this.auth.tokenTtlSeconds };
  }

  /** Ends the caller's current session: its token is refused from now on (other sessions go on). */
  async logout(caller: Caller): Promise<void> {
    if (!caller.session) return;
    // Revoked tokens are kept until they would have expired anyway; older ones are dropped here.
    await this.ds.query(`DELETE FROM revoked_tokens WHERE expires_at < now()`);
    await this.ds.query(`INSERT INTO revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`, [
      caller.session.id,
      caller.session.expiresAt,
    ]);
  }

  /**
   * Changes the caller's password (the current one is required) and ends every session of theirs:
   * the token version goes up. The caller continues with the new token returned.
   */
  async changePassword(caller: Caller, currentPassword: string, newPassword: string): Promise<LoginResponseDto> {
    const user = await tenantScope(this.ds.manager, User, caller.organisationId, 'User').get({ id: caller.userId });
    const ok = user.passwordHash ? await verifyPassword(user.passwordHash, currentPassword) : false;
    if (!ok) {
      throw new DomainError(ErrorCode.InvalidInput, 'The current password is wrong', {}, [
        { field: 'currentPassword', rule: 'matchesCurrentPassword', message: 'currentPassword is not your current password' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    const updated = await this.ds.transaction(async (m) => {
      // Only if the password checked above is still the one stored: a change made meanwhile wins.
      const rows = await returning<{ id: string }>(
        m,
        `UPDATE users SET password_hash = $1, token_version = token_version + 1, reset_token_hash = NULL, reset_expires_at = NULL
          WHERE id = $2 AND organisation_id = $3 AND password_hash = $4 RETURNING id`,
        [passwordHash, user.id, caller.organisationId, user.passwordHash],
      );
      if (!rows.length) throw new DomainError(ErrorCode.Conflict, 'Your password was changed meanwhile: log in again with the new one');
      const fresh = await m.getRepository(User).findOneByOrFail({ id: user.id });
      await this.recordMemberEvent(m, fresh, 'password_changed', fresh);
      return fresh;
    });
    return { accessToken: await this.sign(updated), expiresIn: this.auth.tokenTtlSeconds };
  }

  /** Accepts an invitation once: of several concurrent acceptances, exactly one sets the password. */
  async acceptInvitation(token: string, password: string): Promise<AuthResponseDto> {
    const passwordHash = await hashPassword(password);
    return this.ds.transaction(async (m) => {
      const rows = await returning<{ id: string }>(
        m,
        `UPDATE users SET password_hash = $1, invitation_token_hash = NULL, invitation_expires_at = NULL
          WHERE invitation_token_hash = $2 AND invitation_expires_at > now() AND password_hash IS NULL RETURNING id`,
        [passwordHash, hashToken(token)],
      );
      if (!rows.length) throw new DomainError(ErrorCode.InvalidCredentials, BAD_INVITATION);
      const user = await m.getRepository(User).findOneByOrFail({ id: rows[0].id });
      await this.recordMemberEvent(m, user, 'joined', user);
      return this.authResponse(m, user);
    });
  }

  /**
   * Sets a new password from a reset link an owner issued: once, before it expires. Every earlier
   * session of that member ends; the member is logged in with the new password.
   */
  async resetPassword(token: string, password: string): Promise<AuthResponseDto> {
    const passwordHash = await hashPassword(password);
    return this.ds.transaction(async (m) => {
      const rows = await returning<{ id: string }>(
        m,
        `UPDATE users SET password_hash = $1, token_version = token_version + 1, reset_token_hash = NULL, reset_expires_at = NULL
          WHERE reset_token_hash = $2 AND reset_expires_at > now() AND password_hash IS NOT NULL RETURNING id`,
        [passwordHash, hashToken(token)],
      );
      if (!rows.length) throw new DomainError(ErrorCode.InvalidCredentials, BAD_RESET_LINK);
      const user = await m.getRepository(User).findOneByOrFail({ id: rows[0].id });
      await this.recordMemberEvent(m, user, 'password_reset', user);
      return this.authResponse(m, user);
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
        const actor = await this.lockForMemberChange(m, caller);
        if (await m.getRepository(User).exists({ where: { email } })) throw this.emailTaken(email);
        const member = await tenantScope(m, User, caller.organisationId, 'Member').insert({
          email,
          role,
          passwordHash: null,
          invitationTokenHash: hashToken(token),
          invitationExpiresAt: expiresAt,
        });
        await this.recordMemberEvent(m, actor, 'invited', member, { newRole: role });
        return member;
      });
      return { member: toUserDto(member), invitationToken: token, expiresAt: expiresAt.toISOString() };
    } catch (e) {
      throw isUniqueViolation(e) ? this.emailTaken(email) : e;
    }
  }

  async changeRole(caller: Caller, memberId: string, role: Role): Promise<UserDto> {
    return this.ds.transaction(async (m) => {
      const actor = await this.lockForMemberChange(m, caller);
      const members = tenantScope(m, User, caller.organisationId, 'Member');
      const member = await members.get({ id: memberId });
      if (member.role === 'owner' && role !== 'owner') await this.assertAnotherOwner(m, caller.organisationId, member.id);
      await members.update({ id: memberId }, { role });
      if (member.role !== role) await this.recordMemberEvent(m, actor, 'role_changed', member, { oldRole: member.role, newRole: role });
      return toUserDto({ ...member, role });
    });
  }

  /** Removes a member; their sessions end with them (every request reads the member's row). */
  async removeMember(caller: Caller, memberId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const actor = await this.lockForMemberChange(m, caller);
      const members = tenantScope(m, User, caller.organisationId, 'Member');
      const member = await members.get({ id: memberId });
      if (member.role === 'owner') await this.assertAnotherOwner(m, caller.organisationId, member.id);
      await members.delete({ id: memberId });
      await this.recordMemberEvent(m, actor, 'removed', member, { oldRole: member.role });
    });
  }

  /**
   * An owner issues a one-time password-reset link for an active member (the way to recover an
   * account without e-mail). Only the hash of the token is stored; the token is shown once. Issuing
   * a new link replaces the previous one. Sessions end when the link is used, not before.
   */
  async issueResetLink(caller: Caller, memberId: string): Promise<ResetLinkDto> {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + RESET_TTL_MS);
    const member = await this.ds.transaction(async (m) => {
      const actor = await this.lockForMemberChange(m, caller);
      const members = tenantScope(m, User, caller.organisationId, 'Member');
      const member = await members.get({ id: memberId });
      if (!member.passwordHash) {
        throw new DomainError(
          ErrorCode.Conflict,
          `${member.email} has not accepted their invitation yet: their invitation link sets their password`,
        );
      }
      await members.update({ id: memberId }, { resetTokenHash: hashToken(token), resetExpiresAt: expiresAt });
      await this.recordMemberEvent(m, actor, 'reset_link_issued', member);
      return member;
    });
    return { member: toUserDto(member), resetToken: token, expiresAt: expiresAt.toISOString() };
  }

  /** The organisation's member trail, newest first. */
  async memberEvents(caller: Caller, limit: number): Promise<MemberEventDto[]> {
    const events = await tenantScope(this.ds.manager, MemberEvent, caller.organisationId, 'Event').find(
      {},
      { order: { at: 'DESC' }, take: limit },
    );
    return events.map(toMemberEventDto);
  }

  /**
   * Member changes of one organisation run one at a time: the organisation's row is locked first
   * (so two owners demoting or removing each other through two instances cannot both see the other
   * as the remaining owner), then the caller is read again under that lock: an owner demoted or
   * removed a moment ago no longer acts as one.
   */
  private async lockForMemberChange(m: EntityManager, caller: Caller): Promise<User> {
    await m.query(`SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE`, [caller.organisationId]);
    const actor = await tenantScope(m, User, caller.organisationId, 'Member').findOne({ id: caller.userId });
    if (!actor?.passwordHash || actor.role !== 'owner') {
      throw new DomainError(ErrorCode.Forbidden, `This needs the owner role; you are ${actor?.role ?? 'no longer a member'}`);
    }
    return actor;
  }

  private async assertAnotherOwner(m: EntityManager, organisationId: string, exceptId: string): Promise<void> {
    const owners = await tenantScope(m, User, organisationId, 'Member').find({ role: 'owner' });
    if (!owners.some((o) => o.id !== exceptId && o.passwordHash)) {
      throw new DomainError(ErrorCode.LastOwner, 'An organisation keeps at least one active owner: make someone else owner first');
    }
  }

  private async recordMemberEvent(
    m: EntityManager,
    actor: User,
    action: MemberAction,
    member: User,
    roles: { oldRole?: Role; newRole?: Role } = {},
  ): Promise<void> {
    await tenantScope(m, MemberEvent, member.organisationId, 'Event').insert({
      action,
      actorId: actor.id,
      actorEmail: actor.email,
      memberId: member.id,
      memberEmail: member.email,
      oldRole: roles.oldRole ?? null,
      newRole: roles.newRole ?? null,
      at: new Date(),
    });
  }

  private async authResponse(m: EntityManager, user: User): Promise<AuthResponseDto> {
    const organisation = await m.getRepository(Organisation).findOneOrFail({ where: { id: user.organisationId } });
    return { accessToken: await this.sign(user), user: toUserDto(user), organisation: toOrganisationDto(organisation) };
  }

  /** A token names its user, organisation and token version, and has its own id (to end this one session). */
  private sign(user: User): Promise<string> {
    const claims: TokenClaims = { sub: user.id, org: user.organisationId, ver: user.tokenVersion };
    return this.jwt.signAsync(claims, { expiresIn: this.auth.tokenTtlSeconds, jwtid: randomUUID() });
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

/** Runs a statement with RETURNING in the transaction and gives back the returned rows, on both databases. */
async function returning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (!m.queryRunner) throw new Error('returning() must run inside a transaction');
  const result = await m.queryRunner.query(sql, params, true);
  return (result.records ?? []) as T[];
}
