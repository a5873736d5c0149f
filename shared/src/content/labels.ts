/** Labels of the content domain, free of zod for small client bundles. */

export const QuizQuestionKind = { single: '单选题', multiple: '多选题' } as const;
export type QuizQuestionKind = keyof typeof QuizQuestionKind;
