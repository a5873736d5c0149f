import Taro, { useLoad } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { Hotlines, RequestCategory, type CreatedRequest, type CreateRequestInput } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { CheckRow } from '../../components/check-row';
import { SafePage } from '../../components/safe-page';
import { ApiError, errorMessage } from '../../services/api';
import { errorFor, fieldErrorsOf, type FieldErrors } from '../../services/field-errors';
import { newIdempotencyKey } from '../../services/idempotency';
import { coarse, locate } from '../../services/location';
import { callNumber } from '../../services/phone';
import { previewCenter, submitRequest, type Whereabouts } from '../../services/requests';
import { emptyContactDraft, toSafeContact, type ContactDraft } from '../../services/safe-contact';
import { askToSubscribe, loadTemplateIds } from '../../services/subscribe';
import { ContactFields } from './contact-fields';
import { Sent } from './sent';
import { WhereField, type PreviewState } from './where-field';
import './index.scss';

export const PRIVACY_PATH = '/pages/privacy/index';
export const DESCRIPTION_MAX = 5000;
const MAX_PERSONS = 100;

type Category = (typeof RequestCategory.codes)[number];

function scrollToTop() {
  try {
    Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
  } catch {
    // not available: the result is still on screen
  }
}

/**
 * 我要求助. Everything she types stays in this page's memory (never in storage) and is gone once
 * sent or when she leaves. Before sending she sees which center will take it.
 */
