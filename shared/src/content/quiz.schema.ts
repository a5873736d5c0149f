import { z } from 'zod';
import { QuizQuestionKind } from './labels';
import { ZId } from '../common';

export { QuizQuestionKind } from './labels';
export const ZQuizQuestionKind = z.enum(['single', 'multiple'], { error: '题型只能是 single 或 multiple' });

const questionFields = {
  kind: ZQuizQuestionKind,
  stem: z.string().trim().min(4, '请填写题目').max(500, '题目最多 500 个字'),
  options: z.array(z.string().trim().min(1, '选项不能为空').max(200, '选项最多 200 个字')).min(2, '至少 2 个选项').max(8, '最多 8 个选项'),
  correct: z.array(z.int().min(0, '答案须为选项序号（从 0 开始）')).min(1, '请设置正确答案').max(8),
  explanation: z.string().trim().min(1, '请填写解析').max(2000, '解析最多 2000 个字'),
  lawRef: z.string().trim().max(200, '法条出处最多 200 个字').default('').describe('引用的法条，如《反家庭暴力法》第二十三条'),
  published: z.boolean().default(false),
};

type QuestionShape = { kind?: QuizQuestionKind; options?: string[]; correct?: number[] };
function checkAnswers(v: QuestionShape, ctx: z.RefinementCtx) {
  if (!v.correct) return;
  if (new Set(v.correct).size !== v.correct.length) ctx.addIssue({ code: 'custom', path: ['correct'], message: '正确答案有重复' });
  if (v.options && v.correct.some((i) => i >= v.options!.length)) ctx.addIssue({ code: 'custom', path: ['correct'], message: '正确答案超出选项范围' });
  if (v.kind === 'single' && v.correct.length !== 1) ctx.addIssue({ code: 'custom', path: ['correct'], message: '单选题只能有一个正确答案' });
  if (v.kind === 'multiple' && v.correct.length < 2) ctx.addIssue({ code: 'custom', path: ['correct'], message: '多选题至少两个正确答案' });
}

export const ZQuizQuestionInput = z.strictObject(questionFields).superRefine(checkAnswers).meta({ id: 'QuizQuestionInput' });
export type QuizQuestionInput = z.infer<typeof ZQuizQuestionInput>;

export const ZQuizQuestionUpdateInput = z
  .strictObject({
    kind: questionFields.kind.optional(),
    stem: questionFields.stem.optional(),
    options: questionFields.options.optional(),
    correct: questionFields.correct.optional(),
    explanation: questionFields.explanation.optional(),
    lawRef: z.string().trim().max(200).optional(),
    published: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (!Object.values(v).some((x) => x !== undefined)) ctx.addIssue({ code: 'custom', path: ['stem'], message: '没有要修改的内容' });
  })
  .meta({ id: 'QuizQuestionUpdateInput' });
export type QuizQuestionUpdateInput = z.infer<typeof ZQuizQuestionUpdateInput>;

/** The whole question, as staff edit it. */
export const ZStaffQuizQuestion = z
  .object({
    id: z.string(),
    kind: ZQuizQuestionKind,
    stem: z.string(),
    options: z.array(z.string()),
    correct: z.array(z.number()),
    explanation: z.string(),
    lawRef: z.string(),
    published: z.boolean(),
    sample: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StaffQuizQuestion' });
export type StaffQuizQuestionDto = z.infer<typeof ZStaffQuizQuestion>;

/** A question as she answers it: no answer, no explanation. */
export const ZQuizQuestion = ZStaffQuizQuestion.pick({ id: true, kind: true, stem: true, options: true }).meta({ id: 'QuizQuestion' });
export type QuizQuestionDto = z.infer<typeof ZQuizQuestion>;

export const ZStartQuizInput = z
  .strictObject({ count: z.int('题目数量须为整数').min(1, '至少 1 题').max(30, '最多 30 题').default(10) })
  .meta({ id: 'StartQuizInput' });
export type StartQuizInput = z.infer<typeof ZStartQuizInput>;

export const ZSubmitAnswersInput = z
  .strictObject({
    answers: z
      .array(z.strictObject({ questionId: ZId, choices: z.array(z.int().min(0, '选项序号从 0 开始').max(7, '选项序号超出范围')).max(8) }))
      .max(30, '答案过多'),
  })
  .meta({ id: 'SubmitAnswersInput' });
export type SubmitAnswersInput = z.infer<typeof ZSubmitAnswersInput>;

export const ZQuizResultItem = z
  .object({
    questionId: z.string(),
    chosen: z.array(z.number()),
    correct: z.boolean(),
    correctChoices: z.array(z.number()),
    explanation: z.string(),
    lawRef: z.string(),
  })
  .meta({ id: 'QuizResultItem' });

export const ZQuizAttempt = z
  .object({
    id: z.string(),
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
    total: z.number(),
    score: z.number().nullable(),
    questions: z.array(ZQuizQuestion),
    results: z.array(ZQuizResultItem).nullable().describe('提交后才有'),
  })
  .meta({ id: 'QuizAttempt' });
export type QuizAttemptDto = z.infer<typeof ZQuizAttempt>;

export const ZQuizAttemptSummary = ZQuizAttempt.pick({ id: true, startedAt: true, submittedAt: true, total: true, score: true }).meta({ id: 'QuizAttemptSummary' });
export type QuizAttemptSummaryDto = z.infer<typeof ZQuizAttemptSummary>;

export const ZLeaderboard = z
  .object({
    items: z.array(z.object({ rank: z.number(), name: z.string().describe('匿名称呼，如“参与者 #A3F2”'), score: z.number(), total: z.number(), at: z.string() })),
    me: z.object({ rank: z.number().nullable(), name: z.string(), score: z.number().nullable() }).nullable(),
  })
  .meta({ id: 'QuizLeaderboard' });
export type LeaderboardDto = z.infer<typeof ZLeaderboard>;

export const ZLeaderboardQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }).meta({ id: 'LeaderboardQuery' });

/** A multiple-choice answer counts only when exactly the right options are chosen (partial is wrong). */
export function isAnswerCorrect(correct: readonly number[], chosen: readonly number[]): boolean {
  const c = new Set(correct);
  const h = new Set(chosen);
  return c.size === h.size && [...c].every((i) => h.has(i));
}
