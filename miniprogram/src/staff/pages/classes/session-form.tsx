import { Button, Text, View } from '@tarojs/components';
import type { StaffClassCourseDto } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage } from '../../../services/api';
import { fieldErrorsOf } from '../../../services/field-errors';
import { newIdempotencyKey } from '../../../services/idempotency';
import { DateTimeField, TextField, ToggleField } from '../../components/form-fields';
import { createSession, updateSession } from '../../services/staff-classes';
import { toSessionInput, toSessionUpdate, type SessionDraft } from './drafts';

interface SessionFormProps {
  courseId: string;
  /** null for a new session. */
  sessionId: string | null;
  initial: SessionDraft;
  onSaved: (course: StaffClassCourseDto) => void;
  onCancel: () => void;
}

/** Add or change a session: date and times (北京时间), online link or venue, places, deadline. */
export function SessionForm({ courseId, sessionId, initial, onSaved, onCancel }: SessionFormProps) {
  const [d, setD] = useState<SessionDraft>(initial);
  const [key] = useState(() => newIdempotencyKey('ses'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SessionDraft>) => setD((x) => ({ ...x, ...patch }));
  const creating = sessionId === null;

  const save = async () => {
    if (busy) return;
    const { input, errors: problems } = creating ? toSessionInput(d) : toSessionUpdate(d);
    setErrors(problems);
    setError('');
    if (!input) return;
    setBusy(true);
    try {
      onSaved(creating ? await createSession(courseId, input as Parameters<typeof createSession>[1], key) : await updateSession(sessionId, input));
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='staff-card lr-session-form'>
      <Text className='lr-section-title'>{creating ? '新增场次' : '修改场次'}</Text>
      <Text className='lr-note'>所有时间均为北京时间。</Text>
      <View className='lr-form'>
        <DateTimeField id='session-date' label='日期' mode='date' value={d.date} onChange={(date) => set({ date })} error={errors.date} />
        <DateTimeField id='session-start' label='开始时间' mode='time' value={d.startTime} onChange={(startTime) => set({ startTime })} error={errors.start} />
        <DateTimeField id='session-end' label='结束时间' mode='time' value={d.endTime} onChange={(endTime) => set({ endTime })} error={errors.end} />
        <TextField id='session-capacity' label='名额' type='number' value={d.capacity} onChange={(capacity) => set({ capacity })} error={errors.capacity} hint='报满后可排队候补' />
      </View>
      <View className='lr-form'>
        {creating ? (
          <ToggleField id='session-online' label='线上直播' checked={d.online} onChange={(online) => set({ online })} />
        ) : (
          <Text className='lr-note'>{d.online ? '线上直播（创建后不能改为线下）' : '线下（创建后不能改为线上）'}</Text>
        )}
        {!d.online ? (
          <TextField id='session-venue' className='lr-form__half' label='上课地点' value={d.venue} onChange={(venue) => set({ venue })} maxLength={200} error={errors.venue} />
        ) : null}
      </View>
      {d.online ? (
        <View className='lr-form'>
          <TextField
            id='session-live'
            className='lr-form__half'
            label='直播链接（可不填）'
            type='url'
            value={d.liveUrl}
            onChange={(liveUrl) => set({ liveUrl })}
            error={errors.liveUrl}
            hint='只在开课前 30 分钟到结束，显示给已报名的人'
          />
          <TextField
            id='session-replay'
            className='lr-form__half'
            label='回放链接（可不填）'
            type='url'
            value={d.replayUrl}
            onChange={(replayUrl) => set({ replayUrl })}
            error={errors.replayUrl}
            hint='结束后显示给已报名的人'
          />
        </View>
      ) : null}
      <View className='lr-form'>
        <DateTimeField id='session-deadline-date' label='报名截止日期（可不填）' mode='date' value={d.deadlineDate} onChange={(deadlineDate) => set({ deadlineDate })} error={errors.enrolmentDeadline} />
        <DateTimeField id='session-deadline-time' label='报名截止时间' mode='time' value={d.deadlineTime} onChange={(deadlineTime) => set({ deadlineTime })} hint='不填则开课时截止' />
      </View>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <View className='lr-toolbar__group'>
        <Button className='lr-btn lr-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
          {creating ? '添加场次' : '保存场次'}
        </Button>
        <Button className='lr-btn' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
