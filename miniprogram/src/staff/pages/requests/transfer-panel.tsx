import { Button, Text, Textarea, View } from '@tarojs/components';
import type { Center } from '@zjh/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { SelectField } from '../../components/select-field';
import { listActiveCenters, transferRequest } from '../../services/staff-requests';
import { busyProps, useAction, type PanelProps } from './use-action';

/** Transfer to another center, with the reason on the timeline. */
export function TransferPanel({ request, onChanged, onStale, onTransferred }: PanelProps & { onTransferred: (centerName: string) => void }) {
  const { busy, error, setError, run } = useAction({ onChanged, onStale });
  const [centers, setCenters] = useState<Center[]>([]);
  const [centerId, setCenterId] = useState('');
  const [reason, setReason] = useState('');

  useEffect(() => {
    listActiveCenters()
      .then(setCenters)
      .catch((e: unknown) => setError(errorMessage(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async () => {
    if (!centerId) return setError('请选择要转交的中心');
    if (!reason.trim()) return setError('请填写转交原因');
    const target = centers.find((c) => c.id === centerId);
    const ok = await run(() => transferRequest(request.id, { centerId, reason: reason.trim() }));
    if (ok) {
      setReason('');
      setCenterId('');
      onTransferred(target?.name ?? '');
    }
  };

  const options = centers.filter((c) => c.id !== request.center.id).map((c) => ({ value: c.id, label: c.name }));
  return (
    <View className='staff-card rq-panel'>
      <Text className='rq-panel__title'>转交其他中心</Text>
      <SelectField id='transfer-center' label='转交到' value={centerId} options={options} onChange={setCenterId} placeholder='选择中心' />
      <Textarea id='transfer-reason' className='rq-textarea' value={reason} maxlength={500} placeholder='转交原因（必填）' onInput={(e) => setReason(e.detail.value)} />
      <Button className='staff-btn rq-btn rq-btn--primary' {...busyProps(busy)} onClick={() => void submit()}>
        转交
      </Button>
      {error ? <Text className='staff-error'>{error}</Text> : null}
    </View>
  );
}
