import { isAnswerCorrect, ZQuizQuestionInput } from './quiz.schema';

describe('quiz answers', () => {
  it('a single-choice answer is right only with the one right option', () => {
    expect(isAnswerCorrect([2], [2])).toBe(true);
    expect(isAnswerCorrect([2], [1])).toBe(false);
    expect(isAnswerCorrect([2], [])).toBe(false);
  });

  it('a multiple-choice answer is right only with exactly the right options, in any order', () => {
    expect(isAnswerCorrect([0, 1, 3], [3, 0, 1])).toBe(true);
    expect(isAnswerCorrect([0, 1, 3], [0, 1])).toBe(false);
    expect(isAnswerCorrect([0, 1, 3], [0, 1, 2, 3])).toBe(false);
    expect(isAnswerCorrect([0, 1], [0, 0, 1])).toBe(true);
  });

  it('a question is rejected when its answers do not fit its kind or its options', () => {
    const base = { stem: '题目内容', options: ['甲', '乙', '丙'], explanation: '解析' };
    expect(ZQuizQuestionInput.safeParse({ ...base, kind: 'single', correct: [1] }).success).toBe(true);
    expect(ZQuizQuestionInput.safeParse({ ...base, kind: 'single', correct: [0, 1] }).success).toBe(false);
    expect(ZQuizQuestionInput.safeParse({ ...base, kind: 'multiple', correct: [1] }).success).toBe(false);
    expect(ZQuizQuestionInput.safeParse({ ...base, kind: 'multiple', correct: [1, 3] }).success).toBe(false);
    expect(ZQuizQuestionInput.safeParse({ ...base, kind: 'multiple', correct: [1, 1] }).success).toBe(false);
  });
});
