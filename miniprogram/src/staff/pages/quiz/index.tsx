import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { QuizQuestionKind, type StaffQuizQuestionDto } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { SelectField } from '../../components/select-field';
import { usePublishToggle } from '../../services/use-publish-toggle';
import { StaffLayout } from '../../components/staff-layout';
import { staffQuestions, STAFF_QUESTION_PATH, updateQuestion } from '../../services/staff-content';
import { useStaff } from '../../services/use-staff';
import '../staff.scss';
import '../learning.scss';

const PUBLISHED_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'true', label: '已上架' },
  { value: 'false', label: '未上架' },
];

const letter = (i: number) => String.fromCharCode(65 + i);

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

/** 题库管理: the 普法 quiz questions, their answers and whether they are in the draw. */
export default function StaffQuestionsPage() {
  const { staff, error: staffError } = useStaff();
  const [published, setPublished] = useState('');
  const [items, setItems] = useState<StaffQuizQuestionDto[] | null>(null);
  const [error, setError] = useState('');
  const run = useRef(0);

  useEffect(() => {
    if (!staff) return;
    const mine = ++run.current;
    setError('');
    staffQuestions({ published: (published || undefined) as 'true' | 'false' | undefined }).then(
      ({ items: all }) => mine === run.current && setItems(all),
      (e: unknown) => mine === run.current && setError(errorMessage(e)),
    );
  }, [staff, published]);

  const { busyId, toggle } = usePublishToggle((id, published) => updateQuestion(id, { published }), setItems, setError, { published: '题目已上架', withdrawn: '题目已下架' });

  return (
    <StaffLayout title='题库管理' wide>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      <View className='lr-toolbar'>
        <View className='lr-toolbar__group'>
          <SelectField label='状态' value={published} options={PUBLISHED_OPTIONS} onChange={setPublished} />
        </View>
        <Button className='lr-btn lr-btn--primary' onClick={() => go(STAFF_QUESTION_PATH)}>
          + 新增题目
        </Button>
      </View>
      <Text className='lr-note'>答题时从“已上架”的题目中随机抽取。</Text>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {items === null && !error ? <Text className='lr-counts'>正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className='lr-counts'>没有符合条件的题目。</Text> : null}
      {items && items.length ? (
        <View className='lr-table'>
          <View className='lr-tr lr-tr--head'>
            <Text className='lr-td lr-td--wide'>题目</Text>
            <Text className='lr-td'>题型</Text>
            <Text className='lr-td'>答案</Text>
            <Text className='lr-td lr-td--mid'>法条</Text>
            <Text className='lr-td'>状态</Text>
            <Text className='lr-td lr-td--actions'>操作</Text>
          </View>
          {items.map((q) => (
            <View key={q.id} className='lr-tr lr-question-row'>
              <View className='lr-td lr-td--wide'>
                <Text className='lr-td__main'>{q.stem}</Text>
                <Text className='lr-td__sub'>{q.options.map((o, i) => `${letter(i)}. ${o}`).join('  ')}</Text>
              </View>
              <Text className='lr-td'>{QuizQuestionKind[q.kind]}</Text>
              <Text className='lr-td'>{q.correct.map(letter).join('、')}</Text>
              <Text className='lr-td lr-td--mid'>{q.lawRef || '—'}</Text>
              <View className='lr-td'>
                <Text className={`lr-tag ${q.published ? 'lr-tag--on' : ''}`}>{q.published ? '已上架' : '未上架'}</Text>
              </View>
              <View className='lr-td lr-td--actions'>
                <Button className='lr-btn lr-btn--small' onClick={() => go(`${STAFF_QUESTION_PATH}?id=${encodeURIComponent(q.id)}`)}>
                  编辑
                </Button>
                <Button className='lr-btn lr-btn--small' {...(busyId === q.id ? { loading: true, disabled: true } : {})} onClick={() => void toggle(q)}>
                  {q.published ? '下架' : '上架'}
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </StaffLayout>
  );
}
