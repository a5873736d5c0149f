import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import { MediationCasesService } from './mediation.service';
import { MediationOutcomesService } from './mediation-outcomes.service';
import { MediationSessionsService } from './mediation-sessions.service';
import { MediationStats } from './mediation-stats';
import { MediationReader } from './mediation-store';
import { mediationPrivacy } from './mediation-privacy';

/** Builds the mediation domain's services; app.ts keeps them under `services.mediation`. */
export function createMediationServices(ds: DataSource, centers: CentersService, audit: AuditService, now: () => Date) {
  const reader = new MediationReader(ds, centers);
  return {
    cases: new MediationCasesService(ds, centers, audit, reader, now),
    sessions: new MediationSessionsService(ds, audit, reader, now),
    outcomes: new MediationOutcomesService(ds, centers, audit, reader, now),
    /** `stats.counts({from, to, centerId})`: the figures statistics and the yearly report use. */
    stats: new MediationStats(ds),
    privacy: mediationPrivacy(ds, centers),
  };
}
export type MediationServices = ReturnType<typeof createMediationServices>;
