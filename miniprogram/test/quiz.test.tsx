import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { QuizAttemptDto } from '@zjh/shared';
import QuizPage from '../src/pages/law/quiz';
import { device } from './class-fixtures';
import { mockApi, type FakeResponse } from './helpers';

type Call = { url: string; method?: string; data?: any };
const calls = (request: jest.Mock) => request.mock.calls.map(([o]) => o as Call);

const questions: QuizAttemptDto['questions'] = [
  { id: 'qq_single_0000000001', kind: 'single', stem: '《反家庭暴力法》自哪一年起施行？', options: ['2014 年', '2016 年', '2018 年'] },
  { id: 'qq_multi_00000000001', kind: 'multiple', stem: '哪些属于家庭暴力？', options: ['殴打', '经常性谩骂、恐吓', '限制人身自由', '正常的意见分歧'] },
  { id: 'qq_skip_000000000001', kind: 'single', stem: '人身安全保护令的有效期最长是多久？', options: ['一个月', '三个月', '六个月'] },
];

const started: QuizAttemptDto = { id: 'qa_attempt_000000001', startedAt: '2026-12-01T10:00:00+08:00', submittedAt: null, total: 3, score: null, questions, results: null };

const submitted: QuizAttemptDto = {
  ...started,
  submittedAt: '2026-12-01T10:05:00+08:00',
  score: 1,
  results: [
    { questionId: questions[0].id, chosen: [1], correct: true, correctChoices: [1], explanation: '该法自 2016 年 3 月 1 日起施行。', lawRef: '《反家庭暴力法》第三十八条' },
    { questionId: questions[1].id, chosen: [0, 1], correct: false, correctChoices: [0, 1, 2], explanation: '殴打、限制人身自由、经常性谩骂恐吓都是家庭暴力。', lawRef: '《反家庭暴力法》第二条' },
    { questionId: questions[2].id, chosen: [], correct: false, correctChoices: [2], explanation: '保护令有效期不超过六个月。', lawRef: '《反家庭暴力法》第三十条' },
  ],
};

function quizApi(extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) {
  let attempts = 0;
  return mockApi({
    'POST /api/auth/device': device,
    'GET /api/quiz/attempts/mine': () => ({
      statusCode: 200,
      data: { items: attempts ? [{ id: started.id, startedAt: started.startedAt, submittedAt: submitted.submittedAt, total: 3, score: 1 }] : [], nextCursor: null },
    }),
    'GET /api/quiz/leaderboard': { statusCode: 200, data: { items: [{ rank: 1, name: '参与者 #A3F2', score: 3, total: 3, at: '2026-11-30T09:00:00+08:00' }], me: { rank: null, name: '参与者 #77QK', score: null } } },
    'POST /api/quiz/attempts': { statusCode: 201, data: started },
    [`POST /api/quiz/attempts/${started.id}/answers`]: () => {
      attempts++;
      return { statusCode: 200, data: submitted };
    },
    ...extra,
  }) as jest.Mock;
}

const option = (text: string) => screen.getByText(text).closest('.lw-option') as HTMLElement;

describe('普法知识问答', () => {
  it('start → one question per screen → submit → score with correct answers, explanations and the law cited', async () => {
    const request = quizApi();
    render(<QuizPage />);
    expect(await screen.findByText('参与者 #A3F2')).toBeTruthy();
    expect(screen.getByText('还没有答题记录。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '开始答题' }));
    });
    expect(calls(request).find((o) => o.url === '/api/quiz/attempts')?.data).toEqual({ count: 10 });

    // Question 1, single choice: a second tap replaces the first.
    expect(screen.getByText('第 1 题 / 共 3 题')).toBeTruthy();
    expect(screen.queryByText(questions[1].stem)).toBeNull();
    fireEvent.click(option('2014 年'));
    fireEvent.click(option('2016 年'));
    expect(option('2014 年').className).not.toContain('lw-option--on');
    expect(option('2016 年').className).toContain('lw-option--on');
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));

    // Question 2, multiple choice: taps toggle.
    expect(screen.getByText(/多选题/)).toBeTruthy();
    fireEvent.click(option('殴打'));
    fireEvent.click(option('经常性谩骂、恐吓'));
    fireEvent.click(option('正常的意见分歧'));
    fireEvent.click(option('正常的意见分歧'));
    fireEvent.click(screen.getByRole('button', { name: '上一题' }));
    expect(option('2016 年').className).toContain('lw-option--on');
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));

    // Last question left empty: she is asked once before it is sent.
    fireEvent.click(screen.getByRole('button', { name: '提交答案' }));
    expect(screen.getByText(/还有 1 题没有作答/)).toBeTruthy();
    expect(calls(request).some((o) => o.url.endsWith('/answers'))).toBe(false);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定提交' }));
    });

    const sent = calls(request).find((o) => o.url === `/api/quiz/attempts/${started.id}/answers`)!;
    expect(sent.data).toEqual({
      answers: [
        { questionId: questions[0].id, choices: [1] },
        { questionId: questions[1].id, choices: [0, 1] },
        { questionId: questions[2].id, choices: [] },
      ],
    });
    expect(await screen.findByText('答题结果')).toBeTruthy();
    expect(screen.getByText('1 / 3', { selector: '.lw-score__value' })).toBeTruthy();
    const results = Array.from(document.querySelectorAll('.lw-result')) as HTMLElement[];
    expect(results).toHaveLength(3);
    expect(within(results[0]).getByText('第 1 题 · ✓ 答对了')).toBeTruthy();
    expect(within(results[1]).getByText('第 2 题 · ✗ 答错了')).toBeTruthy();
    expect(within(results[1]).getByText('你的答案：A、B')).toBeTruthy();
    expect(within(results[1]).getByText('正确答案：A、B、C')).toBeTruthy();
    expect(within(results[1]).getByText('解析：殴打、限制人身自由、经常性谩骂恐吓都是家庭暴力。')).toBeTruthy();
    expect(within(results[1]).getByText('依据：《反家庭暴力法》第二条')).toBeTruthy();
    expect(within(results[2]).getByText('你的答案：未作答')).toBeTruthy();
    // History refreshed after submitting.
    expect(await screen.findByText('1 / 3', { selector: '.lw-board__score' })).toBeTruthy();
    expect(await screen.findByText(/你的称呼：参与者 #77QK/)).toBeTruthy();
    expect(calls(request).filter((o) => o.url.startsWith('/api/quiz/leaderboard'))).toHaveLength(2);
  });

  it('an empty question bank shows the server’s message instead of a question', async () => {
    quizApi({ 'POST /api/quiz/attempts': { statusCode: 409, data: { error: { code: 'NO_QUESTIONS', message: '题库暂时没有题目' } } } });
    render(<QuizPage />);
    await screen.findByText('参与者 #A3F2');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '开始答题' }));
    });
    expect(await screen.findByText('题库暂时没有题目')).toBeTruthy();
    expect(screen.queryByText(/第 1 题/)).toBeNull();
  });
});
