import { Button, Text, Textarea, View } from '@tarojs/components';
import type { MyRequest } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage } from '../../services/api';
import { rateRequest } from '../../services/requests';

const SCORES = [1, 2, 3, 4, 5];
const SCORE_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

/** Her rating of the help, offered once the request is resolved. */
export function RatingForm({ id, onRated }: { id: string; onRated: (r: MyRequest) => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    if (!score) {
      setError('请选择 1 到 5 颗星');
      return;
    }
    setBusy(true);
    setError('');
    try {
      onRated(await rateRequest(id, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='mine-card'>
      <Text className='mine-section-title'>这次帮助对你有用吗？</Text>
      <View className='mine-rating'>
        {SCORES.map((n) => (
          <Button key={n} className={`mine-star ${n <= score ? 'mine-star--on' : ''}`} onClick={() => setScore(n)}>
            {n <= score ? '★' : '☆'}
            <Text className='mine-star__label'>{`${n} 星`}</Text>
          </Button>
        ))}
      </View>
      {score ? <Text className='mine-hint'>{SCORE_WORDS[score]}</Text> : null}
      <Textarea
        id='rating-comment'
        className='mine-textarea'
        value={comment}
        maxlength={500}
        placeholder='想说的话（可不填）'
        onInput={(e) => setComment(e.detail.value)}
      />
      {error ? <Text className='mine-error'>{error}</Text> : null}
      <Button className='mine-btn mine-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  );
}
