import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ClassCategory, type Center, type StaffClassCourseDto } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { SelectField } from '../../components/select-field';
import { usePublishToggle } from '../../services/use-publish-toggle';
import { StaffLayout } from '../../components/staff-layout';
import { staffCourses, STAFF_COURSE_PATH, updateCourse } from '../../services/staff-classes';
import { useStaff } from '../../services/use-staff';
import '../staff.scss';
import '../learning.scss';

const CATEGORY_OPTIONS = [{ value: '', label: '全部类别' }, ...Object.entries(ClassCategory).map(([value, label]) => ({ value, label }))];

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

/** The next session that has not ended, with its places. */
function nextSession(c: StaffClassCourseDto) {
  const now = Date.now();
  return c.sessions.filter((s) => Date.parse(s.end) > now).sort((a, b) => a.start.localeCompare(b.start))[0];
}

/** 课程管理: courses of her center (all for the city admin), publish or withdraw, open to edit. */
export default function StaffClassesPage() {
  const { staff, error: staffError } = useStaff();
  const [category, setCategory] = useState('');
  const [centerId, setCenterId] = useState('');
  const [centers, setCenters] = useState<Center[]>([]);
  const [items, setItems] = useState<StaffClassCourseDto[] | null>(null);
  const [error, setError] = useState('');
  const run = useRef(0);
  const isAdmin = staff?.role === 'admin';

  useEffect(() => {
    if (isAdmin) listCenters().then(({ items: all }) => setCenters(all), () => setCenters([]));
  }, [isAdmin]);

  const load = async () => {
    const mine = ++run.current;
    setError('');
    try {
      const { items: all } = await staffCourses({ category: (category || undefined) as ClassCategory | undefined, centerId: centerId || undefined });
      if (mine === run.current) setItems(all);
    } catch (e) {
      if (mine === run.current) setError(errorMessage(e));
    }
  };

  useEffect(() => {
    if (staff) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, category, centerId]);

  const { busyId, toggle: togglePublished } = usePublishToggle((id, published) => updateCourse(id, { published }), setItems, setError, { published: '课程已发布', withdrawn: '课程已下架' });

  return (
    <StaffLayout title='课程管理' wide>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      <View className='lr-toolbar'>
        <View className='lr-toolbar__group'>
          <SelectField label='类别' value={category} options={CATEGORY_OPTIONS} onChange={setCategory} />
          {isAdmin ? (
            <SelectField
              label='中心'
              value={centerId}
              options={[{ value: '', label: '全部中心' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]}
              onChange={setCenterId}
            />
          ) : null}
        </View>
        <Button className='lr-btn lr-btn--primary' onClick={() => go(STAFF_COURSE_PATH)}>
          + 新建课程
        </Button>
      </View>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {items === null && !error ? <Text className='lr-counts'>正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className='lr-counts'>还没有课程。点“新建课程”添加第一门。</Text> : null}
      {items && items.length ? (
        <View className='lr-table'>
          <View className='lr-tr lr-tr--head'>
            <Text className='lr-td lr-td--wide'>课程</Text>
            <Text className='lr-td'>类别</Text>
            <Text className='lr-td lr-td--mid'>开课中心</Text>
            <Text className='lr-td lr-td--mid'>下一场</Text>
            <Text className='lr-td'>状态</Text>
            <Text className='lr-td lr-td--actions'>操作</Text>
          </View>
          {items.map((c) => {
            const next = nextSession(c);
            return (
              <View key={c.id} className='lr-tr lr-course-row'>
                <View className='lr-td lr-td--wide'>
                  <Text className='lr-td__main'>{c.title}</Text>
                  <Text className='lr-td__sub'>
                    共 {c.sessions.length} 场{c.sample ? ' · 示例' : ''}
                  </Text>
                </View>
                <Text className='lr-td'>{ClassCategory[c.category]}</Text>
                <Text className='lr-td lr-td--mid'>{c.centerName ?? '全市'}</Text>
                <View className='lr-td lr-td--mid'>
                  {next ? (
                    <View>
                      <Text className='lr-td__main'>
                        {dateOf(next.start)} {timeOf(next.start)}
                      </Text>
                      <Text className='lr-td__sub'>
                        已报名 {next.enrolled}/{next.capacity}
                        {next.waitlistLength ? ` · 候补 ${next.waitlistLength}` : ''}
                      </Text>
                    </View>
                  ) : (
                    <Text className='lr-td__sub'>没有未结束的场次</Text>
                  )}
                </View>
                <View className='lr-td'>
                  <Text className={`lr-tag ${c.published ? 'lr-tag--on' : ''}`}>{c.published ? '已发布' : '未发布'}</Text>
                </View>
                <View className='lr-td lr-td--actions'>
                  <Button className='lr-btn lr-btn--small' onClick={() => go(`${STAFF_COURSE_PATH}?id=${encodeURIComponent(c.id)}`)}>
                    编辑与场次
                  </Button>
                  <Button className='lr-btn lr-btn--small' {...(busyId === c.id ? { loading: true, disabled: true } : {})} onClick={() => void togglePublished(c)}>
                    {c.published ? '下架' : '发布'}
                  </Button>
                </View>
              </View>
            );
          })}
        </View>
      ) : null}
    </StaffLayout>
  );
}
