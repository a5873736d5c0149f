import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { sealedText } from '../../lib/field-crypto';
import type { StaffRole } from '@zjh/shared';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/** A woman's or parent's account: WeChat (openid) or an anonymous browser device. */
@Entity('app_users')
export class AppUserEntity {
  @IdColumn() id!: string;
  @StringColumn(10) kind!: 'wechat' | 'device';
  /** sha256 of the WeChat openid: enough to find her again, useless to anyone who reads the table. */
  @Index('uq_app_users_openid_hash', { unique: true })
  @StringColumn(64, { nullable: true })
  openidHash!: string | null;
  /** The openid itself, sealed: needed to address subscribe messages to her. */
  @Column({ type: 'text', nullable: true, transformer: sealedText }) openid!: string | null;
  @InstantColumn() createdAt!: Date;
}

@Entity('staff')
export class StaffEntity {
  @IdColumn() id!: string;
  @Index('uq_staff_username', { unique: true })
  @StringColumn(64)
  username!: string;
  @StringColumn(255) passwordHash!: string;
  @StringColumn(64) displayName!: string;
  @StringColumn(20) role!: StaffRole;
  @RefColumn({ nullable: true }) centerId!: string | null;
  @BoolColumn({ default: true }) active!: boolean;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/** A bearer session. Only the token's sha256 is stored. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) tokenHash!: string;
  @StringColumn(10) subjectType!: 'user' | 'staff';
  @Index('ix_sessions_subject')
  @RefColumn()
  subjectId!: string;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() expiresAt!: Date;
}

/** Failed sign-ins per user name, kept in the database so every server process sees the lockout. */
@Entity('login_failures')
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 }) subject!: string;
  @IntColumn({ default: 0 }) failures!: number;
  @InstantColumn() windowStart!: Date;
  @InstantColumn({ nullable: true }) lockedUntil!: Date | null;
}
