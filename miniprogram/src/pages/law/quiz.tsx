import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { LeaderboardDto, QuizAttemptDto, QuizAttemptSummaryDto } from '@zjh/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { myQuizAttempts, quizLeaderboard, QUIZ_SIZE, startQuiz, submitQuiz } from '../../services/content';
import { HistoryView, LeaderboardView, QuestionView, ResultView } from './quiz-parts';
import './index.scss';

type Step =
  | { step: 'intro' }
  | { step: 'answering'; attempt: QuizAttemptDto; index: number; answers: Record<string, number[]> }
  | { step: 'result'; attempt: QuizAttemptDto };

/** 普法知识问答: start → one question per screen → submit → score and explanations; history and leaderboard. */
export default function QuizPage() {
  const [state, setState] = useState<Step>({ step: 'intro' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [history, setHistory] = useState<QuizAttemptSummaryDto[] | null>(null);
  const [board, setBoard] = useState<LeaderboardDto | null>(null);

  const alive = useRef(true);
  const refreshSide = useCallback(() => {
    myQuizAttempts().then(({ items }) => alive.current && setHistory(items), () => alive.current && setHistory(null));
    quizLeaderboard().then((b) => alive.current && setBoard(b), () => alive.current && setBoard(null));
  }, []);

  useEffect(() => {
    alive.current = true;
    refreshSide();
    return () => {
      alive.current = false;
    };
  }, [refreshSide]);

  // Each new question and the result start at the top of the screen.
  const screenKey = state.step === 'answering' ? `q${state.index}` : state.step;
  useEffect(() => {
    Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
  }, [screenKey]);

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const attempt = await startQuiz(QUIZ_SIZE);
      setConfirmSubmit(false);
      setState({ step: 'answering', attempt, index: 0, answers: {} });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (state.step !== 'answering' || busy) return;
    setBusy(true);
    setError('');
    try {
      const answers = state.attempt.questions.map((q) => ({ questionId: q.id, choices: state.answers[q.id] ?? [] }));
      const attempt = await submitQuiz(state.attempt.id, answers);
      setState({ step: 'result', attempt });
      refreshSide();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const side = (
    <View>
      <Text className='lw-section-title'>我的答题记录</Text>
      {history ? <HistoryView items={history} /> : <Text className='lw-note'>正在加载…</Text>}
      <Text className='lw-section-title'>排行榜</Text>
      {board ? <LeaderboardView board={board} /> : <Text className='lw-note'>正在加载…</Text>}
    </View>
  );

  if (state.step === 'answering') {
    const { attempt, index, answers } = state;
    const q = attempt.questions[index];
    const last = index === attempt.questions.length - 1;
    const unanswered = attempt.questions.filter((x) => !(answers[x.id]?.length)).length;
    const toggle = (option: number) => {
      const now = answers[q.id] ?? [];
      const next = q.kind === 'single' ? [option] : now.includes(option) ? now.filter((o) => o !== option) : [...now, option];
      setConfirmSubmit(false);
      setState({ ...state, answers: { ...answers, [q.id]: next } });
    };
    const move = (to: number) => {
      setConfirmSubmit(false);
      setState({ ...state, index: to });
    };
    return (
      <SafePage className='quiz'>
        <Text className='lw-progress'>
          第 {index + 1} 题 / 共 {attempt.questions.length} 题
        </Text>
        <QuestionView question={q} chosen={answers[q.id] ?? []} onToggle={toggle} />
        {confirmSubmit && unanswered > 0 ? <Text className='lw-error'>还有 {unanswered} 题没有作答，没答的题算答错。确定现在提交吗？</Text> : null}
        {error ? <Text className='lw-error'>{error}</Text> : null}
        <View className='lw-nav'>
          {index > 0 ? (
            <Button className='lw-secondary' onClick={() => move(index - 1)}>
              上一题
            </Button>
          ) : null}
          {last ? (
            <Button
              className='lw-primary'
              {...(busy ? { loading: true, disabled: true } : {})}
              onClick={() => {
                if (unanswered > 0 && !confirmSubmit) setConfirmSubmit(true);
                else void submit();
              }}
            >
              {confirmSubmit && unanswered > 0 ? '确定提交' : '提交答案'}
            </Button>
          ) : (
            <Button className='lw-primary' onClick={() => move(index + 1)}>
              下一题
            </Button>
          )}
        </View>
      </SafePage>
    );
  }

  if (state.step === 'result') {
    return (
      <SafePage className='quiz'>
        <Text className='lw-title'>答题结果</Text>
        <ResultView attempt={state.attempt} />
        {error ? <Text className='lw-error'>{error}</Text> : null}
        <Button className='lw-primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void start()}>
          再答一次
        </Button>
        {side}
      </SafePage>
    );
  }

  return (
    <SafePage className='quiz'>
      <Text className='lw-title'>普法知识问答</Text>
      <View className='lw-card'>
        <Text className='lw-note'>
          每次从题库随机抽 {QUIZ_SIZE} 道单选或多选题。一题一页，可以返回修改，全部答完后提交，马上看到得分、正确答案、解析和相关法条。
        </Text>
        <Text className='lw-note'>多选题要选出全部正确答案才算答对。排行榜只显示随机称呼。</Text>
        {error ? <Text className='lw-error'>{error}</Text> : null}
        <Button className='lw-primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void start()}>
          开始答题
        </Button>
      </View>
      {side}
    </SafePage>
  );
}
