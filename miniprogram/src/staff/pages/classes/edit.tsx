import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ClassCategory, type Center, type StaffClassCourseDto, type StaffClassSessionDto } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { fieldErrorsOf } from '../../../services/field-errors';
import { newIdempotencyKey } from '../../../services/idempotency';
import { dateOf, formatRange, timeOf } from '../../../services/shanghai-time';
import { AreaField, TextField, ToggleField } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { createCourse, staffCourse, STAFF_CLASSES_PATH, STAFF_COURSE_PATH, STAFF_SESSION_PATH, updateCourse } from '../../services/staff-classes';
import { useStaff } from '../../services/use-staff';
import { courseDraftOf, emptyCourse, emptySession, sessionDraftOf, toCourseInput, toCourseUpdate, type CourseDraft } from './drafts';
import { SessionForm } from './session-form';
import '../staff.scss';
import '../learning.scss';

const CATEGORY_OPTIONS = Object.entries(ClassCategory).map(([value, label]) => ({ value, label }));

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

function SessionsTable({ course, onEdit }: { course: StaffClassCourseDto; onEdit: (s: StaffClassSessionDto) => void }) {
  if (!course.sessions.length) return <Text className='lr-counts'>还没有场次。</Text>;
  const now = Date.now();
  return (
    <View className='lr-table'>
      <View className='lr-tr lr-tr--head'>
        <Text className='lr-td lr-td--mid'>时间</Text>
        <Text className='lr-td lr-td--mid'>方式与地点</Text>
        <Text className='lr-td'>报名 / 名额</Text>
        <Text className='lr-td'>候补</Text>
        <Text className='lr-td'>签到</Text>
        <Text className='lr-td lr-td--mid'>报名截止</Text>
        <Text className='lr-td lr-td--actions'>操作</Text>
      </View>
      {[...course.sessions]
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((s) => (
          <View key={s.id} className='lr-tr lr-session-row'>
            <View className='lr-td lr-td--mid'>
              <Text className='lr-td__main'>{formatRange(s.start, s.end)}</Text>
              {Date.parse(s.end) < now ? <Text className='lr-td__sub'>已结束</Text> : null}
            </View>
            <View className='lr-td lr-td--mid'>
              <Text className='lr-td__main'>{s.online ? '线上直播' : '线下'}</Text>
              <Text className='lr-td__sub'>
                {s.online ? `${s.liveUrl ? '有直播链接' : '未填直播链接'}${s.replayUrl ? ' · 有回放' : ''}` : (s.venue ?? s.centerName ?? '')}
              </Text>
            </View>
            <Text className='lr-td'>
              {s.enrolled} / {s.capacity}
            </Text>
            <Text className='lr-td'>{s.waitlistLength}</Text>
            <Text className='lr-td'>{s.attended}</Text>
            <Text className='lr-td lr-td--mid'>
              {dateOf(s.enrolmentDeadline)} {timeOf(s.enrolmentDeadline)}
            </Text>
            <View className='lr-td lr-td--actions'>
              <Button className='lr-btn lr-btn--small' onClick={() => onEdit(s)}>
                修改
              </Button>
              <Button className='lr-btn lr-btn--small' onClick={() => go(`${STAFF_SESSION_PATH}?id=${encodeURIComponent(s.id)}&course=${encodeURIComponent(course.id)}`)}>
                名单与签到
              </Button>
            </View>
          </View>
        ))}
    </View>
  );
}

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; session: StaffClassSessionDto };

