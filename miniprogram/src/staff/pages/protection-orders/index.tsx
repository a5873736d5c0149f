import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Center, StaffPoSummary } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { loadBoard, PO_DETAIL_PATH, startExtension, type PoBoardCounts, type PoBoardFilters } from '../../services/staff-protection-orders';
import { useStaff } from '../../services/use-staff';
import { decisionClock, groupByStatus, validityText } from './board-model';
import '../staff.scss';
import './index.scss';

const when = (iso: string) => `${dateOf(iso).slice(5)} ${timeOf(iso)}`;

type Quick = 'all' | 'waiting' | 'overdue' | 'expiring';

const QUICK: Record<Quick, PoBoardFilters> = {
  all: {},
  waiting: { status: ['submitted'] },
  overdue: { overdue: true },
  expiring: { expiring: true },
};

function Row({ item, now, onOpen, onExtend, extending }: { item: StaffPoSummary; now: Date; onOpen: () => void; onExtend: () => void; extending: boolean }) {
  const clock = decisionClock(item, now);
  const validity = ['granted', 'delivered'].includes(item.status) ? validityText(item, now) : null;
  return (
    <View className={`po-row ${clock?.overdue ? 'po-row--overdue' : ''}`} id={`po-${item.id}`}>
      <View className='po-row__main' onClick={onOpen}>
        <View className='po-row__line'>
          <Text className='po-row__name'>{item.applicant}</Text>
          {item.urgent ? <Text className='po-badge po-badge--urgent'>急</Text> : null}
          {item.extendsId ? <Text className='po-badge po-badge--soft'>延长申请</Text> : null}
        </View>
        <Text className='po-row__meta'>{`${item.court ?? '未选法院'}${item.center ? ` · ${item.center.name}` : ''}`}</Text>
        <Text className='po-row__meta'>{item.submittedAt ? `提交 ${when(item.submittedAt)}` : '未提交'}</Text>
        {clock ? (
          <Text className={`po-clock ${clock.overdue ? 'po-clock--overdue' : ''}`}>{`裁定期限 ${when(item.decisionDueAt!)} · ${clock.text}`}</Text>
        ) : null}
        {validity ? (
          <View className='po-row__line'>
            <Text className='po-row__meta'>{validity}</Text>
            {item.expiringSoon ? <Text className='po-badge po-badge--warn'>即将到期</Text> : null}
            {item.extendedById ? <Text className='po-badge po-badge--soft'>已申请延长</Text> : null}
          </View>
        ) : null}
      </View>
      {item.canExtend && item.expiringSoon ? (
        <Button className='staff-btn po-btn po-btn--primary' {...(extending ? { loading: true, disabled: true } : {})} onClick={onExtend}>
          申请延长
        </Button>
      ) : null}
    </View>
  );
}

/** The center's protection-order board: one column per status, the court's clock and the orders about to end. */
export default function StaffProtectionOrdersPage() {
  const { staff, error: staffError } = useStaff();
  const [quick, setQuick] = useState<Quick>('all');
  const [centerId, setCenterId] = useState('');
  const [centers, setCenters] = useState<Center[]>([]);
  const [items, setItems] = useState<StaffPoSummary[]>([]);
  const [counts, setCounts] = useState<PoBoardCounts | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const [extending, setExtending] = useState('');
  const [now, setNow] = useState(() => new Date());
  const run = useRef(0);

  const load = async () => {
    const mine = ++run.current;
    setError('');
    try {
      const board = await loadBoard({ ...QUICK[quick], centerId: centerId || undefined });
      if (mine !== run.current) return;
      setItems(board.items);
      setCounts(board.counts);
      setNow(new Date());
      setLoaded(true);
    } catch (e) {
      if (mine === run.current) setError(errorMessage(e));
    }
  };

  useEffect(() => {
    if (staff) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, quick, centerId]);

  useEffect(() => {
    if (staff?.role === 'admin') {
      listCenters()
        .then((c) => setCenters(c.items))
        .catch(() => undefined);
    }
  }, [staff]);

  // The clocks move on while the board is open.
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(t);
  }, []);

  const open = (id: string) => Promise.resolve(Taro.navigateTo({ url: `${PO_DETAIL_PATH}?id=${encodeURIComponent(id)}` })).catch(() => undefined);
  const extend = async (id: string) => {
    setExtending(id);
    try {
      await startExtension(id);
      toast('已为她新建延长申请，她在“我的申请”里继续填写');
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExtending('');
    }
  };

  const chip = (key: Quick, label: string, count: number | undefined) => (
    <Text key={key} id={`chip-${key}`} className={`po-chip po-chip--${key} ${quick === key ? 'po-chip--on' : ''}`} onClick={() => setQuick(key)}>
      {`${label} ${count ?? '–'}`}
    </Text>
  );

  return (
    <StaffLayout title='保护令申请' nav='protection-orders' wide>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      <View className='staff-card po-toolbar'>
        <View className='po-chips'>
          {chip('all', '全部', counts?.total)}
          {chip('waiting', '待审核', counts?.waiting)}
          {chip('overdue', '裁定超时', counts?.overdue)}
          {chip('expiring', '即将到期', counts?.expiring)}
        </View>
        {staff?.role === 'admin' ? (
          <SelectField
            id='filter-center'
            label='服务中心'
            value={centerId}
            options={[{ value: '', label: '全部中心' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]}
            onChange={setCenterId}
          />
        ) : null}
        <Text className='staff-hint po-toolbar__hint'>法院受理后 72 小时内（紧急 24 小时内）作出裁定；保护令到期前 14 天显示“即将到期”，可为她申请延长。</Text>
      </View>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {loaded && items.length === 0 ? (
        <View className='staff-card staff-empty'>
          <Text className='staff-empty__title'>暂无申请</Text>
        </View>
      ) : null}
      <View className='po-board'>
        {groupByStatus(items)
          .filter((g) => g.items.length > 0 || quick === 'all')
          .filter((g) => g.items.length > 0 || g.status !== 'withdrawn')
          .map((g) => (
            <View key={g.status} className={`po-column po-column--${g.status}`} id={`column-${g.status}`}>
              <View className='po-column__head'>
                <Text className='po-column__title'>{g.title}</Text>
                <Text className='po-column__count'>{g.items.length}</Text>
              </View>
              {g.items.length === 0 ? <Text className='po-column__empty'>暂无</Text> : null}
              {g.items.map((item) => (
                <Row key={item.id} item={item} now={now} onOpen={() => open(item.id)} onExtend={() => void extend(item.id)} extending={extending === item.id} />
              ))}
            </View>
          ))}
      </View>
    </StaffLayout>
  );
}
