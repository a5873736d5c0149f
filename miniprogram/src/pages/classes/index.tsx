import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ClassCategory, type ClassCourseDto } from '@zjh/shared';
import { useRef, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { CLASS_DETAIL_PATH, CLASS_TABS, listClasses, MY_CLASSES_PATH, myStatusText } from '../../services/classes';
import { SessionLines } from './session-lines';
import './index.scss';

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; items: ClassCourseDto[] };

/** Sessions shown on a list card; the rest are on the detail page. */
const SHOWN_SESSIONS = 3;

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

function CourseCard({ course }: { course: ClassCourseDto }) {
  const shown = course.sessions.slice(0, SHOWN_SESSIONS);
  const hidden = course.sessions.length - shown.length;
  return (
    <View className='cl-card cl-course' onClick={() => go(`${CLASS_DETAIL_PATH}?id=${encodeURIComponent(course.id)}`)}>
      <View className='cl-course__head'>
        <Text className='cl-course__title'>{course.title}</Text>
        <Text className='cl-tag'>{ClassCategory[course.category]}</Text>
      </View>
      {course.audience ? <Text className='cl-meta'>适合：{course.audience}</Text> : null}
      {course.centerName ? <Text className='cl-meta'>举办：{course.centerName}</Text> : null}
      {shown.map((s) => (
        <View key={s.id} className='cl-session'>
          <SessionLines session={s} />
          {s.myStatus && s.myStatus !== 'cancelled' ? (
            <Text className={`cl-tag cl-tag--${s.myStatus}`}>{myStatusText(s.myStatus, s.myPosition)}</Text>
          ) : null}
        </View>
      ))}
      {course.sessions.length === 0 ? <Text className='cl-note'>近期没有场次。</Text> : null}
      {hidden > 0 ? <Text className='cl-more'>还有 {hidden} 场，查看详情 ›</Text> : <Text className='cl-more'>查看详情与报名 ›</Text>}
    </View>
  );
}

/** 家长学堂: published courses by category, each with its coming sessions and places left. */
export default function ClassesPage() {
  const [tab, setTab] = useState<ClassCategory>(CLASS_TABS[0]);
  const [load, setLoad] = useState<Load>({ step: 'loading' });
  const run = useRef(0);

  const fetchTab = async (category: ClassCategory) => {
    const mine = ++run.current;
    setLoad({ step: 'loading' });
    try {
      const { items } = await listClasses(category);
      if (mine === run.current) setLoad({ step: 'ready', items });
    } catch (e) {
      if (mine === run.current) setLoad({ step: 'error', message: errorMessage(e) });
    }
  };

  // Also when she comes back from enrolling, so places and her status are current.
  useDidShow(() => {
    void fetchTab(tab);
  });

  const choose = (category: ClassCategory) => {
    if (category === tab) return;
    setTab(category);
    void fetchTab(category);
  };

  return (
    <SafePage className='classes'>
      <View className='cl-top-links'>
        <Button className='cl-link' onClick={() => go(MY_CLASSES_PATH)}>
          我的课程
        </Button>
      </View>
      <Text className='cl-title'>家长学堂</Text>
      <Text className='cl-lead'>家庭教育、心理健康和普法课程，线上直播或到中心参加，免费报名。</Text>
      <View className='cl-tabs'>
        {CLASS_TABS.map((c) => (
          <Button key={c} className={`cl-tab ${c === tab ? 'cl-tab--on' : ''}`} onClick={() => choose(c)}>
            {ClassCategory[c]}
          </Button>
        ))}
      </View>
      {load.step === 'loading' ? <Text className='cl-status'>正在加载…</Text> : null}
      {load.step === 'error' ? (
        <View className='cl-status'>
          <Text>{load.message}</Text>
          <Button className='cl-secondary' onClick={() => void fetchTab(tab)}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' && load.items.length === 0 ? <Text className='cl-status'>这个类别近期没有课程，请稍后再来看看。</Text> : null}
      {load.step === 'ready' ? load.items.map((c) => <CourseCard key={c.id} course={c} />) : null}
    </SafePage>
  );
}