/** A course: its details, publishing, and its sessions (add, change, open the list for check-in). */
export default function StaffCourseEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { staff, error: staffError } = useStaff();
  const isAdmin = staff?.role === 'admin';
  const [course, setCourse] = useState<StaffClassCourseDto | null>(null);
  const [draft, setDraft] = useState<CourseDraft>(emptyCourse());
  const [centers, setCenters] = useState<Center[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newIdempotencyKey('course'));
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const set = (patch: Partial<CourseDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const fetchCourse = useCallback(async () => {
    if (!id) return;
    try {
      const c = await staffCourse(id);
      setCourse(c);
      setDraft(courseDraftOf(c));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);

  useEffect(() => {
    if (staff) void fetchCourse();
  }, [staff, fetchCourse]);

  useEffect(() => {
    if (isAdmin) listCenters().then(({ items }) => setCenters(items), () => setCenters([]));
  }, [isAdmin]);

  const save = async () => {
    if (busy) return;
    setError('');
    const result = course ? toCourseUpdate(draft) : toCourseInput(draft, isAdmin);
    setErrors(result.errors);
    if (!result.input) return;
    setBusy(true);
    try {
      if (course) {
        const updated = await updateCourse(course.id, result.input);
        setCourse(updated);
        setDraft(courseDraftOf(updated));
        toast('已保存');
      } else {
        const created = await createCourse(result.input as Parameters<typeof createCourse>[0], key);
        toast('课程已创建，请添加场次');
        Promise.resolve(Taro.redirectTo({ url: `${STAFF_COURSE_PATH}?id=${encodeURIComponent(created.id)}` })).catch(() => undefined);
      }
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const togglePublished = async () => {
    if (!course || busy) return;
    setBusy(true);
    setError('');
    try {
      const updated = await updateCourse(course.id, { published: !course.published });
      setCourse(updated);
      setDraft((d) => ({ ...d, published: updated.published }));
      toast(updated.published ? '课程已发布' : '课程已下架');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const actions = (
    <View className='lr-toolbar__group'>
      <Button className='lr-btn' onClick={() => Promise.resolve(Taro.redirectTo({ url: STAFF_CLASSES_PATH })).catch(() => undefined)}>
        返回课程列表
      </Button>
      {course ? (
        <Button className={`lr-btn ${course.published ? 'lr-btn--danger' : 'lr-btn--primary'}`} onClick={() => void togglePublished()}>
          {course.published ? '下架课程' : '发布课程'}
        </Button>
      ) : null}
    </View>
  );

  return (
    <StaffLayout title={course ? course.title : id ? '编辑课程' : '新建课程'} nav='classes' wide actions={actions}>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      {course ? (
        <Text className='lr-counts'>
          <Text className={`lr-tag ${course.published ? 'lr-tag--on' : ''}`}>{course.published ? '已发布' : '未发布'}</Text> · {course.centerName ?? '全市课程'}
        </Text>
      ) : null}
      <View className='staff-card'>
        <Text className='lr-section-title'>课程信息</Text>
        <View className='lr-form'>
          <SelectField id='course-category' label='类别' value={draft.category} options={CATEGORY_OPTIONS} onChange={(v) => set({ category: v as CourseDraft['category'] })} />
          {!course && isAdmin ? (
            <SelectField
              id='course-center'
              label='开课中心'
              value={draft.centerId}
              options={[{ value: '', label: '全市课程（不限中心）' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]}
              onChange={(centerId) => set({ centerId })}
            />
          ) : null}
          {!course ? <ToggleField id='course-published' label='创建后立即发布' checked={draft.published} onChange={(published) => set({ published })} /> : null}
        </View>
        {errors.category ? <Text className='staff-error'>{errors.category}</Text> : null}
        <TextField id='course-title' className='lr-form__full' label='课程名称' value={draft.title} maxLength={100} onChange={(title) => set({ title })} error={errors.title} />
        <TextField id='course-audience' className='lr-form__full' label='适合对象' value={draft.audience} maxLength={200} onChange={(audience) => set({ audience })} error={errors.audience} />
        <AreaField id='course-description' className='lr-form__full' label='课程介绍' value={draft.description} maxLength={3000} rows={6} onChange={(description) => set({ description })} error={errors.description} />
        {error ? <Text className='staff-error'>{error}</Text> : null}
        <View className='lr-toolbar__group'>
          <Button className='lr-btn lr-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
            {course ? '保存课程信息' : '创建课程'}
          </Button>
        </View>
      </View>

      {course ? (
        <View>
          <View className='lr-toolbar'>
            <Text className='lr-section-title'>场次</Text>
            {editing.kind === 'none' ? (
              <Button className='lr-btn lr-btn--primary' onClick={() => setEditing({ kind: 'new' })}>
                + 新增场次
              </Button>
            ) : null}
          </View>
          {editing.kind !== 'none' ? (
            <SessionForm
              key={editing.kind === 'edit' ? editing.session.id : 'new'}
              courseId={course.id}
              sessionId={editing.kind === 'edit' ? editing.session.id : null}
              initial={editing.kind === 'edit' ? sessionDraftOf(editing.session) : emptySession()}
              onSaved={(updated) => {
                setCourse(updated);
                setEditing({ kind: 'none' });
                toast('场次已保存');
              }}
              onCancel={() => setEditing({ kind: 'none' })}
            />
          ) : null}
          <SessionsTable course={course} onEdit={(session) => setEditing({ kind: 'edit', session })} />
        </View>
      ) : null}
    </StaffLayout>
  );
}
