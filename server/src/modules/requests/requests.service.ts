import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  acceptanceDeadline,
  DEFAULT_CENTER_CODE,
  SERVICE_FOR_CATEGORY,
  type CenterService,
  type Channel,
  type CreateRequestInput,
  type CreatedRequest,
  type MyRequest,
  type RatingInput,
  type RequestCategory,
  type SafeContact,
} from '@zjh/shared';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { blindIndex, normalizePhone } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { assertOwner, type Principal, type UserPrincipal } from '../../lib/access';
import type { CentersService } from '../centers/centers.service';
import { timeline } from '../timeline/timeline.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { HelpRequestEntity } from './request.entity';
import { toMyRequest } from './requests.mapper';
import { OPEN_STATUSES } from './request.workflow';

export const ENTITY = 'help_request';

export interface NewRequestData {
  userId: string | null;
  channel: Channel;
  category: RequestCategory;
  description: string;
  persons?: CreateRequestInput['persons'];
  contact?: SafeContact;
  district?: string | null;
  location?: { lat: number; lng: number } | null;
  priority?: Array<'urgent' | 'serious' | 'difficult'>;
  notify?: boolean;
  centerId: string;
  registeredBy?: string | null;
}

/** Her side of help requests: ask, follow, reply, rate, erase. */
export class RequestsService {
  constructor(
    readonly ds: DataSource,
    private readonly centers: CentersService,
    readonly notifications: NotificationsService,
    readonly now: () => Date,
  ) {}

  /** Chooses the center: nearest offering the service, else her district's, else the city station. */
  async assignCenter(input: { category: RequestCategory; location?: { lat: number; lng: number }; district?: string }) {
    const service = SERVICE_FOR_CATEGORY[input.category];
    if (input.location) return (await this.centers.nearest(input.location, service)).center;
    if (input.district) {
      return (await this.centers.forDistrict(input.district, service).catch(() => this.centers.forDistrict(input.district!)));
    }
    const all = await this.centers.list();
    return all.find((c) => c.code === DEFAULT_CENTER_CODE) ?? all[0];
  }

  async create(user: UserPrincipal, input: CreateRequestInput): Promise<CreatedRequest> {
    const center = await this.assignCenter(input);
    const request = await this.insert(
      {
        userId: user.userId,
        channel: 'mini_program',
        category: input.category,
        description: input.description,
        persons: input.persons,
        contact: input.contact,
        district: input.district ?? null,
        location: input.location ?? null,
        notify: input.notify ?? false,
        centerId: center.id,
      },
      user,
    );
    return { id: request.id, ref: request.ref, status: 'new', center: { id: center.id, name: center.name, phone: center.phone } };
  }

