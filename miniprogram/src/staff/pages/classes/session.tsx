import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { EnrolmentStatus, type StaffClassCourseDto, type StaffEnrolmentDto } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { dateOf, formatRange, timeOf } from '../../../services/shanghai-time';
import { TextField } from '../../components/form-fields';
import { StaffLayout } from '../../components/staff-layout';
import { checkIn, sessionEnrolments, staffCourse, STAFF_COURSE_PATH } from '../../services/staff-classes';
import { useStaff } from '../../services/use-staff';
import '../staff.scss';
import '../learning.scss';

const ORDER: Record<string, number> = { enrolled: 0, attended: 0, waitlisted: 1, cancelled: 2 };

/** Holding a place first (in enrolment order), then the waiting list by position, then cancelled. */
export function sortEnrolments(items: StaffEnrolmentDto[]): StaffEnrolmentDto[] {
  return [...items].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.position ?? 0) - (b.position ?? 0) || a.createdAt.localeCompare(b.createdAt));
}

function statusText(e: StaffEnrolmentDto): string {
  return e.status === 'waitlisted' && e.position ? `候补第 ${e.position} 位` : EnrolmentStatus[e.status];
}

/** A session's list: who holds a place, who waits, check-in by button or by the code she shows. */
export default function StaffSessionPage() {
  const { params } = useRouter();
  const sessionId = params.id ?? '';
  const courseId = params.course ?? '';
  const { staff, error: staffError } = useStaff();
  const [course, setCourse] = useState<StaffClassCourseDto | null>(null);
  const [items, setItems] = useState<StaffEnrolmentDto[] | null>(null);
  const [error, setError] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');
  const [last, setLast] = useState('');
  const [busy, setBusy] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      const [list, c] = await Promise.all([sessionEnrolments(sessionId), courseId ? staffCourse(courseId) : Promise.resolve(null)]);
      setItems(list.items);
      setCourse(c);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [sessionId, courseId]);

  useEffect(() => {
    if (staff) void load();
  }, [staff, load]);

  const replace = (updated: StaffEnrolmentDto) => setItems((all) => (all ?? []).map((e) => (e.id === updated.id ? updated : e)));

  const byCode = async () => {
    if (busy) return;
    const clean = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{6}$/.test(clean)) {
      setCodeError('签到码为 6 位字母或数字');
      return;
    }
    setBusy('code');
    setCodeError('');
    setLast('');
    try {
      const updated = await checkIn(sessionId, { code: clean });
      replace(updated);
      setCode('');
      setLast(`已签到：${updated.name ?? '未留称呼'}（签到码 ${clean}）`);
      toast('已签到');
    } catch (e) {
      setCodeError(errorMessage(e));
    } finally {
      setBusy('');
    }
  };

  const byRow = async (e: StaffEnrolmentDto) => {
    if (busy) return;
    setBusy(e.id);
    setError('');
    try {
      replace(await checkIn(sessionId, { enrollmentId: e.id }));
      toast('已签到');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy('');
    }
  };

  const session = course?.sessions.find((s) => s.id === sessionId) ?? null;
  const list = items ? sortEnrolments(items) : [];
  const count = (status: string) => list.filter((e) => e.status === status).length;

  const back = courseId ? (
    <Button className='lr-btn' onClick={() => Promise.resolve(Taro.redirectTo({ url: `${STAFF_COURSE_PATH}?id=${encodeURIComponent(courseId)}` })).catch(() => undefined)}>
      返回课程
    </Button>
  ) : undefined;

  return (
    <StaffLayout title='报名名单与签到' nav='classes' wide actions={back}>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      {course && session ? (
        <Text className='lr-counts'>
          {course.title} · {formatRange(session.start, session.end)} · {session.online ? '线上直播' : (session.venue ?? '线下')}
        </Text>
      ) : null}

      <View className='staff-card'>
        <Text className='lr-section-title'>按签到码签到</Text>
        <View className='lr-checkin'>
          <TextField id='checkin-code' label='她出示的 6 位签到码' value={code} maxLength={6} onChange={(v) => setCode(v.toUpperCase())} placeholder='如 K7Q2MX' error={codeError} />
          <Button className='lr-btn lr-btn--primary' {...(busy === 'code' ? { loading: true, disabled: true } : {})} onClick={() => void byCode()}>
            签到
          </Button>
        </View>
        {last ? <Text className='lr-ok'>{last}</Text> : null}
        <Text className='lr-note'>开课前 1 小时起可以签到。也可以在下面的名单里逐个签到。</Text>
      </View>

      {error ? <Text className='staff-error'>{error}</Text> : null}
      {items ? (
        <Text className='lr-counts'>
          已报名 {count('enrolled') + count('attended')} 人 · 已签到 {count('attended')} 人 · 候补 {count('waitlisted')} 人
          {session ? ` · 名额 ${session.capacity}` : ''}
        </Text>
      ) : null}
      {items === null && !error ? <Text className='lr-counts'>正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className='lr-counts'>还没有人报名。</Text> : null}
      {list.length ? (
        <View className='lr-table'>
          <View className='lr-tr lr-tr--head'>
            <Text className='lr-td'>称呼</Text>
            <Text className='lr-td'>电话</Text>
            <Text className='lr-td'>状态</Text>
            <Text className='lr-td'>报名时间</Text>
            <Text className='lr-td'>签到时间</Text>
            <Text className='lr-td lr-td--actions'>操作</Text>
          </View>
          {list.map((e) => (
            <View key={e.id} className='lr-tr lr-enrolment-row'>
              <Text className='lr-td'>{e.name ?? '未留称呼'}</Text>
              <Text className='lr-td'>{e.phone ?? '—'}</Text>
              <View className='lr-td'>
                <Text className={`lr-tag lr-tag--${e.status}`}>{statusText(e)}</Text>
              </View>
              <Text className='lr-td'>
                {dateOf(e.createdAt)} {timeOf(e.createdAt)}
              </Text>
              <Text className='lr-td'>{e.attendedAt ? `${dateOf(e.attendedAt)} ${timeOf(e.attendedAt)}` : '—'}</Text>
              <View className='lr-td lr-td--actions'>
                {e.status === 'enrolled' ? (
                  <Button className='lr-btn lr-btn--small' {...(busy === e.id ? { loading: true, disabled: true } : {})} onClick={() => void byRow(e)}>
                    签到
                  </Button>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </StaffLayout>
  );
}
