import { Button, Text, View } from '@tarojs/components';
import { CenterService, type AdminCenter } from '@zjh/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { StaffLayout } from '../../components/staff-layout';
import { adminCenters } from '../../services/staff-admin';
import { useStaff } from '../../services/use-staff';
import { CenterForm } from './center-form';
import '../staff.scss';
import '../learning.scss';
import './admin.scss';

/** 中心管理: the twelve centers, active or not; edit details, services and whether she can be sent there. */
export default function AdminCentersPage() {
  const { staff, error: staffError } = useStaff();
  const [items, setItems] = useState<AdminCenter[] | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState('');

  useEffect(() => {
    if (!staff) return;
    adminCenters().then(({ items: all }) => setItems(all), (e: unknown) => setError(errorMessage(e)));
  }, [staff]);

  const editingCenter = items?.find((c) => c.id === editing);

  return (
    <StaffLayout title='中心管理' wide>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {items === null && !error ? <Text className='lr-counts'>正在加载…</Text> : null}
      {editingCenter ? (
        <CenterForm
          key={editingCenter.id}
          center={editingCenter}
          onSaved={(c) => {
            setItems((all) => (all ?? []).map((x) => (x.id === c.id ? c : x)));
            setEditing('');
          }}
        />
      ) : null}
      {items && items.length ? (
        <View className='lr-table'>
          <View className='lr-tr lr-tr--head'>
            <Text className='lr-td lr-td--wide'>中心</Text>
            <Text className='lr-td'>电话</Text>
            <Text className='lr-td lr-td--wide'>服务</Text>
            <Text className='lr-td'>状态</Text>
            <Text className='lr-td lr-td--actions'>操作</Text>
          </View>
          {items.map((c) => (
            <View key={c.id} className='lr-tr adm-center-row'>
              <View className='lr-td lr-td--wide'>
                <Text className='lr-td__main'>{c.name}</Text>
                <Text className='lr-td__sub'>
                  {c.district} · {c.address}
                  {c.sampleLocation ? '（坐标为示例）' : ''}
                </Text>
              </View>
              <Text className='lr-td'>{c.phone}</Text>
              <Text className='lr-td lr-td--wide'>{c.services.map((s) => CenterService.labels[s]).join('、')}</Text>
              <View className='lr-td'>
                <Text className={`lr-tag ${c.active ? 'lr-tag--on' : ''}`}>{c.active ? '开放' : '已停用'}</Text>
              </View>
              <View className='lr-td lr-td--actions'>
                <Button className='lr-btn lr-btn--small' onClick={() => setEditing(editing === c.id ? '' : c.id)}>
                  {editing === c.id ? '收起' : '编辑'}
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </StaffLayout>
  );
}
