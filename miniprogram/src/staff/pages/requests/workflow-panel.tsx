import { Button, Text, Textarea, View } from '@tarojs/components';
import { Priority, RequestStatus, StaffRole, type StaffMember, type StaffSummary } from '@zjh/shared';
import { useEffect, useState } from 'react';
import { SelectField } from '../../components/select-field';
import { colleagues, moveLabel, updateRequest } from '../../services/staff-requests';
import { busyProps, useAction, type PanelProps } from './use-action';

type Status = keyof typeof RequestStatus.labels;
type Flag = keyof typeof Priority.labels;

/** Status moves offered by the workflow (nextStatuses), priority flags, and assignment. */
export function WorkflowPanel({ request, me, onChanged, onStale }: PanelProps & { me: StaffSummary | null }) {
  const { busy, error, setError, run } = useAction({ onChanged, onStale });
  const [pending, setPending] = useState<Status | null>(null);
  const [reason, setReason] = useState('');
  const canAssign = me?.role === 'admin' || me?.role === 'center_staff';
  const [team, setTeam] = useState<StaffMember[]>([]);
  // The server says which moves need a reason (its workflow table); the page does not guess.
  const moveNeedsReason = (_from: Status, to: Status) => request.reasonRequiredFor.includes(to);

  useEffect(() => {
    if (!canAssign) return;
    colleagues(request.center.id).then(setTeam, () => setTeam([]));
  }, [canAssign, request.center.id]);

  const move = async (to: Status) => {
    const needs = moveNeedsReason(request.status, to);
    if ((needs || to === 'closed') && pending !== to) {
      setPending(to);
      setReason('');
      setError('');
      return;
    }
    if (needs && !reason.trim()) {
      setError('请填写原因');
      return;
    }
    const ok = await run(() => updateRequest(request.id, { status: to, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    if (ok) {
      setPending(null);
      setReason('');
    }
  };

  const toggleFlag = (flag: Flag) => {
    const flags = request.priority.includes(flag) ? request.priority.filter((f) => f !== flag) : [...request.priority, flag];
    void run(() => updateRequest(request.id, { priority: flags }));
  };

  return (
    <View className='staff-card rq-panel'>
      <Text className='rq-panel__title'>处理</Text>
      <Text className='rq-panel__hint'>{`当前状态：${RequestStatus.labels[request.status]}`}</Text>
      <View className='rq-buttons'>
        {request.nextStatuses.length === 0 ? <Text className='rq-panel__hint'>没有可执行的状态变更。</Text> : null}
        {request.nextStatuses.map((to) => (
          <Button
            key={to}
            id={`move-${to}`}
            className={`staff-btn rq-btn ${to === 'closed' ? 'rq-btn--quiet' : 'rq-btn--primary'} ${pending === to ? 'rq-btn--pending' : ''}`}
            {...busyProps(busy)}
            onClick={() => void move(to)}
          >
            {moveLabel(request.status, to)}
          </Button>
        ))}
      </View>
      {pending ? (
        <View className='rq-reason'>
          <Text className='rq-panel__hint'>{`${moveLabel(request.status, pending)}的原因${moveNeedsReason(request.status, pending) ? '（必填）' : '（可不填）'}：`}</Text>
          <Textarea id='move-reason' className='rq-textarea' value={reason} maxlength={500} placeholder='写明原因，会记入时间线' onInput={(e) => setReason(e.detail.value)} />
          <View className='rq-buttons'>
            <Button className='staff-btn rq-btn rq-btn--primary' {...busyProps(busy)} onClick={() => void move(pending)}>
              {`确认${moveLabel(request.status, pending)}`}
            </Button>
            <Button className='staff-btn rq-btn rq-btn--quiet' onClick={() => setPending(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}

      <Text className='rq-panel__subtitle'>优先级（可多选）</Text>
      <View className='rq-buttons'>
        {Priority.codes.map((flag) => (
          <Button
            key={flag}
            id={`flag-${flag}`}
            className={`staff-btn rq-flag ${request.priority.includes(flag) ? `rq-flag--on badge--${flag}` : ''}`}
            {...busyProps(busy)}
            onClick={() => toggleFlag(flag)}
          >
            {Priority.labels[flag]}
          </Button>
        ))}
      </View>

      <Text className='rq-panel__subtitle'>经办人</Text>
      <Text className='rq-panel__value'>{request.assignee?.name ?? '未分派'}</Text>
      {canAssign && team.length > 0 ? (
        <SelectField
          id='assignee'
          label='分派给'
          value={request.assignee?.id ?? ''}
          placeholder='选择本中心的同事'
          options={team.filter((m) => m.role !== 'admin').map((m) => ({ value: m.id, label: `${m.displayName}（${StaffRole.labels[m.role]}）` }))}
          onChange={(id) => {
            if (id && id !== request.assignee?.id) void run(() => updateRequest(request.id, { assigneeId: id }));
          }}
        />
      ) : null}
      {canAssign && me ? (
        <View className='rq-buttons'>
          {request.assignee?.id !== me.id ? (
            <Button className='staff-btn rq-btn rq-btn--quiet' {...busyProps(busy)} onClick={() => void run(() => updateRequest(request.id, { assigneeId: me.id }))}>
              分派给我
            </Button>
          ) : null}
          {request.assignee ? (
            <Button className='staff-btn rq-btn rq-btn--quiet' {...busyProps(busy)} onClick={() => void run(() => updateRequest(request.id, { assigneeId: null }))}>
              取消分派
            </Button>
          ) : null}
        </View>
      ) : null}
      {error ? <Text className='staff-error'>{error}</Text> : null}
    </View>
  );
}
