import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Center, RequestCategory } from '@zjh/shared';
import type { FileStorage } from '../../adapters/file-storage';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PersonalDataHandler } from '../privacy/privacy.service';
import type { StatsPeriod } from '../stats/stats.types';
import { EvidenceService } from './evidence.service';
import { PetitionService } from './petition.service';
import { ProtectionOrdersService } from './protection-orders.service';
import { StaffProtectionOrdersService } from './staff-protection-orders.service';
import { protectionOrderStats } from './protection-orders.stats';

export interface ProtectionOrderDeps {
  ds: DataSource;
  centers: CentersService;
  /** The help-request rule for choosing a center (nearest / district / city station). */
  assignCenter: (input: { category: RequestCategory; district?: string }) => Promise<Center>;
  notifications: NotificationsService;
  audit: AuditService;
  storage: FileStorage;
  logger: Logger;
  now: () => Date;
}

/** Builds the protection-order domain; app.ts keeps it under `services.protectionOrders`. */
export function createProtectionOrderServices(d: ProtectionOrderDeps) {
  const evidence = new EvidenceService(d.ds, d.storage, d.audit, d.logger, d.now);
  const orders = new ProtectionOrdersService(d.ds, d.centers, d.assignCenter, evidence, d.now);
  const privacy: PersonalDataHandler = {
    name: 'protectionOrders',
    export: (u) => orders.exportMine(u),
    erase: (em, userId) => orders.eraseUser(em, userId),
  };
  return {
    orders,
    staff: new StaffProtectionOrdersService(d.ds, d.centers, d.audit, d.notifications, evidence, d.now),
    evidence,
    petition: new PetitionService(d.ds, d.audit, d.now),
    privacy,
    stats: (period: StatsPeriod) => protectionOrderStats(d.ds, period),
  };
}
export type ProtectionOrderServices = ReturnType<typeof createProtectionOrderServices>;
