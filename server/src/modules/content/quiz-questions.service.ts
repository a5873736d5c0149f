import type { DataSource } from 'typeorm';
import { ZQuizQuestionInput, toShanghaiIso, type QuizQuestionInput, type QuizQuestionUpdateInput, type StaffQuizQuestionDto } from '@zjh/shared';
import { AppError, zodProblems } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import type { StaffPrincipal } from '../../lib/access';
import { timeline } from '../timeline/timeline.service';
import { QuizQuestionEntity } from './content.entity';
import { QUESTION_ENTITY, publicationOf, questionWorkflow } from './content.workflow';

/** The question bank, kept by the city admin and center staff (one bank for the whole city). */
export class QuizQuestionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  async list(q: { published?: boolean }): Promise<StaffQuizQuestionDto[]> {
    const rows = await this.ds.getRepository(QuizQuestionEntity).find({ where: q.published !== undefined ? { published: q.published } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toDto);
  }

  async get(id: string): Promise<StaffQuizQuestionDto> {
    return toDto(await this.load(id));
  }

  async create(staff: StaffPrincipal, input: QuizQuestionInput): Promise<StaffQuizQuestionDto> {
    const now = this.now();
    const q: QuizQuestionEntity = {
      id: newId(), kind: input.kind, stem: input.stem, options: input.options, correct: [...input.correct].sort((a, b) => a - b), explanation: input.explanation,
      lawRef: input.lawRef, published: false, sample: false, createdBy: staff.staffId, createdAt: now, updatedAt: now,
    };
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(QuizQuestionEntity).insert(q);
      await timeline.append(em, staff, { entityType: QUESTION_ENTITY, entityId: q.id, type: 'created' }, now);
      if (input.published) {
        questionWorkflow.check('draft', 'published', staff.role);
        await em.getRepository(QuizQuestionEntity).update({ id: q.id }, { published: true });
        await timeline.append(em, staff, { entityType: QUESTION_ENTITY, entityId: q.id, type: 'status', from: 'draft', to: 'published' }, now);
      }
    });
    return this.get(q.id);
  }

  /** Edits a question; the merged question must still be consistent (answers within the options…). */
  async update(staff: StaffPrincipal, id: string, input: QuizQuestionUpdateInput): Promise<StaffQuizQuestionDto> {
    const q = await this.load(id);
    const { published, ...fields } = input;
    const merged = ZQuizQuestionInput.safeParse({ kind: q.kind, stem: q.stem, options: q.options, correct: q.correct, explanation: q.explanation, lawRef: q.lawRef, ...fields });
    if (!merged.success) throw AppError.badRequest(zodProblems(merged.error));
    const move = published !== undefined && published !== q.published ? questionWorkflow.check(publicationOf(q.published), publicationOf(published), staff.role) : null;
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(QuizQuestionEntity).update(
        { id },
        { ...fields, ...(fields.correct ? { correct: [...fields.correct].sort((a, b) => a - b) } : {}), ...(move ? { published } : {}), updatedAt: now },
      );
      if (Object.keys(fields).length) await timeline.append(em, staff, { entityType: QUESTION_ENTITY, entityId: id, type: 'updated', note: Object.keys(fields).join(',') }, now);
      if (move) await timeline.append(em, staff, { entityType: QUESTION_ENTITY, entityId: id, type: 'status', from: move.from, to: move.to }, now);
    });
    return this.get(id);
  }

  private async load(id: string): Promise<QuizQuestionEntity> {
    const q = await this.ds.getRepository(QuizQuestionEntity).findOneBy({ id });
    if (!q) throw AppError.notFound('找不到该题目');
    return q;
  }
}

function toDto(q: QuizQuestionEntity): StaffQuizQuestionDto {
  return {
    id: q.id, kind: q.kind, stem: q.stem, options: q.options, correct: q.correct, explanation: q.explanation, lawRef: q.lawRef,
    published: q.published, sample: q.sample, updatedAt: toShanghaiIso(q.updatedAt),
  };
}
