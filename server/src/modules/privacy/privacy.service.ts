import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../lib/db/transaction';
import type { UserPrincipal } from '../../lib/access';
import { AppUserEntity, SessionEntity } from '../auth/auth.entity';
import { OutboxEntity } from '../notifications/outbox.entity';

/** A domain's part in "see my data" and "delete my data". */
export interface PersonalDataHandler {
  name: string;
  /** Everything the domain holds about her, as she would read it. */
  export(user: UserPrincipal): Promise<unknown>;
  /** Removes or unlinks it (inside the shared transaction). */
  erase(em: EntityManager, userId: string): Promise<unknown>;
}

/** PIPL rights to access and deletion: every domain registers what it keeps about her. */
export class PrivacyService {
  private readonly handlers: PersonalDataHandler[] = [];
  constructor(private readonly ds: DataSource) {}

  register(handler: PersonalDataHandler) {
    this.handlers.push(handler);
  }

  async export(user: UserPrincipal) {
    const account = await this.ds.getRepository(AppUserEntity).findOneBy({ id: user.userId });
    const data: Record<string, unknown> = { account: account ? { id: account.id, kind: account.kind, createdAt: account.createdAt.toISOString() } : null };
    for (const h of this.handlers) data[h.name] = await h.export(user);
    return data;
  }

  /** Deletes her account and sessions; each domain unlinks or removes what it held. */
  async erase(user: UserPrincipal): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      for (const h of this.handlers) await h.erase(em, user.userId);
      await em.getRepository(OutboxEntity).update({ userId: user.userId, state: 'pending' }, { state: 'cancelled' });
      await em.getRepository(SessionEntity).delete({ subjectType: 'user', subjectId: user.userId });
      await em.getRepository(AppUserEntity).delete({ id: user.userId });
    });
  }
}
