import type { DataSource } from 'typeorm';
import type { PoEvidenceKind } from '@zjh/shared';
import type { Principal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import { ProtectionOrderFileEntity } from './protection-order.entity';
import { PO_ENTITY, findVisible } from './protection-orders.store';
import { buildPetition } from './petition.docx';

/** The 申请书 for her (any time, a draft prints with blanks) and for staff of the handling center. */
export class PetitionService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly now: () => Date,
  ) {}

  async build(p: Principal, id: string): Promise<Buffer> {
    const r = await findVisible(this.ds, p, id);
    const files = await this.ds.getRepository(ProtectionOrderFileEntity).find({ where: { applicationId: r.id }, select: { id: true, kind: true } });
    const attachments: Partial<Record<PoEvidenceKind, number>> = {};
    for (const f of files) attachments[f.kind] = (attachments[f.kind] ?? 0) + 1;
    if (p.kind === 'staff') {
      await this.audit.record(p, { action: 'protection_order.petition.download', entityType: PO_ENTITY, entityId: r.id, centerId: r.centerId }, this.now());
    }
    return buildPetition({ answers: r.answers, attachments, date: r.submittedAt ?? this.now() });
  }
}
