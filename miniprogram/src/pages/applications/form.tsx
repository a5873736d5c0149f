import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PoEvidenceLimits, type FieldProblem, type MyProtectionOrder, type PoAnswers, type PoEvidenceFileDto, type PoEvidenceKind } from '@zjh/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { ApiError, errorMessage } from '../../services/api';
import { deleteEvidence, DETAIL_PATH, getApplication, openEvidence, saveAnswers, submitApplication, uploadEvidence, APPLICATIONS_PATH } from '../../services/applications';
import { fieldErrorsOf, type FieldErrors } from '../../services/field-errors';
import { pickedName, pickedSize, type PickedFile } from '../../services/files';
import { askToSubscribe, loadTemplateIds, type TemplateIds } from '../../services/subscribe';
import { DangerBanner } from './danger-banner';
import { firstOpenStep, isStepKey, isStepOpen, resumeStep, sectionPatch, stepDef, stepIndex, STEPS, summaryLines, type SectionKey, type StepKey } from './interview';
import { Review } from './review';
import { StepFields } from './steps';
import './index.scss';

/** Quiet time after her last change before it is saved (a step change or blur saves at once). */
export const SAVE_DELAY_MS = 1500;

type SaveState = { state: 'idle' | 'dirty' | 'saving' | 'saved' } | { state: 'error'; message: string };

function scrollToTop() {
  try {
    Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
  } catch {
    // not available: the step still changes
  }
}

function SaveIndicator({ save, onRetry }: { save: SaveState; onRetry: () => void }) {
  if (save.state === 'error') {
    return (
      <View className='ap-save ap-save--error'>
        <Text className='ap-save__text'>{`未保存：${save.message}`}</Text>
        <Text className='ap-link' onClick={onRetry}>
          重试
        </Text>
      </View>
    );
  }
  const text = { idle: '', dirty: '有修改，稍后自动保存', saving: '正在保存…', saved: '已保存' }[save.state];
  return text ? (
    <View className={`ap-save ap-save--${save.state}`}>
      <Text className='ap-save__text'>{text}</Text>
    </View>
  ) : null;
}

/**
 * The guided interview, one question group per step. Every change is saved to the server as she
 * goes (after a short pause, on leaving a field, and before any step change); nothing is stored on
 * the device, so she can resume on any device signed in to the same account.
 */
