import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { StaffRole, type Center } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { addDays, formatDay, mondayOf, todayShanghai } from '../../../services/shanghai-time';
import { StaffLayout } from '../../components/staff-layout';
import { SelectField } from '../../components/select-field';
import { providersOf, staffBookings, type ProviderSummary, type StaffBooking } from '../../services/bookings';
import { LOGIN_PATH } from '../../services/staff-session';
import { isProvider, useStaff } from '../../services/use-staff';
import { CalendarGrid } from './week-grid';
import '../staff.scss';
import './index.scss';

type CalView = 'week' | 'day';
type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; items: StaffBooking[] };

export const DETAIL_PATH = '/staff/pages/bookings/detail';

/** The dates a view covers: a Monday-to-Sunday week, or one day. */
export function viewRange(view: CalView, anchor: string): { from: string; days: number } {
  return view === 'week' ? { from: mondayOf(anchor), days: 7 } : { from: anchor, days: 1 };
}

/**
 * 预约日历: bookings by week or day. A provider sees her own; center staff their center's (with a
 * provider filter); the city admin any center's.
 */
export default function StaffBookingsPage() {
  const { staff, error: staffError } = useStaff();
  const today = todayShanghai();
  const [view, setView] = useState<CalView>('week');
  const [anchor, setAnchor] = useState(today);
  const [centerId, setCenterId] = useState('');
  const [providerId, setProviderId] = useState('');
  const [centers, setCenters] = useState<Center[]>([]);
  const [providers, setProviders] = useState<ProviderSummary[]>([]);
  const [load, setLoad] = useState<Load>({ step: 'loading' });

  const isAdmin = staff?.role === 'admin';
  const canFilter = !!staff && !isProvider(staff);
  const scopeCenter = isAdmin ? centerId : staff?.centerId ?? '';
  const { from, days } = viewRange(view, anchor);

  useEffect(() => {
    if (isAdmin) listCenters().then(({ items }) => setCenters(items), () => setCenters([]));
  }, [isAdmin]);

  useEffect(() => {
    if (!canFilter) return;
    providersOf(scopeCenter || undefined).then(({ items }) => setProviders(items), () => setProviders([]));
  }, [canFilter, scopeCenter]);

  const fetchBookings = useCallback(async () => {
    if (!staff) return;
    setLoad({ step: 'loading' });
    try {
      const { items } = await staffBookings({
        from,
        to: addDays(from, days - 1),
        providerId: providerId || undefined,
        centerId: isAdmin && centerId ? centerId : undefined,
      });
      setLoad({ step: 'ready', items });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) Promise.resolve(Taro.redirectTo({ url: LOGIN_PATH })).catch(() => undefined);
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, [staff, from, days, providerId, isAdmin, centerId]);

  useEffect(() => {
    void fetchBookings();
  }, [fetchBookings]);

  const step = (n: number) => setAnchor(addDays(anchor, view === 'week' ? 7 * n : n));
  const open = (id: string) => Promise.resolve(Taro.navigateTo({ url: `${DETAIL_PATH}?id=${encodeURIComponent(id)}` })).catch(() => undefined);
  const rangeLabel = days === 1 ? formatDay(from) : `${formatDay(from)} – ${formatDay(addDays(from, 6))}`;

  return (
    <StaffLayout title='预约日历'>
      {staff ? (
        <Text className='cal-scope'>
          {staff.displayName} · {StaffRole.labels[staff.role]}
          {isProvider(staff) ? ' · 只显示你自己的预约' : ''}
        </Text>
      ) : null}
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}

      <View className='cal-toolbar'>
        <View className='cal-toolbar__group'>
          <Button className='cal-btn' onClick={() => step(-1)}>
            {view === 'week' ? '‹ 上一周' : '‹ 前一天'}
          </Button>
          <Button className='cal-btn' onClick={() => setAnchor(today)}>
            {view === 'week' ? '本周' : '今天'}
          </Button>
          <Button className='cal-btn' onClick={() => step(1)}>
            {view === 'week' ? '下一周 ›' : '后一天 ›'}
          </Button>
          <Text className='cal-range'>{rangeLabel}</Text>
        </View>
        <View className='cal-toolbar__group'>
          <Button className={`cal-btn ${view === 'day' ? 'cal-btn--on' : ''}`} onClick={() => setView('day')}>
            按日
          </Button>
          <Button className={`cal-btn ${view === 'week' ? 'cal-btn--on' : ''}`} onClick={() => setView('week')}>
            按周
          </Button>
          {isAdmin ? (
            <SelectField
              label='服务中心'
              value={centerId}
              options={[{ value: '', label: '全部中心' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]}
              onChange={(v) => {
                setCenterId(v);
                setProviderId('');
              }}
            />
          ) : null}
          {canFilter ? (
            <SelectField
              label='咨询人员'
              value={providerId}
              options={[{ value: '', label: '全部咨询人员' }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
              onChange={setProviderId}
            />
          ) : null}
        </View>
      </View>

      {load.step === 'loading' ? <Text className='cal-status'>正在加载…</Text> : null}
      {load.step === 'error' ? (
        <View className='staff-card'>
          <Text className='staff-error'>{load.message}</Text>
          <Button className='staff-btn staff-btn--quiet' onClick={() => void fetchBookings()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' ? (
        <View>
          <Text className='cal-count'>
            共 {load.items.filter((b) => b.status !== 'cancelled').length} 个有效预约
            {load.items.some((b) => b.status === 'cancelled') ? `，${load.items.filter((b) => b.status === 'cancelled').length} 个已取消` : ''}
          </Text>
          <CalendarGrid from={from} days={days} today={today} items={load.items} showProvider={!isProvider(staff)} onOpen={(id) => void open(id)} />
        </View>
      ) : null}
    </StaffLayout>
  );
}
