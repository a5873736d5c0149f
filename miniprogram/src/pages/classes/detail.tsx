import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ClassCategory, type ClassCourseDto, type ClassSessionDto, type EnrolResult } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { getClass, MY_CLASSES_PATH, myStatusText } from '../../services/classes';
import { openLink } from '../../services/links';
import { dateOf, formatDay, timeOf } from '../../services/shanghai-time';
import { loadTemplateIds, type TemplateIds } from '../../services/subscribe';
import { EnrolPanel } from './enrol-panel';
import { SessionLines } from './session-lines';
import './index.scss';

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; course: ClassCourseDto };

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

/** 报名截止：12月3日 周四 18:00 */
function deadlineText(iso: string): string {
  return `报名截止：${formatDay(dateOf(iso))} ${timeOf(iso)}`;
}

/** What she sees after enrolling: her place or her number on the waiting list. */
function Outcome({ result }: { result: EnrolResult }) {
  const waiting = result.status === 'waitlisted';
  return (
    <View className={`cl-mine-box ${waiting ? 'cl-mine-box--waitlisted' : ''} cl-outcome`}>
      <Text className='cl-mine-box__title'>{waiting ? `已进入候补 · 候补第 ${result.position ?? 1} 位` : '报名成功 · 已报名'}</Text>
      <Text className='cl-note'>
        {waiting ? '有人取消时按顺序自动递补，递补成功后“我的课程”会显示已报名。' : '开课前请留意时间；线下课程到场时出示“我的课程”里的签到码。'}
      </Text>
      <Button className='cl-secondary' onClick={() => go(MY_CLASSES_PATH)}>
        查看我的课程
      </Button>
    </View>
  );
}

interface SessionCardProps {
  session: ClassSessionDto;
  open: boolean;
  result: EnrolResult | null;
  templateIds: TemplateIds;
  onOpen: () => void;
  onClose: () => void;
  onDone: (r: EnrolResult) => void;
  onStale: () => void;
}

function SessionCard({ session: s, open, result, templateIds, onOpen, onClose, onDone, onStale }: SessionCardProps) {
  const ended = Date.parse(s.end) < Date.now();
  const holds = s.myStatus === 'enrolled' || s.myStatus === 'attended';
  const waiting = s.myStatus === 'waitlisted';
  return (
    <View className='cl-session cl-session--detail'>
      <SessionLines session={s} showPlaces={!ended} />
      {!ended ? <Text className='cl-session__deadline'>{deadlineText(s.enrolmentDeadline)}</Text> : null}

      {result ? <Outcome result={result} /> : null}
      {!result && (holds || waiting) ? (
        <View className={`cl-mine-box ${waiting ? 'cl-mine-box--waitlisted' : ''}`}>
          <Text className='cl-mine-box__title'>{waiting ? `你在候补第 ${s.myPosition ?? '?'} 位` : `你${myStatusText(s.myStatus, null)}`}</Text>
          {s.liveUrl ? (
            <Button className='cl-primary' onClick={() => openLink(s.liveUrl!)}>
              进入直播
            </Button>
          ) : null}
          {s.replayUrl ? (
            <Button className='cl-primary' onClick={() => openLink(s.replayUrl!)}>
              观看回放
            </Button>
          ) : null}
          {holds && s.online && !s.liveUrl && !s.replayUrl && !ended ? <Text className='cl-note'>直播链接在开课前 30 分钟显示。</Text> : null}
          <Button className='cl-link' onClick={() => go(MY_CLASSES_PATH)}>
            在“我的课程”查看
          </Button>
        </View>
      ) : null}

      {!result && !holds && !waiting && s.enrolmentOpen && !open ? (
        <Button className='cl-primary' onClick={onOpen}>
          {s.placesLeft > 0 ? '报名' : '候补报名'}
        </Button>
      ) : null}
      {!result && !holds && !waiting && !s.enrolmentOpen ? <Text className='cl-note'>{ended ? '已结束' : '报名已截止'}</Text> : null}
      {open && !result ? <EnrolPanel session={s} templateIds={templateIds} onClose={onClose} onDone={onDone} onStale={onStale} /> : null}
    </View>
  );
}

/** One course: what it is, who it is for, every session with enrolment. */
export default function ClassDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [load, setLoad] = useState<Load>({ step: 'loading' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, EnrolResult>>({});
  const [templateIds, setTemplateIds] = useState<TemplateIds>({});

  const fetchCourse = useCallback(async (quiet = false) => {
    if (!quiet) setLoad({ step: 'loading' });
    try {
      setLoad({ step: 'ready', course: await getClass(id) });
    } catch (e) {
      if (!quiet) setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, [id]);

  useEffect(() => {
    void fetchCourse();
    void loadTemplateIds().then(setTemplateIds);
  }, [fetchCourse]);

  const done = (sessionId: string, r: EnrolResult) => {
    setResults((all) => ({ ...all, [sessionId]: r }));
    setOpenId(null);
    void fetchCourse(true);
  };

  const now = Date.now();
  const sessions = load.step === 'ready' ? load.course.sessions : [];
  const upcoming = sessions.filter((s) => Date.parse(s.end) >= now);
  // Ended sessions matter only to those who held a place (the replay).
  const past = sessions.filter((s) => Date.parse(s.end) < now && (s.myStatus === 'enrolled' || s.myStatus === 'attended'));

  const card = (s: ClassSessionDto) => (
    <SessionCard
      key={s.id}
      session={s}
      open={openId === s.id}
      result={results[s.id] ?? null}
      templateIds={templateIds}
      onOpen={() => setOpenId(s.id)}
      onClose={() => setOpenId(null)}
      onDone={(r) => done(s.id, r)}
      onStale={() => void fetchCourse(true)}
    />
  );

  return (
    <SafePage className='class-detail'>
      {load.step === 'loading' ? <Text className='cl-status'>正在加载…</Text> : null}
      {load.step === 'error' ? (
        <View className='cl-status'>
          <Text>{load.message}</Text>
          <Button className='cl-secondary' onClick={() => void fetchCourse()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' ? (
        <View>
          <View className='cl-card'>
            <View className='cl-course__head'>
              <Text className='cl-course__title'>{load.course.title}</Text>
              <Text className='cl-tag'>{ClassCategory[load.course.category]}</Text>
            </View>
            {load.course.audience ? <Text className='cl-meta'>适合：{load.course.audience}</Text> : null}
            {load.course.centerName ? <Text className='cl-meta'>举办：{load.course.centerName}</Text> : null}
            {load.course.description ? <Text className='cl-desc'>{load.course.description}</Text> : null}
          </View>
          <Text className='cl-section-title'>场次</Text>
          <View className='cl-card'>
            {upcoming.length ? upcoming.map(card) : <Text className='cl-note'>近期没有场次，请稍后再来看看。</Text>}
          </View>
          {past.length ? (
            <View>
              <Text className='cl-section-title'>已结束</Text>
              <View className='cl-card'>{past.map(card)}</View>
            </View>
          ) : null}
          <Button className='cl-link' onClick={() => go(MY_CLASSES_PATH)}>
            我的课程
          </Button>
        </View>
      ) : null}
    </SafePage>
  );
}