export default function HelpPage() {
  const [category, setCategory] = useState<Category>();
  const [description, setDescription] = useState('');
  const [persons, setPersons] = useState(1);
  const [where, setWhere] = useState<Whereabouts>({ kind: 'none' });
  const [locating, setLocating] = useState(false);
  const [locateFailed, setLocateFailed] = useState(false);
  const [preview, setPreview] = useState<PreviewState>({ status: 'loading' });
  const [wantsContact, setWantsContact] = useState(false);
  const [contact, setContact] = useState<ContactDraft>(emptyContactDraft);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ created: CreatedRequest; anonymous: boolean } | null>(null);

  // One key per form fill: a retry after a lost answer is answered with the first result.
  const idempotencyKey = useRef(newIdempotencyKey('req'));
  // Asked once per form fill, so a retry sends the very same body.
  const notify = useRef<Promise<boolean> | null>(null);
  const templateIds = useRef<Awaited<ReturnType<typeof loadTemplateIds>>>({});
  const previewRun = useRef(0);

  useLoad(() => {
    void loadTemplateIds().then((ids) => {
      templateIds.current = ids;
    });
  });

  useEffect(() => {
    const run = ++previewRun.current;
    setPreview({ status: 'loading' });
    previewCenter(category, where)
      .then((p) => run === previewRun.current && setPreview({ status: 'ready', preview: p }))
      .catch((e: unknown) => {
        if (run !== previewRun.current) return;
        const message = e instanceof ApiError ? errorMessage(e) : '暂时无法确定服务中心，提交后会告诉你';
        setPreview({ status: 'error', message });
      });
  }, [category, where]);

  const locateMe = async () => {
    setLocating(true);
    setLocateFailed(false);
    try {
      const point = await locate();
      setWhere({ kind: 'point', point: { lat: coarse(point.lat), lng: coarse(point.lng) } });
    } catch {
      setLocateFailed(true);
    } finally {
      setLocating(false);
    }
  };

  const checkLocally = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!category) found.category = '请选择求助类别';
    if (!description.trim()) found.description = '请简单描述发生了什么';
    if (wantsContact && !contact.phone.trim()) found['contact.phone'] = '请填写联系电话，或选择“不用联系我”';
    return found;
  };

  const buildInput = (notifyMe: boolean): CreateRequestInput => ({
    category: category as Category,
    description: description.trim(),
    persons,
    ...(where.kind === 'point' ? { location: where.point } : {}),
    ...(where.kind === 'district' ? { district: where.district as CreateRequestInput['district'] } : {}),
    ...(wantsContact ? { contact: toSafeContact(contact) } : {}),
    consent: { sensitive: true },
    ...(notifyMe ? { notify: true } : {}),
  });

  const submit = () => {
    if (busy || !consent) return;
    const local = checkLocally();
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFormError('请检查标注的内容');
      return;
    }
    // WeChat shows its permission sheet only straight from a tap: ask before anything is awaited.
    notify.current ??= askToSubscribe(templateIds.current, ['progress_update']);
    setBusy(true);
    setErrors({});
    setFormError('');
    void (async () => {
      try {
        const created = await submitRequest(buildInput(await notify.current!), idempotencyKey.current);
        setSent({ created, anonymous: !wantsContact });
        // The draft is dropped at once; a new form fill gets a new key.
        setDescription('');
        setContact(emptyContactDraft());
        idempotencyKey.current = newIdempotencyKey('req');
        notify.current = null;
        scrollToTop();
      } catch (e) {
        setErrors(fieldErrorsOf(e));
        if (e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED') {
          setFormError('你刚才的求助可能已经提交成功，请先到“我的求助”查看，不要重复提交。');
        } else {
          setFormError(errorMessage(e));
        }
      } finally {
        setBusy(false);
      }
    })();
  };

  if (sent) {
    return (
      <SafePage className='help'>
        <Sent created={sent.created} anonymous={sent.anonymous} />
      </SafePage>
    );
  }

  const err = (...paths: string[]) => {
    const message = errorFor(errors, ...paths);
    return message ? <Text className='help-error'>{message}</Text> : null;
  };
  const centerName = preview.status === 'ready' ? preview.preview.center.name : '';

  return (
    <SafePage className='help'>
      <Text className='help-title'>告诉我们你遇到的情况</Text>
      <Text className='help-lead'>填写的内容只有负责的服务中心能看到。紧急危险请直接拨打 110。</Text>
      <Button className='help-btn help-btn--police' onClick={() => callNumber(Hotlines.police.number)}>
        紧急危险 · 拨打 110
      </Button>

      <View className='help-card' id='field-category'>
        <Text className='help-section-title'>1. 想咨询哪方面的问题？</Text>
        <View className='help-chips'>
          {RequestCategory.codes.map((code) => (
            <Button key={code} className={`help-chip ${category === code ? 'help-chip--on' : ''}`} onClick={() => setCategory(code)}>
              {RequestCategory.labels[code]}
            </Button>
          ))}
        </View>
        {err('category')}
      </View>

      <View className='help-card' id='field-description'>
        <Text className='help-section-title'>2. 发生了什么？</Text>
        <Textarea
          id='description'
          className='help-textarea'
          value={description}
          maxlength={DESCRIPTION_MAX}
          placeholder='说说你遇到的情况，写多少都可以。不方便写的可以不写。'
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className='help-hint'>{`${description.length} / ${DESCRIPTION_MAX}`}</Text>
        {err('description')}
      </View>

      <View className='help-card'>
        <Text className='help-section-title'>3. 这件事涉及几个人？</Text>
        <Text className='help-hint'>包括你自己，以及孩子等其他需要帮助的人。</Text>
        <View className='help-stepper'>
          <Button className='help-stepper__btn' onClick={() => setPersons((n) => Math.max(1, n - 1))}>
            −
          </Button>
          <Text className='help-stepper__value'>{`${persons} 人`}</Text>
          <Button className='help-stepper__btn' onClick={() => setPersons((n) => Math.min(MAX_PERSONS, n + 1))}>
            ＋
          </Button>
        </View>
        {err('persons')}
      </View>

      <View className='help-card'>
        <Text className='help-section-title'>4. 你在哪里？</Text>
        <WhereField
          where={where}
          locating={locating}
          locateFailed={locateFailed}
          preview={preview}
          error={errorFor(errors, 'location', 'district')}
          onLocate={() => void locateMe()}
          onDistrict={(district) => setWhere({ kind: 'district', district })}
          onClear={() => setWhere({ kind: 'none' })}
        />
      </View>

      <View className='help-card'>
        <Text className='help-section-title'>5. 需要工作人员联系你吗？</Text>
        <View className='help-options'>
          <Button className={`help-option ${wantsContact ? 'help-option--on' : ''}`} onClick={() => setWantsContact(true)}>
            请联系我
          </Button>
          <Button className={`help-option ${!wantsContact ? 'help-option--on' : ''}`} onClick={() => setWantsContact(false)}>
            不用联系我（匿名）
          </Button>
        </View>
        {wantsContact ? (
          <ContactFields value={contact} onChange={setContact} errors={errors} />
        ) : (
          <Text className='help-hint'>不留联系方式也可以提交。工作人员的回复会显示在“我的求助”里。</Text>
        )}
      </View>

      <View className='help-card' id='field-consent'>
        <Text className='help-section-title'>6. 同意处理敏感个人信息</Text>
        <CheckRow id='consent' checked={consent} onChange={setConsent}>
          <Text>
            我同意湛江市妇联和负责的 12338 服务中心处理我在这里填写的经历、位置和联系方式等敏感个人信息，仅用于为我提供帮助。
          </Text>
        </CheckRow>
        <Text className='help-link' onClick={() => Promise.resolve(Taro.navigateTo({ url: PRIVACY_PATH })).catch(() => undefined)}>
          阅读《个人信息保护说明》
        </Text>
        {err('consent')}
      </View>

      <View className='help-submit'>
        {centerName ? <Text className='help-hint'>{`提交后由「${centerName}」为你提供帮助。`}</Text> : null}
        {formError ? <Text className='help-error help-error--form'>{formError}</Text> : null}
        {/* Only set while it applies: Taro H5 renders disabled="false", which its own CSS treats as disabled. */}
        <Button
          className='help-btn help-btn--primary help-submit__btn'
          {...(busy ? { loading: true, disabled: true } : !consent ? { disabled: true } : {})}
          onClick={submit}
        >
          {busy ? '正在提交…' : '提交'}
        </Button>
        {!consent ? <Text className='help-hint'>请先勾选同意处理敏感个人信息，才能提交。</Text> : null}
      </View>
    </SafePage>
  );
}
