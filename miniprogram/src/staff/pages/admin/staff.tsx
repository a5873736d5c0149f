import { Button, Text, View } from '@tarojs/components';
import { StaffRole, type AdminCenter, type AdminStaffItem } from '@zjh/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { TextField } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { adminCenters, adminStaff } from '../../services/staff-admin';
import { useStaff } from '../../services/use-staff';
import { CreateStaffForm, EditStaffPanel, ROLE_OPTIONS } from './staff-forms';
import '../staff.scss';
import '../learning.scss';
import './admin.scss';

const ACTIVE_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'true', label: '可用' },
  { value: 'false', label: '已停用' },
];

/** 账号管理: every staff account, with filters; create, edit, deactivate, set a password. */
export default function AdminStaffPage() {
  const { staff: me, error: meError } = useStaff();
  const [centers, setCenters] = useState<AdminCenter[]>([]);
  const [filters, setFilters] = useState({ centerId: '', role: '', active: '', q: '' });
  const [text, setText] = useState('');
  const [items, setItems] = useState<AdminStaffItem[] | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<string>('');
  const [creating, setCreating] = useState(false);
  const [reload, setReload] = useState(0);
  const run = useRef(0);

  useEffect(() => {
    if (!me) return;
    adminCenters().then(({ items: all }) => setCenters(all), (e: unknown) => setError(errorMessage(e)));
  }, [me]);

  useEffect(() => {
    if (!me) return;
    const mine = ++run.current;
    setError('');
    adminStaff(filters).then(
      ({ items: all }) => mine === run.current && setItems(all),
      (e: unknown) => mine === run.current && setError(errorMessage(e)),
    );
  }, [me, filters, reload]);

  const centerOptions = useMemo(() => centers.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name}（已停用）` })), [centers]);
  const centerName = (id: string | null) => (id ? (centers.find((c) => c.id === id)?.name ?? '—') : '市妇联');
  const editingRow = items?.find((s) => s.id === editing);

  return (
    <StaffLayout title='账号管理' wide>
      {meError ? <Text className='staff-error'>{meError}</Text> : null}
      <View className='lr-toolbar'>
        <View className='lr-toolbar__group'>
          <SelectField id='filter-center' label='中心' value={filters.centerId} options={[{ value: '', label: '全部中心' }, ...centerOptions]} onChange={(v) => setFilters((f) => ({ ...f, centerId: v }))} />
          <SelectField id='filter-role' label='角色' value={filters.role} options={[{ value: '', label: '全部角色' }, ...ROLE_OPTIONS]} onChange={(v) => setFilters((f) => ({ ...f, role: v }))} />
          <SelectField id='filter-active' label='状态' value={filters.active} options={ACTIVE_OPTIONS} onChange={(v) => setFilters((f) => ({ ...f, active: v }))} />
          <TextField id='filter-q' label='用户名或姓名' value={text} onChange={setText} />
          <Button className='lr-btn' onClick={() => setFilters((f) => ({ ...f, q: text.trim() }))}>
            查找
          </Button>
        </View>
        <Button className='lr-btn lr-btn--primary' onClick={() => setCreating((c) => !c)}>
          {creating ? '收起' : '+ 新建账号'}
        </Button>
      </View>
      {creating ? (
        <CreateStaffForm
          centerOptions={centerOptions}
          onCreated={() => {
            setCreating(false);
            setReload((n) => n + 1);
          }}
        />
      ) : null}
      {editingRow ? (
        <EditStaffPanel
          key={editingRow.id}
          staff={editingRow}
          isSelf={editingRow.id === me?.id}
          centerOptions={centerOptions}
          onSaved={(s) => setItems((all) => (all ?? []).map((x) => (x.id === s.id ? s : x)))}
        />
      ) : null}
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {items === null && !error ? <Text className='lr-counts'>正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className='lr-counts'>没有符合条件的账号。</Text> : null}
      {items && items.length ? (
        <View className='lr-table'>
          <View className='lr-tr lr-tr--head'>
            <Text className='lr-td'>用户名</Text>
            <Text className='lr-td'>姓名</Text>
            <Text className='lr-td'>角色</Text>
            <Text className='lr-td lr-td--wide'>所属中心</Text>
            <Text className='lr-td'>状态</Text>
            <Text className='lr-td lr-td--actions'>操作</Text>
          </View>
          {items.map((s) => (
            <View key={s.id} className='lr-tr adm-staff-row'>
              <Text className='lr-td'>{s.username}</Text>
              <Text className='lr-td'>{s.displayName}</Text>
              <Text className='lr-td'>{StaffRole.labels[s.role]}</Text>
              <Text className='lr-td lr-td--wide'>{centerName(s.centerId)}</Text>
              <View className='lr-td'>
                <Text className={`lr-tag ${s.active ? 'lr-tag--on' : ''}`}>{s.active ? '可用' : '已停用'}</Text>
              </View>
              <View className='lr-td lr-td--actions'>
                <Button className='lr-btn lr-btn--small' onClick={() => setEditing(editing === s.id ? '' : s.id)}>
                  {editing === s.id ? '收起' : '编辑'}
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </StaffLayout>
  );
}
