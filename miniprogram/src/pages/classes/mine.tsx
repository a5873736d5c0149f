import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ClassCategory, type MyEnrolmentDto } from '@zjh/shared';
import { useCallback, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage, toast } from '../../services/api';
import { CLASSES_PATH, leaveSession, myEnrolments, myStatusText, whereText } from '../../services/classes';
import { openLink } from '../../services/links';
import { formatRange } from '../../services/shanghai-time';
import './index.scss';

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; items: MyEnrolmentDto[] };

/** Coming: holding a place or waiting, and not over yet. Everything else is history. */
export function splitEnrolments(items: MyEnrolmentDto[], now: Date = new Date()) {
  const active = items
    .filter((e) => e.status !== 'cancelled' && Date.parse(e.session.end) > now.getTime())
    .sort((a, b) => a.session.start.localeCompare(b.session.start));
  const past = items.filter((e) => !active.includes(e)).sort((a, b) => b.session.start.localeCompare(a.session.start));
  return { active, past };
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='cl-row'>
      <Text className='cl-row__label'>{label}</Text>
      <Text className='cl-row__value'>{value}</Text>
    </View>
  );
}

function EnrolmentCard({ item, active, onChanged }: { item: MyEnrolmentDto; active: boolean; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const s = item.session;
  const waiting = item.status === 'waitlisted';

  const leave = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await leaveSession(s.id);
      toast(waiting ? '已退出候补' : '已取消报名');
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`cl-card cl-enrolment ${active ? '' : 'cl-enrolment--past'}`}>
      <View className='cl-course__head'>
        <Text className='cl-course__title'>{item.course.title}</Text>
        <Text className={`cl-tag cl-tag--${item.status}`}>{myStatusText(item.status, item.position)}</Text>
      </View>
      <Row label='类别' value={ClassCategory[item.course.category]} />
      <Row label='时间' value={formatRange(s.start, s.end)} />
      <Row label='方式' value={whereText(s)} />

      {active && waiting ? <Text className='cl-note'>有人取消时按报名先后自动递补，递补成功后这里会显示“已报名”。</Text> : null}
      {active && item.status === 'enrolled' && !s.online && item.checkInCode ? (
        <View className='cl-code'>
          <Text className='cl-code__label'>签到码</Text>
          <Text className='cl-code__value'>{item.checkInCode}</Text>
          <Text className='cl-code__hint'>到场后把这个签到码给工作人员看</Text>
        </View>
      ) : null}
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
      {active && item.status === 'enrolled' && s.online && !s.liveUrl ? <Text className='cl-note'>直播链接在开课前 30 分钟显示在这里。</Text> : null}

      {active && item.canCancel && !confirming ? (
        <Button className='cl-secondary' onClick={() => setConfirming(true)}>
          {waiting ? '退出候补' : '取消报名'}
        </Button>
      ) : null}
      {active && confirming ? (
        <View className='cl-confirm'>
          <Text className='cl-confirm__title'>{waiting ? '确定退出候补吗？' : '确定取消报名吗？'}</Text>
          <Text className='cl-note'>{waiting ? '退出后不再为你保留候补位置。' : '取消后名额会让给候补的人。'}</Text>
          <Button className='cl-danger' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void leave()}>
            {waiting ? '确定退出' : '确定取消'}
          </Button>
          <Button className='cl-secondary' onClick={() => setConfirming(false)}>
            {waiting ? '继续候补' : '不取消'}
          </Button>
        </View>
      ) : null}
      {error ? <Text className='cl-error'>{error}</Text> : null}
    </View>
  );
}

/** 我的课程: her places and waiting-list numbers, the check-in code, links, cancel / leave the list. */
export default function MyClassesPage() {
  const [load, setLoad] = useState<Load>({ step: 'loading' });

  const fetchMine = useCallback(async (quiet = false) => {
    if (!quiet) setLoad({ step: 'loading' });
    try {
      const { items } = await myEnrolments();
      setLoad({ step: 'ready', items });
    } catch (e) {
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, []);

  useDidShow(() => {
    void fetchMine();
  });

  const browse = () => Promise.resolve(Taro.navigateTo({ url: CLASSES_PATH })).catch(() => undefined);
  const { active, past } = load.step === 'ready' ? splitEnrolments(load.items) : { active: [], past: [] };

  return (
    <SafePage className='my-classes'>
      <Text className='cl-title'>我的课程</Text>
      {load.step === 'loading' ? <Text className='cl-status'>正在加载…</Text> : null}
      {load.step === 'error' ? (
        <View className='cl-status'>
          <Text>{load.message}</Text>
          <Button className='cl-secondary' onClick={() => void fetchMine()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' && load.items.length === 0 ? <Text className='cl-status'>你还没有报名课程。</Text> : null}
      {active.length ? <Text className='cl-section-title'>即将开始</Text> : null}
      {active.map((e) => (
        <EnrolmentCard key={e.id} item={e} active onChanged={() => void fetchMine(true)} />
      ))}
      {past.length ? <Text className='cl-section-title'>已结束或已取消</Text> : null}
      {past.map((e) => (
        <EnrolmentCard key={e.id} item={e} active={false} onChanged={() => void fetchMine(true)} />
      ))}
      {load.step === 'ready' ? (
        <Button className='cl-primary' onClick={() => void browse()}>
          浏览课程
        </Button>
      ) : null}
    </SafePage>
  );
}
