import { LessThan, type DataSource } from 'typeorm';
import type { CreateStaffInput, StaffAuthResult, StaffMember, StaffSummary, UserAuthResult } from '@zjh/shared';
import type { Config } from '../../lib/config';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { newId, newToken, sha256 } from '../../lib/ids';
import type { Principal, StaffPrincipal } from '../../lib/access';
import type { WechatAdapter } from '../../adapters/wechat';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import { AppUserEntity, LoginFailureEntity, SessionEntity, StaffEntity } from './auth.entity';
import { decoyHash, generatePassword, hashPassword, verifyPassword } from './password';

type Clock = () => Date;

export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'staffSessionMs' | 'userSessionMs' | 'loginMaxFailures' | 'loginLockMs'>,
    private readonly wechat: WechatAdapter,
    private readonly audit: AuditService,
    private readonly centers: CentersService,
    private readonly now: Clock = () => new Date(),
  ) {}

  /** WeChat login: the same openid always finds the same account. */
  async loginWechat(code: string): Promise<UserAuthResult> {
    const { openid } = await this.wechat.code2Session(code);
    const openidHash = sha256('wechat-openid:' + openid);
    const users = this.ds.getRepository(AppUserEntity);
    let user = await users.findOneBy({ openidHash });
    if (!user) {
      try {
        user = await users.save({ id: newId(), kind: 'wechat', openidHash, openid, createdAt: this.now() });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        user = await users.findOneByOrFail({ openidHash }); // a parallel first login won the insert
      }
    }
    return this.userSession(user.id);
  }

  /** An anonymous account bound to one browser: the token is the only key to it. */
  async loginDevice(): Promise<UserAuthResult> {
    const user = await this.ds.getRepository(AppUserEntity).save({ id: newId(), kind: 'device', openidHash: null, openid: null, createdAt: this.now() });
    return this.userSession(user.id);
  }

  async loginStaff(username: string, password: string): Promise<StaffAuthResult> {
    const key = username.trim().toLowerCase();
    await this.assertNotLocked(key);
    const staff = await this.ds.getRepository(StaffEntity).findOneBy({ username: key });
    const ok = staff && staff.active ? await verifyPassword(password, staff.passwordHash) : (await verifyPassword(password, await decoyHash()), false);
    if (!ok || !staff) {
      // The failure that reaches the limit is still a plain 401; the next attempt meets the lock (429).
      await this.recordFailure(key);
      throw new AppError(401, 'INVALID_CREDENTIALS');
    }
    await this.ds.getRepository(LoginFailureEntity).delete({ subject: key });
    const { token, expiresAt } = await this.createSession('staff', staff.id, this.config.staffSessionMs);
    await this.audit.record({ kind: 'staff', staffId: staff.id, role: staff.role, centerId: staff.centerId, displayName: staff.displayName }, { action: 'staff.login', entityType: 'staff', entityId: staff.id, centerId: staff.centerId });
    return { token, expiresAt: expiresAt.toISOString(), staff: toStaffSummary(staff) };
  }

  /** Resolves a bearer token to the caller, or undefined when it is unknown or expired. */
  async authenticate(token: string): Promise<Principal | undefined> {
    if (!token || token.length > 200) return undefined;
    const session = await this.ds.getRepository(SessionEntity).findOneBy({ tokenHash: sha256(token) });
    if (!session || session.expiresAt.getTime() <= this.now().getTime()) return undefined;
    if (session.subjectType === 'user') return { kind: 'user', userId: session.subjectId };
    const staff = await this.ds.getRepository(StaffEntity).findOneBy({ id: session.subjectId });
    if (!staff || !staff.active) return undefined;
    return { kind: 'staff', staffId: staff.id, role: staff.role, centerId: staff.centerId, displayName: staff.displayName };
  }

  async logout(token: string): Promise<void> {
    await this.ds.getRepository(SessionEntity).delete({ tokenHash: sha256(token) });
  }

  async staffProfile(p: StaffPrincipal): Promise<StaffSummary> {
    return toStaffSummary(await this.ds.getRepository(StaffEntity).findOneByOrFail({ id: p.staffId }));
  }

  /** Active colleagues: the admin sees every center (or one), everyone else their own center. */
  async members(actor: StaffPrincipal, q: { centerId?: string; role?: StaffSummary['role'] }): Promise<StaffMember[]> {
    const centerId = actor.role === 'admin' ? q.centerId : (actor.centerId ?? '-');
    const rows = await this.ds.getRepository(StaffEntity).find({
      where: { active: true, ...(centerId ? { centerId } : {}), ...(q.role ? { role: q.role } : {}) },
      order: { displayName: 'ASC' },
    });
    return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.displayName, role: r.role, centerId: r.centerId }));
  }

  async createStaff(actor: StaffPrincipal, input: CreateStaffInput): Promise<{ id: string }> {
    const centerId = input.role === 'admin' ? (input.centerId ?? null) : input.centerId!;
    if (centerId && !(await this.centers.exists(centerId))) throw AppError.field('centerId', '所属中心不存在');
    const now = this.now();
    const id = newId();
    try {
      await this.ds.getRepository(StaffEntity).insert({
        id,
        username: input.username.toLowerCase(),
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName,
        role: input.role,
        centerId,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError(409, 'USERNAME_TAKEN', undefined, [{ path: 'username', message: '该用户名已被使用' }]);
      throw err;
    }
    await this.audit.record(actor, { action: 'staff.create', entityType: 'staff', entityId: id, centerId, detail: { role: input.role } });
    return { id };
  }

  /** The admin sets a staff member's password (seeded providers start without one); her sessions end. */
  async setPassword(actor: StaffPrincipal, staffId: string, password: string): Promise<void> {
    const repo = this.ds.getRepository(StaffEntity);
    const staff = await repo.findOneBy({ id: staffId });
    if (!staff) throw AppError.notFound('找不到该工作人员');
    await repo.update({ id: staffId }, { passwordHash: await hashPassword(password), updatedAt: this.now() });
    await this.ds.getRepository(SessionEntity).delete({ subjectType: 'staff', subjectId: staffId });
    await this.ds.getRepository(LoginFailureEntity).delete({ subject: staff.username });
    await this.audit.record(actor, { action: 'staff.password.set', entityType: 'staff', entityId: staffId, centerId: staff.centerId });
  }

  /**
   * On an empty staff table: creates the city admin `admin`, with ADMIN_PASSWORD or a generated
   * password that is returned so the caller can print it once.
   */
  async ensureAdmin(adminPassword?: string): Promise<{ created: boolean; generatedPassword?: string }> {
    const repo = this.ds.getRepository(StaffEntity);
    if ((await repo.countBy({ role: 'admin' })) > 0) return { created: false };
    const password = adminPassword ?? generatePassword();
    const now = this.now();
    await repo.insert({ id: newId(), username: 'admin', passwordHash: await hashPassword(password), displayName: '市妇联管理员', role: 'admin', centerId: null, active: true, createdAt: now, updatedAt: now });
    return { created: true, generatedPassword: adminPassword ? undefined : password };
  }

  /** Drops sessions that have expired; called by the housekeeping timer. */
  async purgeExpiredSessions(): Promise<number> {
    const res = await this.ds.getRepository(SessionEntity).delete({ expiresAt: LessThan(this.now()) });
    return res.affected ?? 0;
  }

  private async userSession(userId: string): Promise<UserAuthResult> {
    const { token, expiresAt } = await this.createSession('user', userId, this.config.userSessionMs);
    return { token, expiresAt: expiresAt.toISOString(), user: { id: userId } };
  }

  private async createSession(subjectType: 'user' | 'staff', subjectId: string, ttlMs: number) {
    const token = newToken();
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + ttlMs);
    await this.ds.getRepository(SessionEntity).insert({ tokenHash: sha256(token), subjectType, subjectId, createdAt, expiresAt });
    return { token, expiresAt };
  }

  private async assertNotLocked(key: string) {
    const row = await this.ds.getRepository(LoginFailureEntity).findOneBy({ subject: key });
    if (row?.lockedUntil && row.lockedUntil.getTime() > this.now().getTime()) {
      throw new AppError(429, 'TOO_MANY_ATTEMPTS', '密码错误次数过多，账号已暂时锁定，请稍后再试', { retryAfterSeconds: Math.ceil((row.lockedUntil.getTime() - this.now().getTime()) / 1000) });
    }
  }

  /**
   * Counts a failure with single-statement updates so concurrent attempts on several server
   * processes cannot lose a count. Returns true when this failure locks the account.
   */
  private async recordFailure(key: string): Promise<boolean> {
    const now = this.now();
    const windowFloor = new Date(now.getTime() - this.config.loginLockMs);
    const qb = () => this.ds.createQueryBuilder();
    await qb().insert().into(LoginFailureEntity).values({ subject: key, failures: 0, windowStart: now, lockedUntil: null }).orIgnore().execute();
    await qb()
      .update(LoginFailureEntity)
      .set({ failures: 0, windowStart: now, lockedUntil: null })
      .where('subject = :key AND windowStart < :floor', { key, floor: windowFloor })
      .execute();
    await qb().update(LoginFailureEntity).set({ failures: () => 'failures + 1' }).where('subject = :key', { key }).execute();
    const row = await this.ds.getRepository(LoginFailureEntity).findOneByOrFail({ subject: key });
    if (row.failures >= this.config.loginMaxFailures) {
      await qb().update(LoginFailureEntity).set({ lockedUntil: new Date(now.getTime() + this.config.loginLockMs) }).where('subject = :key', { key }).execute();
      return true;
    }
    return false;
  }
}

export function toStaffSummary(s: StaffEntity): StaffSummary {
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role, centerId: s.centerId };
}
