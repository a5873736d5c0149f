import { CenterEntity } from '../../modules/centers/center.entity';
import { AppUserEntity, LoginFailureEntity, SessionEntity, StaffEntity } from '../../modules/auth/auth.entity';
import { AuditEntryEntity } from '../../modules/audit/audit.entity';

/** Every entity the app maps; each domain adds its own here. */
export const ENTITIES = [CenterEntity, AppUserEntity, StaffEntity, SessionEntity, LoginFailureEntity, AuditEntryEntity];
