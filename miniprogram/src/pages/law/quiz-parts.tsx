import { Text, View } from '@tarojs/components';
import { QuizQuestionKind, type LeaderboardDto, type QuizAttemptDto, type QuizAttemptSummaryDto, type QuizQuestionDto } from '@zjh/shared';
import { dateOf, timeOf } from '../../services/shanghai-time';

/** A, B, C … for option 0, 1, 2 … */
export const letter = (i: number) => String.fromCharCode(65 + i);

const letters = (choices: number[]) => (choices.length ? [...choices].sort((a, b) => a - b).map(letter).join('、') : '未作答');

interface QuestionProps {
  question: QuizQuestionDto;
  chosen: number[];
  onToggle: (option: number) => void;
}

/** One question: big rows to tap; single choice replaces, multiple choice toggles. */
export function QuestionView({ question, chosen, onToggle }: QuestionProps) {
  const multiple = question.kind === 'multiple';
  return (
    <View className='lw-card lw-question'>
      <Text className='lw-question__kind'>{QuizQuestionKind[question.kind]}{multiple ? '（选出所有正确答案）' : ''}</Text>
      <Text className='lw-question__stem'>{question.stem}</Text>
      {question.options.map((text, i) => {
        const on = chosen.includes(i);
        return (
          <View key={i} className={`lw-option ${multiple ? 'lw-option--multiple' : ''} ${on ? 'lw-option--on' : ''}`} onClick={() => onToggle(i)}>
            <Text className='lw-option__mark'>{on && multiple ? '✓' : letter(i)}</Text>
            <Text className='lw-option__text'>{text}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** The score and, per question, her answer, the right one, the explanation and the law it rests on. */
export function ResultView({ attempt }: { attempt: QuizAttemptDto }) {
  const results = attempt.results ?? [];
  return (
    <View>
      <View className='lw-card lw-score'>
        <Text className='lw-score__label'>本次得分</Text>
        <Text className='lw-score__value'>
          {attempt.score ?? 0} / {attempt.total}
        </Text>
        <Text className='lw-score__label'>答对 {attempt.score ?? 0} 题，共 {attempt.total} 题</Text>
      </View>
      {results.map((r, index) => {
        const q = attempt.questions.find((x) => x.id === r.questionId);
        return (
          <View key={r.questionId} className={`lw-card lw-result ${r.correct ? '' : 'lw-result--wrong'}`}>
            <Text className='lw-result__verdict'>
              第 {index + 1} 题 · {r.correct ? '✓ 答对了' : '✗ 答错了'}
            </Text>
            {q ? <Text className='lw-question__stem'>{q.stem}</Text> : null}
            {q
              ? q.options.map((text, i) => (
                  <Text key={i} className='lw-result__line'>
                    {letter(i)}. {text}
                  </Text>
                ))
              : null}
            <Text className='lw-result__line'>你的答案：{letters(r.chosen)}</Text>
            <Text className='lw-result__line'>正确答案：{letters(r.correctChoices)}</Text>
            <Text className='lw-result__line'>解析：{r.explanation}</Text>
            {r.lawRef ? <Text className='lw-result__law'>依据：{r.lawRef}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

export function HistoryView({ items }: { items: QuizAttemptSummaryDto[] }) {
  const done = items.filter((a) => a.submittedAt);
  if (!done.length) return <Text className='lw-note'>还没有答题记录。</Text>;
  return (
    <View className='lw-card lw-history'>
      {done.map((a) => (
        <View key={a.id} className='lw-board__row'>
          <Text className='lw-board__name'>
            {dateOf(a.submittedAt!)} {timeOf(a.submittedAt!)}
          </Text>
          <Text className='lw-board__score'>
            {a.score ?? 0} / {a.total}
          </Text>
        </View>
      ))}
    </View>
  );
}

export function LeaderboardView({ board }: { board: LeaderboardDto }) {
  if (!board.items.length) return <Text className='lw-note'>还没有人上榜，来做第一个吧。</Text>;
  return (
    <View className='lw-card lw-board'>
      {board.items.map((row) => (
        <View key={`${row.rank}-${row.name}`} className={`lw-board__row ${board.me && board.me.name === row.name ? 'lw-board__row--me' : ''}`}>
          <Text className='lw-board__rank'>{row.rank}</Text>
          <Text className='lw-board__name'>{row.name}</Text>
          <Text className='lw-board__score'>
            {row.score} / {row.total}
          </Text>
        </View>
      ))}
      {board.me ? (
        <Text className='lw-note'>
          你的称呼：{board.me.name}
          {board.me.rank ? ` · 第 ${board.me.rank} 名` : ''}
        </Text>
      ) : null}
      <Text className='lw-note'>排行榜只显示随机称呼，不显示真实姓名。</Text>
    </View>
  );
}
