import type { Context } from 'koa';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { PoEvidenceLimits, ZPoEvidenceKind, type PoEvidenceFileDto } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { openBuffer, sealBuffer } from '../../lib/field-crypto';
import { readSingleFileUpload } from '../../lib/multipart';
import type { Principal, UserPrincipal } from '../../lib/access';
import type { FileStorage } from '../../adapters/file-storage';
import type { AuditService } from '../audit/audit.service';
import { ProtectionOrderEntity, ProtectionOrderFileEntity } from './protection-order.entity';
import { EXTENSION_OF, sniffEvidenceType } from './file-types';
import { toFileDto } from './protection-orders.mapper';
import { PO_ENTITY, findVisible } from './protection-orders.store';

const MB = 1024 * 1024;

/** Evidence files: checked by content, limited in size, sealed, stored through the storage adapter. */
export class EvidenceService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  async list(applicationId: string): Promise<ProtectionOrderFileEntity[]> {
    return this.ds.getRepository(ProtectionOrderFileEntity).find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  /**
   * One file from a multipart/form-data body (`file`, plus `kind` of the checklist). The per-
   * application total is reserved with a conditional UPDATE before the file is stored, so parallel
   * uploads cannot pass the limit together. A refused file leaves the draft as it was.
   */
  async upload(user: UserPrincipal, id: string, ctx: Context): Promise<PoEvidenceFileDto> {
    const r = await findVisible(this.ds, user, id);
    assertEvidenceEditable(r);
    const { fields, file } = await readSingleFileUpload(ctx, {
      fileField: 'file',
      maxFileBytes: PoEvidenceLimits.fileBytes,
      tooLargeMessage: `单个文件不能超过 ${PoEvidenceLimits.fileBytes / MB} MB，请压缩后再上传`,
    });
    const kind = ZPoEvidenceKind.safeParse(fields.kind);
    if (!kind.success) throw AppError.field('kind', '请选择这是哪一类证据（报警回执、病历、聊天记录、证人、妇联求助记录）');
    if (!file || file.data.length === 0) throw AppError.field('file', '请选择要上传的文件');
    const mimeType = sniffEvidenceType(file.data);
    if (!mimeType) throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', '只能上传照片（JPEG、PNG、WebP、HEIC）或 PDF 文件，这个文件不是这几种格式');

    const size = file.data.length;
    await this.reserve(r.id, size);
    const key = newId();
    const row: ProtectionOrderFileEntity = {
      id: newId(),
      applicationId: r.id,
      kind: kind.data,
      mimeType,
      size,
      originalName: cleanName(file.name, mimeType),
      storageKey: key,
      uploadedBy: 'user',
      createdAt: this.now(),
    };
    try {
      await this.storage.put(key, sealBuffer(file.data));
      await inTransaction(this.ds, (em) => em.getRepository(ProtectionOrderFileEntity).insert(row));
    } catch (err) {
      await this.release(r.id, size);
      await this.storage.delete(key).catch(() => undefined);
      throw err;
    }
    return toFileDto(row);
  }

  /** The file's bytes for her, or for staff of the handling center (the read is audited). */
  async download(p: Principal, id: string, fileId: string): Promise<{ data: Buffer; mimeType: string; name: string; id: string }> {
    const r = await findVisible(this.ds, p, id);
    const f = await this.ds.getRepository(ProtectionOrderFileEntity).findOneBy({ id: fileId, applicationId: r.id });
    if (!f) throw AppError.notFound('找不到该文件');
    const sealed = await this.storage.get(f.storageKey);
    if (!sealed) {
      this.logger.error({ fileId: f.id }, 'evidence file missing from storage');
      throw AppError.notFound('找不到该文件');
    }
    if (p.kind === 'staff') {
      await this.audit.record(p, { action: 'protection_order.evidence.download', entityType: PO_ENTITY, entityId: r.id, centerId: r.centerId, detail: { fileId: f.id } }, this.now());
    }
    return { data: openBuffer(sealed), mimeType: f.mimeType, name: f.originalName, id: f.id };
  }

  /** She removes a file while she can still edit the application. */
  async remove(user: UserPrincipal, id: string, fileId: string): Promise<void> {
    const r = await findVisible(this.ds, user, id);
    assertEvidenceEditable(r);
    const f = await this.ds.getRepository(ProtectionOrderFileEntity).findOneBy({ id: fileId, applicationId: r.id });
    if (!f) throw AppError.notFound('找不到该文件');
    await inTransaction(this.ds, async (em) => {
      const res = await em.getRepository(ProtectionOrderFileEntity).delete({ id: f.id });
      if (res.affected !== 1) throw AppError.notFound('找不到该文件');
      await em.getRepository(ProtectionOrderEntity).decrement({ id: r.id }, 'evidenceBytes', f.size);
    });
    await this.storage.delete(f.storageKey);
  }

  async deleteBlobs(keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.delete(key);
  }

  private async reserve(id: string, size: number): Promise<void> {
    const res = await inTransaction(this.ds, (em) =>
      em
        .createQueryBuilder()
        .update(ProtectionOrderEntity)
        .set({ evidenceBytes: () => `evidenceBytes + ${size}` })
        .where('id = :id AND status IN (:...editable) AND evidenceBytes + :size <= :max', { id, size, editable: ['draft', 'needs_info'], max: PoEvidenceLimits.applicationBytes })
        .execute(),
    );
    if (res.affected === 1) return;
    const now = await this.ds.getRepository(ProtectionOrderEntity).findOneBy({ id });
    if (!now || !['draft', 'needs_info'].includes(now.status)) throw AppError.conflict('NOT_EDITABLE', '申请当前的状态不允许修改');
    throw new AppError(413, 'APPLICATION_FILES_TOO_LARGE', `一份申请的材料合计不能超过 ${PoEvidenceLimits.applicationBytes / MB} MB，可以删除不需要的文件后再上传`);
  }

  private async release(id: string, size: number): Promise<void> {
    await inTransaction(this.ds, (em) => em.getRepository(ProtectionOrderEntity).decrement({ id }, 'evidenceBytes', size));
  }
}

function assertEvidenceEditable(r: ProtectionOrderEntity): void {
  const open = r.status === 'draft' || (r.status === 'needs_info' && (r.editableSections === null || r.editableSections.includes('evidence')));
  if (!open) throw AppError.conflict('NOT_EDITABLE', r.status === 'needs_info' ? '工作人员没有请你补充证据，暂不能修改证据' : '申请已提交，不能再修改证据');
}

/** A display name without path parts or control characters; the extension follows the real type. */
function cleanName(name: string, mimeType: string): string {
  const ext = EXTENSION_OF[mimeType] ?? 'bin';
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 100);
  return `${base || '证据'}.${ext}`;
}
