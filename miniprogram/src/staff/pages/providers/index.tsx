import { Button, Text, View } from '@tarojs/components';
import { ConsultationKind, type Center, type ProviderDto } from '@zjh/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { StaffLayout } from '../../components/staff-layout';
import { SelectField } from '../../components/select-field';
import { configureProvider, providerSettings, providersOf, type ProviderSummary } from '../../services/bookings';
import { isProvider, useStaff } from '../../services/use-staff';
import { RulesEditor } from './rules-editor';
import { draftOf, toRulesInput, type RulesDraft } from './rules-draft';
import '../staff.scss';
import '../bookings/index.scss';
import './index.scss';

type Load = { step: 'idle' } | { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; provider: ProviderDto; draft: RulesDraft };

/**
 * 值班设置: a provider keeps her own availability; center staff choose one of their center's
 * providers, the city admin any provider.
 */
export default function ProviderSettingsPage() {
  const { staff, error: staffError } = useStaff();
  const [centers, setCenters] = useState<Center[]>([]);
  const [centerId, setCenterId] = useState('');
  const [providers, setProviders] = useState<ProviderSummary[]>([]);
  const [providerId, setProviderId] = useState('');
  const [load, setLoad] = useState<Load>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const self = isProvider(staff);
  const isAdmin = staff?.role === 'admin';
  const chooses = !!staff && !self && (isAdmin || staff.role === 'center_staff');
  const scopeCenter = isAdmin ? centerId : staff?.centerId ?? '';

  useEffect(() => {
    if (staff && self) setProviderId(staff.id);
  }, [staff, self]);

  useEffect(() => {
    if (isAdmin) listCenters().then(({ items }) => setCenters(items), () => setCenters([]));
  }, [isAdmin]);

  useEffect(() => {
    if (!chooses) return;
    if (isAdmin && !centerId) {
      setProviders([]);
      return;
    }
    providersOf(scopeCenter).then(({ items }) => setProviders(items), () => setProviders([]));
  }, [chooses, isAdmin, centerId, scopeCenter]);

  const fetchSettings = useCallback(async (id: string) => {
    setLoad({ step: 'loading' });
    setError('');
    try {
      const provider = await providerSettings(id);
      setLoad({ step: 'ready', provider, draft: draftOf(provider) });
    } catch (e) {
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, []);

  useEffect(() => {
    if (providerId) void fetchSettings(providerId);
    else setLoad({ step: 'idle' });
  }, [providerId, fetchSettings]);

  const save = async () => {
    if (load.step !== 'ready' || busy) return;
    const { input, error: problem } = toRulesInput(load.draft);
    if (!input) {
      setError(problem ?? '');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const provider = await configureProvider(load.provider.id, input);
      setLoad({ step: 'ready', provider, draft: draftOf(provider) });
      toast('值班设置已保存');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <StaffLayout title='值班设置'>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      {staff && !self && !chooses ? <Text className='staff-hint'>只有咨询人员本人、中心工作人员和市妇联管理员可以设置值班时间。</Text> : null}
      {chooses ? (
        <View className='staff-card'>
          <View className='rules-line'>
            {isAdmin ? (
              <SelectField
                label='服务中心'
                value={centerId}
                options={[{ value: '', label: '选择服务中心' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]}
                onChange={(v) => {
                  setCenterId(v);
                  setProviderId('');
                }}
              />
            ) : null}
            <SelectField
              label='咨询人员'
              value={providerId}
              options={[{ value: '', label: '选择咨询人员' }, ...providers.map((p) => ({ value: p.id, label: `${p.name} · ${ConsultationKind.labels[p.kind]}` }))]}
              onChange={setProviderId}
            />
          </View>
          {(isAdmin ? centerId : true) && providers.length === 0 ? <Text className='staff-hint'>该中心还没有咨询人员。</Text> : null}
        </View>
      ) : null}

      {load.step === 'loading' ? <Text className='cal-status'>正在加载…</Text> : null}
      {load.step === 'error' ? <Text className='staff-error'>{load.message}</Text> : null}
      {load.step === 'ready' ? (
        <View>
          <Text className='cal-scope'>
            {load.provider.name} · {ConsultationKind.labels[load.provider.kind]} · 所有时间均为北京时间
          </Text>
          <RulesEditor draft={load.draft} onChange={(draft) => setLoad({ ...load, draft })} />
          {error ? <Text className='staff-error'>{error}</Text> : null}
          <View className='rules-line'>
            <Button className='staff-btn staff-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
              保存设置
            </Button>
            <Button className='staff-btn staff-btn--quiet rules-reset' onClick={() => setLoad({ ...load, draft: draftOf(load.provider) })}>
              放弃修改
            </Button>
          </View>
        </View>
      ) : null}
    </StaffLayout>
  );
}