  /**
   * Inserts a request with the next reference number of the year. The number is taken by the
   * unique (year, seq) index: a concurrent insert that loses simply takes the next one.
   */
  async insert(data: NewRequestData, actor: Principal): Promise<HelpRequestEntity> {
    const now = this.now();
    const year = Number(new Date(now.getTime() + 8 * 3600_000).getUTCFullYear());
    const persons = data.persons;
    const flags = new Set(data.priority ?? []);
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        return await inTransaction(this.ds, async (em) => {
          const last = await em
            .getRepository(HelpRequestEntity)
            .createQueryBuilder('r')
            .select('MAX(r.seq)', 'max')
            .where('r.year = :year', { year })
            .getRawOne<{ max: number | string | null }>();
          const seq = Number(last?.max ?? 0) + 1 + attempt;
          const entity: HelpRequestEntity = {
            id: newId(),
            ref: `ZJ-${year}-${String(seq).padStart(6, '0')}`,
            year,
            seq,
            userId: data.userId,
            centerId: data.centerId,
            category: data.category,
            channel: data.channel,
            status: 'new',
            urgent: flags.has('urgent'),
            serious: flags.has('serious'),
            difficult: flags.has('difficult'),
            description: data.description,
            personsCount: persons === undefined ? 1 : typeof persons === 'number' ? persons : persons.length,
            personsDetail: Array.isArray(persons) ? persons : null,
            district: data.district ?? null,
            location: data.location ?? null,
            contact: data.contact ?? null,
            phoneIndex: data.contact ? blindIndex(normalizePhone(data.contact.phone)) : null,
            notify: data.notify ?? false,
            assigneeId: null,
            consentAt: now,
            registeredBy: data.registeredBy ?? null,
            acceptDueAt: acceptanceDeadline(now, flags.has('urgent')),
            acceptedAt: null,
            resolvedAt: null,
            closedAt: null,
            ratingScore: null,
            ratingComment: null,
            createdAt: now,
            updatedAt: now,
          };
          await em.getRepository(HelpRequestEntity).insert(entity);
          await timeline.append(em, actor, { entityType: ENTITY, entityId: entity.id, type: 'created', to: 'new', note: data.channel, visibility: 'client' }, now);
          return entity;
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
  }

  async listMine(user: UserPrincipal): Promise<MyRequest[]> {
    const rows = await this.ds.getRepository(HelpRequestEntity).find({ where: { userId: user.userId }, order: { createdAt: 'DESC' } });
    return Promise.all(rows.map((r) => this.toMine(r)));
  }

  /** Everything kept about her requests, for "see my data": her view plus the contact and place she gave. */
  async exportMine(user: UserPrincipal) {
    const rows = await this.ds.getRepository(HelpRequestEntity).find({ where: { userId: user.userId }, order: { createdAt: 'DESC' } });
    return Promise.all(
      rows.map(async (r) => ({ ...(await this.toMine(r)), contact: r.contact, district: r.district, location: r.location, persons: r.personsCount, personsDetail: r.personsDetail })),
    );
  }

  async getMine(user: UserPrincipal, id: string): Promise<MyRequest> {
    return this.toMine(await this.loadOwned(user, id));
  }

  async messageFromClient(user: UserPrincipal, id: string, body: string): Promise<MyRequest> {
    const r = await this.loadOwned(user, id);
    if (r.status === 'closed') throw AppError.conflict('REQUEST_CLOSED', '该求助已结案，如需帮助请重新提交或拨打 12338');
    await inTransaction(this.ds, async (em) => {
      await timeline.append(em, user, { entityType: ENTITY, entityId: r.id, type: 'message_from_client', note: body, visibility: 'client' }, this.now());
      await em.getRepository(HelpRequestEntity).update({ id: r.id }, { updatedAt: this.now() });
    });
    return this.getMine(user, id);
  }

  async rate(user: UserPrincipal, id: string, input: RatingInput): Promise<MyRequest> {
    const r = await this.loadOwned(user, id);
    if (r.status !== 'resolved' && r.status !== 'closed') throw AppError.conflict('NOT_RESOLVED', '求助解决后才能评价');
    await inTransaction(this.ds, async (em) => {
      // Conditional update: a second rating (even a concurrent one) changes nothing.
      const res = await em
        .createQueryBuilder()
        .update(HelpRequestEntity)
        .set({ ratingScore: input.score, ratingComment: input.comment ?? null, updatedAt: this.now() })
        .where('id = :id AND ratingScore IS NULL', { id: r.id })
        .execute();
      if (res.affected !== 1) throw AppError.conflict('ALREADY_RATED', '已经评价过了');
      await timeline.append(em, user, { entityType: ENTITY, entityId: r.id, type: 'rated', to: String(input.score), visibility: 'client' }, this.now());
    });
    return this.getMine(user, id);
  }

  /**
   * "Delete my data": her requests stay for the center's records but lose every link to her: no
   * account, no contact details, no location.
   */
  async eraseUser(em: EntityManager, userId: string): Promise<number> {
    const res = await em.getRepository(HelpRequestEntity).update({ userId }, { userId: null, contact: null, phoneIndex: null, location: null, notify: false });
    return res.affected ?? 0;
  }

  /** Open requests per center (ties in nearest-center assignment go to the less busy one). */
  async openCounts(centerIds: string[]): Promise<Map<string, number>> {
    if (centerIds.length === 0) return new Map();
    const rows = await this.ds
      .getRepository(HelpRequestEntity)
      .createQueryBuilder('r')
      .select('r.centerId', 'centerId')
      .addSelect('COUNT(*)', 'n')
      .where({ centerId: In(centerIds), status: In(OPEN_STATUSES) })
      .groupBy('r.centerId')
      .getRawMany<{ centerId: string; n: string | number }>();
    return new Map(rows.map((x) => [x.centerId, Number(x.n)]));
  }

  private async loadOwned(user: UserPrincipal, id: string): Promise<HelpRequestEntity> {
    const r = await this.ds.getRepository(HelpRequestEntity).findOneBy({ id });
    if (!r) throw AppError.notFound('找不到该求助');
    assertOwner(user, r.userId);
    return r;
  }

  private async toMine(r: HelpRequestEntity): Promise<MyRequest> {
    const center = await this.centers.get(r.centerId, { includeInactive: true });
    const events = await timeline.list(this.ds.manager, ENTITY, r.id, { clientOnly: true });
    return toMyRequest(r, center, events);
  }
}
