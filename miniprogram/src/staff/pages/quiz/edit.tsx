import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { QuizQuestionKind, type QuizQuestionInput, type StaffQuizQuestionDto } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { fieldErrorsOf, errorFor } from '../../../services/field-errors';
import { newIdempotencyKey } from '../../../services/idempotency';
import { AreaField, TextField, ToggleField } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { createQuestion, staffQuestion, STAFF_QUESTION_PATH, STAFF_QUESTIONS_PATH, updateQuestion } from '../../services/staff-content';
import { useStaff } from '../../services/use-staff';
import '../staff.scss';
import '../learning.scss';

const KIND_OPTIONS = Object.entries(QuizQuestionKind).map(([value, label]) => ({ value, label }));
const MAX_OPTIONS = 8;
const letter = (i: number) => String.fromCharCode(65 + i);

export interface QuestionDraft {
  kind: QuizQuestionInput['kind'];
  stem: string;
  options: string[];
  correct: number[];
  explanation: string;
  lawRef: string;
  published: boolean;
}

const empty = (): QuestionDraft => ({ kind: 'single', stem: '', options: ['', '', '', ''], correct: [], explanation: '', lawRef: '', published: false });

const draftOf = (q: StaffQuizQuestionDto): QuestionDraft => ({
  kind: q.kind,
  stem: q.stem,
  options: [...q.options],
  correct: [...q.correct],
  explanation: q.explanation,
  lawRef: q.lawRef,
  published: q.published,
});

/** Empty option rows are dropped and the correct answers renumbered to match. */
export function toQuestionInput(d: QuestionDraft): { input?: QuizQuestionInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kept = d.options.map((text, i) => ({ text: text.trim(), i })).filter((o) => o.text);
  const correct = kept.map((o, n) => (d.correct.includes(o.i) ? n : -1)).filter((n) => n >= 0);
  if (d.stem.trim().length < 4) errors.stem = '请填写题目';
  if (kept.length < 2) errors.options = '至少 2 个选项';
  if (correct.length === 0) errors.correct = '请标出正确答案';
  else if (d.kind === 'single' && correct.length !== 1) errors.correct = '单选题只能有一个正确答案';
  else if (d.kind === 'multiple' && correct.length < 2) errors.correct = '多选题至少两个正确答案';
  if (!d.explanation.trim()) errors.explanation = '请填写解析';
  if (Object.keys(errors).length) return { errors };
  return {
    input: { kind: d.kind, stem: d.stem.trim(), options: kept.map((o) => o.text), correct, explanation: d.explanation.trim(), lawRef: d.lawRef.trim(), published: d.published },
    errors,
  };
}

/** One question: stem, options with the right ones marked, explanation and the law it cites. */
export default function StaffQuestionEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { staff, error: staffError } = useStaff();
  const [question, setQuestion] = useState<StaffQuizQuestionDto | null>(null);
  const [draft, setDraft] = useState<QuestionDraft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newIdempotencyKey('q'));
  const set = (patch: Partial<QuestionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const q = await staffQuestion(id);
      setQuestion(q);
      setDraft(draftOf(q));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);

  useEffect(() => {
    if (staff) void load();
  }, [staff, load]);

  const toggleCorrect = (i: number) => {
    if (draft.kind === 'single') set({ correct: [i] });
    else set({ correct: draft.correct.includes(i) ? draft.correct.filter((c) => c !== i) : [...draft.correct, i].sort((a, b) => a - b) });
  };

  const removeOption = (i: number) =>
    set({ options: draft.options.filter((_, n) => n !== i), correct: draft.correct.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c)) });

  const save = async () => {
    if (busy) return;
    const { input, errors: problems } = toQuestionInput(draft);
    setErrors(problems);
    setError('');
    if (!input) return;
    setBusy(true);
    try {
      const saved = question ? await updateQuestion(question.id, input) : await createQuestion(input, key);
      toast('已保存');
      if (question) {
        setQuestion(saved);
        setDraft(draftOf(saved));
      } else {
        Promise.resolve(Taro.redirectTo({ url: `${STAFF_QUESTION_PATH}?id=${encodeURIComponent(saved.id)}` })).catch(() => undefined);
      }
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <Button className='lr-btn' onClick={() => Promise.resolve(Taro.redirectTo({ url: STAFF_QUESTIONS_PATH })).catch(() => undefined)}>
      返回题库
    </Button>
  );

  return (
    <StaffLayout title={question ? '编辑题目' : '新增题目'} nav='quiz' wide actions={back}>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      <View className='staff-card'>
        <View className='lr-form'>
          <SelectField
            id='question-kind'
            label='题型'
            value={draft.kind}
            options={KIND_OPTIONS}
            onChange={(v) => set({ kind: v as QuestionDraft['kind'], correct: v === 'single' ? draft.correct.slice(0, 1) : draft.correct })}
          />
          <ToggleField id='question-published' label='上架（可被抽到）' checked={draft.published} onChange={(published) => set({ published })} />
        </View>
        <AreaField id='question-stem' className='lr-form__full' label='题目' value={draft.stem} maxLength={500} rows={3} onChange={(stem) => set({ stem })} error={errors.stem} />

        <Text className='lr-section-title'>选项（点“设为正确答案”标出答案{draft.kind === 'multiple' ? '，多选题至少两个' : ''}）</Text>
        {draft.options.map((text, i) => (
          <View key={i} className='lr-option-row'>
            <TextField
              id={`question-option-${i}`}
              label={`选项 ${letter(i)}`}
              value={text}
              maxLength={200}
              onChange={(v) => set({ options: draft.options.map((o, n) => (n === i ? v : o)) })}
              error={errorFor(errors, `options.${i}`)}
            />
            <Button className={`lr-btn ${draft.correct.includes(i) ? 'lr-btn--primary' : ''}`} onClick={() => toggleCorrect(i)}>
              {draft.correct.includes(i) ? '✓ 正确答案' : '设为正确答案'}
            </Button>
            {draft.options.length > 2 ? (
              <Button className='lr-btn lr-btn--danger' onClick={() => removeOption(i)}>
                删除
              </Button>
            ) : null}
          </View>
        ))}
        {errors.options ? <Text className='staff-error'>{errors.options}</Text> : null}
        {errors.correct ? <Text className='staff-error'>{errors.correct}</Text> : null}
        {draft.options.length < MAX_OPTIONS ? (
          <View className='lr-toolbar__group'>
            <Button className='lr-btn' onClick={() => set({ options: [...draft.options, ''] })}>
              + 添加选项
            </Button>
          </View>
        ) : null}

        <AreaField id='question-explanation' className='lr-form__full' label='解析' value={draft.explanation} maxLength={2000} rows={4} onChange={(explanation) => set({ explanation })} error={errors.explanation} />
        <TextField
          id='question-law'
          className='lr-form__full'
          label='引用的法条（可不填）'
          value={draft.lawRef}
          maxLength={200}
          onChange={(lawRef) => set({ lawRef })}
          error={errors.lawRef}
          hint='如《中华人民共和国反家庭暴力法》第二十三条'
        />
        {error ? <Text className='staff-error'>{error}</Text> : null}
        <View className='lr-toolbar__group'>
          <Button className='lr-btn lr-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
            保存题目
          </Button>
        </View>
      </View>
    </StaffLayout>
  );
}