export default function ApplicationFormPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' ? params.id : '';
  const [app, setApp] = useState<MyProtectionOrder | null>(null);
  const [loadError, setLoadError] = useState('');
  const [answers, setAnswers] = useState<PoAnswers>({});
  const [step, setStep] = useState<StepKey>('filer');
  const [missing, setMissing] = useState<FieldProblem[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const [files, setFiles] = useState<PoEvidenceFileDto[]>([]);
  const [uploading, setUploading] = useState<PoEvidenceKind | null>(null);
  const [uploadErrors, setUploadErrors] = useState<Partial<Record<PoEvidenceKind, string>>>({});
  const [consent, setConsent] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState('');

  const answersRef = useRef<PoAnswers>({});
  const dirty = useRef(new Set<SectionKey>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const templateIds = useRef<TemplateIds>({});

  const load = useCallback(() => {
    setLoadError('');
    getApplication(id)
      .then((loaded) => {
        setApp(loaded);
        answersRef.current = loaded.answers;
        setAnswers(loaded.answers);
        setMissing(loaded.missing);
        setFiles(loaded.files);
        dirty.current.clear();
        const wanted = isStepKey(params.step) ? params.step : loaded.status === 'needs_info' ? firstOpenStep(loaded.editableSections) : resumeStep(loaded.missing);
        setStep(wanted);
      })
      .catch((e: unknown) => setLoadError(errorMessage(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  useEffect(() => {
    if (id) load();
    void loadTemplateIds().then((ids) => {
      templateIds.current = ids;
    });
  }, [id, load]);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  /** Saves every changed part now (after any save already on its way). False when it could not be saved. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimer();
    const run = chain.current.then(async () => {
      if (dirty.current.size === 0) return true;
      const sections = [...dirty.current];
      dirty.current.clear();
      setSave({ state: 'saving' });
      try {
        const saved = await saveAnswers(id, sectionPatch(answersRef.current, sections));
        setMissing(saved.missing);
        setApp((prev) => (prev ? { ...prev, status: saved.status, editable: saved.editable, editableSections: saved.editableSections } : saved));
        setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([path]) => !sections.includes(path.split('.')[0] as SectionKey))));
        setSave(dirty.current.size ? { state: 'dirty' } : { state: 'saved' });
        return true;
      } catch (e) {
        for (const s of sections) dirty.current.add(s);
        const fields = fieldErrorsOf(e);
        if (Object.keys(fields).length) setErrors((prev) => ({ ...prev, ...fields }));
        const message = e instanceof ApiError && e.status === 400 ? '有内容格式不对，请查看标红的地方' : errorMessage(e);
        setSave({ state: 'error', message });
        return false;
      }
    });
    chain.current = run.catch(() => false);
    return run;
  }, [id]);

  // Whatever is still unsaved when she leaves the page goes to the server.
  useEffect(
    () => () => {
      if (timer.current) void flush();
    },
    [flush],
  );

  const update = useCallback(
    <K extends SectionKey>(key: K, value: PoAnswers[K]) => {
      const next = { ...answersRef.current, [key]: value };
      answersRef.current = next;
      setAnswers(next);
      dirty.current.add(key);
      setSave({ state: 'dirty' });
      clearTimer();
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const onBlur = useCallback(() => {
    if (dirty.current.size) void flush();
  }, [flush]);

  const goTo = async (next: StepKey) => {
    if (!(await flush())) {
      scrollToTop();
      return;
    }
    setSubmitError('');
    setStep(next);
    scrollToTop();
  };

  const pick = async (kind: PoEvidenceKind, picked: PickedFile[]) => {
    setUploadErrors((prev) => ({ ...prev, [kind]: undefined }));
    setUploading(kind);
    const refused: string[] = [];
    for (const f of picked) {
      if (pickedSize(f) > PoEvidenceLimits.fileBytes) {
        refused.push(`“${pickedName(f)}”超过 ${PoEvidenceLimits.fileBytes / 1024 / 1024} MB，请压缩后再上传`);
        continue;
      }
      try {
        const uploaded = await uploadEvidence(id, kind, f);
        setFiles((prev) => [...prev, uploaded]);
      } catch (e) {
        refused.push(picked.length > 1 ? `“${pickedName(f)}”：${errorMessage(e)}` : errorMessage(e));
      }
    }
    setUploading(null);
    if (refused.length) setUploadErrors((prev) => ({ ...prev, [kind]: refused.join('\n') }));
    // A file of a kind means she has that kind of evidence.
    if (refused.length < picked.length && answersRef.current.evidence?.[kind]?.has !== true) {
      update('evidence', { ...answersRef.current.evidence, [kind]: { ...answersRef.current.evidence?.[kind], has: true } });
    }
  };

  const removeFile = async (file: PoEvidenceFileDto) => {
    try {
      await deleteEvidence(id, file.id);
      setFiles((prev) => prev.filter((f) => f.id !== file.id));
    } catch (e) {
      setUploadErrors((prev) => ({ ...prev, [file.kind]: errorMessage(e) }));
    }
  };

  const openFile = (file: PoEvidenceFileDto) => {
    openEvidence(id, file).catch((e: unknown) => setUploadErrors((prev) => ({ ...prev, [file.kind]: errorMessage(e) })));
  };

  const submit = () => {
    if (!consent || submitting) return;
    // WeChat shows its permission sheet only straight from a tap: ask before anything is awaited.
    const notify = askToSubscribe(templateIds.current, ['application_update', 'order_expiry']);
    setSubmitting(true);
    setSubmitError('');
    void (async () => {
      try {
        if (!(await flush())) {
          setSubmitError('有内容还没有保存，请先处理标红的地方');
          return;
        }
        if ((await notify) && answersRef.current.notify !== true) {
          update('notify', true);
          await flush();
        }
        await submitApplication(id);
        Promise.resolve(Taro.redirectTo({ url: `${DETAIL_PATH}?id=${encodeURIComponent(id)}&sent=1` })).catch(() => undefined);
      } catch (e) {
        if (e instanceof ApiError && e.status === 400 && Array.isArray(e.details)) {
          setMissing(e.details as FieldProblem[]);
          setErrors(fieldErrorsOf(e));
        }
        setSubmitError(errorMessage(e));
        scrollToTop();
      } finally {
        setSubmitting(false);
      }
    })();
  };

  const later = async () => {
    if (await flush()) Promise.resolve(Taro.redirectTo({ url: APPLICATIONS_PATH })).catch(() => undefined);
  };

  if (!id || loadError || !app) {
    return (
      <SafePage className='ap'>
        <DangerBanner />
        {loadError || !id ? (
          <View className='ap-card'>
            <Text className='ap-error'>{loadError || '找不到这份申请'}</Text>
            {id ? (
              <Button className='ap-btn ap-btn--soft' onClick={load}>
                重试
              </Button>
            ) : null}
          </View>
        ) : (
          <Text className='ap-hint'>正在加载…</Text>
        )}
      </SafePage>
    );
  }

  if (!app.editable) {
    return (
      <SafePage className='ap'>
        <DangerBanner />
        <View className='ap-card'>
          <Text className='ap-card__title'>这份申请已经提交</Text>
          <Text className='ap-hint'>提交后不能再修改。需要更正时，可以在申请进展里给工作人员留言。</Text>
          <Button className='ap-btn ap-btn--primary' onClick={() => Promise.resolve(Taro.redirectTo({ url: `${DETAIL_PATH}?id=${encodeURIComponent(id)}` })).catch(() => undefined)}>
            查看进展
          </Button>
        </View>
      </SafePage>
    );
  }

  const index = stepIndex(step);
  const def = stepDef(step);
  const open = (s: StepKey) => isStepOpen(s, app.status, app.editableSections);
  const needsInfo = app.status === 'needs_info';

  return (
    <SafePage className='ap'>
      <DangerBanner />
      <View className='ap-progress'>
        <Text className='ap-progress__count'>{`第 ${index + 1} 步，共 ${STEPS.length} 步`}</Text>
        <SaveIndicator save={save} onRetry={() => void flush()} />
      </View>
      <View className='ap-progress__bar'>
        <View className='ap-progress__fill' style={{ width: `${Math.round(((index + 1) / STEPS.length) * 100)}%` }} />
      </View>
      {needsInfo ? (
        <View className='ap-note'>
          <Text className='ap-note__text'>工作人员请你补充材料。补充后到最后一步重新提交。</Text>
        </View>
      ) : null}
      <Text className='ap-title'>{def.title}</Text>

      {step === 'review' ? (
        <Review
          answers={answers}
          missing={missing}
          isOpen={open}
          onEdit={(s) => void goTo(s)}
          consent={consent}
          onConsent={setConsent}
          submitting={submitting}
          submitError={submitError}
          onSubmit={submit}
          resubmit={needsInfo}
        />
      ) : open(step) ? (
        <View className='ap-card'>
          <StepFields
            step={step}
            answers={answers}
            update={update}
            errors={errors}
            onBlur={onBlur}
            evidence={{ files, totalBytes: files.reduce((n, f) => n + f.size, 0), onPick: (k, f) => void pick(k, f), onDelete: (f) => void removeFile(f), onOpen: openFile, uploading, uploadErrors }}
          />
        </View>
      ) : (
        <View className='ap-card'>
          <Text className='ap-hint'>工作人员没有请你修改这一部分，这里只显示已填写的内容。</Text>
          {summaryLines(step, answers).map((line, i) => (
            <Text key={i} className='ap-summary__line'>
              {line}
            </Text>
          ))}
        </View>
      )}

      <View className='ap-nav'>
        {index > 0 ? (
          <Button className='ap-btn ap-btn--quiet ap-nav__btn' id='prev' onClick={() => void goTo(STEPS[index - 1].key)}>
            上一步
          </Button>
        ) : null}
        {step !== 'review' ? (
          <Button className='ap-btn ap-btn--primary ap-nav__btn' id='next' onClick={() => void goTo(STEPS[index + 1].key)}>
            {STEPS[index + 1].key === 'review' ? '下一步：检查' : '下一步'}
          </Button>
        ) : null}
      </View>
      <Text className='ap-link ap-later' onClick={() => void later()}>
        先保存，稍后继续
      </Text>
      <Text className='ap-hint'>填写的内容随时保存在服务器上，不会留在这台设备里，可以随时回来继续。</Text>
    </SafePage>
  );
}
