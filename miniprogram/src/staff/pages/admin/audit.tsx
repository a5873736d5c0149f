import { Button, Text, View } from '@tarojs/components';
import type { AuditEntry, Center } from '@zjh/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { DateTimeField } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { auditLog, publicCenters, type AuditFilters } from '../../services/staff-admin';
import { useStaff } from '../../services/use-staff';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, entityLabel } from './audit-labels';
import '../staff.scss';
import '../learning.scss';
import './admin.scss';

const ACTION_OPTIONS = [{ value: '', label: '全部操作' }, ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))];
const ENTITY_OPTIONS = [{ value: '', label: '全部对象' }, ...Object.entries(AUDIT_ENTITY_TYPES).map(([value, label]) => ({ value, label }))];

/** Calendar days are Shanghai days: the range covers the whole of both days. */
function toQuery(f: { fromDate: string; toDate: string; action: string; entityType: string; centerId: string }): AuditFilters {
  return {
    from: f.fromDate ? `${f.fromDate}T00:00:00+08:00` : undefined,
    to: f.toDate ? `${f.toDate}T23:59:59.999+08:00` : undefined,
    action: f.action || undefined,
    entityType: f.entityType || undefined,
    centerId: f.centerId || undefined,
  };
}

/** 审计日志: who did what to which record, newest first. Center staff see their own center only. */
export default function AdminAuditPage() {
  const { staff, error: staffError } = useStaff();
  const [centers, setCenters] = useState<Center[]>([]);
  const [filters, setFilters] = useState({ fromDate: '', toDate: '', action: '', entityType: '', centerId: '' });
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const run = useRef(0);
  const isAdmin = staff?.role === 'admin';

  useEffect(() => {
    publicCenters().then(({ items: all }) => setCenters(all), () => undefined);
  }, []);

  useEffect(() => {
    if (!staff) return;
    const mine = ++run.current;
    setError('');
    setItems(null);
    auditLog(toQuery(filters)).then(
      (page) => {
        if (mine !== run.current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      },
      (e: unknown) => mine === run.current && setError(errorMessage(e)),
    );
  }, [staff, filters]);

  const more = async () => {
    if (!cursor || loadingMore) return;
    const mine = run.current;
    setLoadingMore(true);
    try {
      const page = await auditLog(toQuery(filters), cursor);
      if (mine !== run.current) return;
      setItems((all) => [...(all ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const centerNames = useMemo(() => new Map(centers.map((c) => [c.id, c.name])), [centers]);
  const set = (k: keyof typeof filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }));
  const ownCenter = staff?.centerId ? centerNames.get(staff.centerId) : undefined;

  return (
    <StaffLayout title='审计日志' wide>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      {staff && !isAdmin ? <Text className='lr-note'>只显示本中心{ownCenter ? `（${ownCenter}）` : ''}的记录。</Text> : null}
      <View className='lr-toolbar'>
        <View className='lr-toolbar__group'>
          <DateTimeField id='audit-from' label='起始日期' mode='date' value={filters.fromDate} onChange={set('fromDate')} />
          <DateTimeField id='audit-to' label='结束日期' mode='date' value={filters.toDate} onChange={set('toDate')} />
          <SelectField id='audit-action' label='操作' value={filters.action} options={ACTION_OPTIONS} onChange={set('action')} />
          <SelectField id='audit-entity' label='对象' value={filters.entityType} options={ENTITY_OPTIONS} onChange={set('entityType')} />
          {isAdmin ? (
            <SelectField id='audit-center' label='中心' value={filters.centerId} options={[{ value: '', label: '全部中心' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]} onChange={set('centerId')} />
          ) : null}
        </View>
      </View>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {items === null && !error ? <Text className='lr-counts'>正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className='lr-counts'>没有符合条件的记录。</Text> : null}
      {items && items.length ? (
        <View className='lr-table'>
          <View className='lr-tr lr-tr--head'>
            <Text className='lr-td lr-td--mid'>时间</Text>
            <Text className='lr-td'>操作人</Text>
            <Text className='lr-td'>操作</Text>
            <Text className='lr-td lr-td--wide'>对象</Text>
            <Text className='lr-td lr-td--wide'>中心</Text>
          </View>
          {items.map((e) => (
            <View key={e.id} className='lr-tr adm-audit-row'>
              <Text className='lr-td lr-td--mid'>
                {dateOf(e.at)} {timeOf(e.at)}
              </Text>
              <Text className='lr-td'>{e.actorName}</Text>
              <Text className='lr-td'>{actionLabel(e.action)}</Text>
              <View className='lr-td lr-td--wide'>
                <Text className='lr-td__main'>{entityLabel(e.entityType)}</Text>
                {e.entityId ? <Text className='lr-td__sub adm-mono'>{e.entityId}</Text> : null}
              </View>
              <Text className='lr-td lr-td--wide'>{e.centerId ? (centerNames.get(e.centerId) ?? '（已停用的中心）') : '—'}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {cursor ? (
        <Button className='lr-btn adm-more' {...(loadingMore ? { loading: true, disabled: true } : {})} onClick={() => void more()}>
          加载更多
        </Button>
      ) : null}
    </StaffLayout>
  );
}
