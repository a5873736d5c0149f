import { Button, Text, View } from '@tarojs/components';
import type { PoAnswers, PoEvidenceFileDto, StaffPoDetail } from '@zjh/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../services/api';
import { fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';
import { sectionPatch, STEPS, summaryLines, type SectionKey, type StepKey } from '../../../pages/applications/interview';
import { StepFields } from '../../../pages/applications/steps';
import { FileList } from '../../../pages/applications/steps/evidence';
import { editAnswers } from '../../services/staff-protection-orders';

/** Staff may complete or correct her answers until the court has the application. */
const EDITABLE_BY_STAFF = ['submitted', 'under_review', 'needs_info'];

interface AnswersPanelProps {
  order: StaffPoDetail;
  onChanged: (next: StaffPoDetail) => void;
  onStale: () => void;
  onOpenFile: (file: PoEvidenceFileDto) => void;
}

/** Her answers, read-only by section; each section can be corrected by staff before filing (the same questions she answered). */
export function AnswersPanel({ order, onChanged, onStale, onOpenFile }: AnswersPanelProps) {
  const [editing, setEditing] = useState<Exclude<StepKey, 'review'> | null>(null);
  const [draft, setDraft] = useState<PoAnswers>({});
  const [touched, setTouched] = useState<SectionKey[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const canEdit = EDITABLE_BY_STAFF.includes(order.status);

  const edit = (step: Exclude<StepKey, 'review'>) => {
    setEditing(step);
    setDraft(order.answers);
    setTouched([]);
    setErrors({});
    setError('');
  };

  const save = async () => {
    if (busy) return;
    if (touched.length === 0) return setEditing(null);
    setBusy(true);
    setError('');
    try {
      onChanged(await editAnswers(order.id, sectionPatch(draft, touched)));
      setEditing(null);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='staff-card po-panel' id='answers'>
      <Text className='po-panel__title'>申请内容</Text>
      {order.missing.length ? (
        <View className='po-missing'>
          <Text className='po-missing__title'>{`递交法院前还缺 ${order.missing.length} 项`}</Text>
          {order.missing.map((m) => (
            <Text key={m.path} className='po-missing__item'>{`· ${m.message}`}</Text>
          ))}
        </View>
      ) : null}
      {STEPS.filter((s): s is (typeof STEPS)[number] & { key: Exclude<StepKey, 'review'> } => s.key !== 'review').map((s, i) => (
        <View key={s.key} className='po-section' id={`section-${s.key}`}>
          <View className='po-section__head'>
            <Text className='po-section__title'>{`${i + 1}. ${s.title}`}</Text>
            {canEdit && editing !== s.key ? (
              <Text className='po-link' id={`edit-${s.key}`} onClick={() => edit(s.key)}>
                编辑
              </Text>
            ) : null}
          </View>
          {editing === s.key ? (
            <View className='po-edit'>
              <StepFields
                step={s.key}
                answers={draft}
                errors={errors}
                update={(key, value) => {
                  setDraft((d) => ({ ...d, [key]: value }));
                  setTouched((t) => (t.includes(key) ? t : [...t, key]));
                }}
                evidence={{ files: order.files, onOpen: onOpenFile }}
              />
              {error ? <Text className='staff-error'>{error}</Text> : null}
              <View className='po-buttons'>
                <Button id='save-answers' className='staff-btn po-btn po-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
                  保存修改
                </Button>
                <Button className='staff-btn po-btn po-btn--quiet' onClick={() => setEditing(null)}>
                  取消
                </Button>
              </View>
            </View>
          ) : (
            <View>
              {summaryLines(s.key, order.answers).map((line, j) => (
                <Text key={j} className='po-section__line'>
                  {line}
                </Text>
              ))}
              {s.key === 'evidence' ? <FileList files={order.files} onOpen={onOpenFile} /> : null}
            </View>
          )}
        </View>
      ))}
      {canEdit ? <Text className='staff-hint'>修改会记入时间线。递交法院后不能再修改。</Text> : null}
    </View>
  );
}
