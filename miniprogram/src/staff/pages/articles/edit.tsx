import Taro, { useRouter } from '@tarojs/taro';
import { Button, RichText, Text, View } from '@tarojs/components';
import { ClassCategory, type ArticleInput, type StaffArticleDto } from '@zjh/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { isH5 } from '../../../services/env';
import { fieldErrorsOf } from '../../../services/field-errors';
import { newIdempotencyKey } from '../../../services/idempotency';
import { htmlToNodes } from '../../../services/rich-text';
import { AreaField, TextField, ToggleField } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { createArticle, staffArticle, STAFF_ARTICLES_PATH, updateArticle } from '../../services/staff-content';
import { useStaff } from '../../services/use-staff';
import '../staff.scss';
import '../learning.scss';

const CATEGORY_OPTIONS = Object.entries(ClassCategory).map(([value, label]) => ({ value, label }));

interface ArticleDraft {
  category: ArticleInput['category'] | '';
  title: string;
  summary: string;
  coverUrl: string;
  body: string;
  published: boolean;
}

const empty: ArticleDraft = { category: 'law', title: '', summary: '', coverUrl: '', body: '', published: false };

const draftOf = (a: StaffArticleDto): ArticleDraft => ({ category: a.category, title: a.title, summary: a.summary, coverUrl: a.coverUrl ?? '', body: a.body, published: a.published });

/** The body to send: what she typed. The server sanitises it and answers with what it kept. */
export function toArticleInput(d: ArticleDraft): { input?: ArticleInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!d.category) errors.category = '请选择类别';
  if (d.title.trim().length < 2) errors.title = '请填写标题（至少 2 个字）';
  if (!d.body.trim()) errors.body = '请填写正文';
  const cover = d.coverUrl.trim();
  if (cover && !/^(https:\/\/[^\s"'<>]+|\/uploads\/[A-Za-z0-9._\-/]+)$/.test(cover)) errors.coverUrl = '图片地址须以 https:// 或 /uploads/ 开头';
  if (Object.keys(errors).length) return { errors };
  return {
    input: { category: d.category as ArticleInput['category'], title: d.title.trim(), summary: d.summary.trim(), body: d.body, coverUrl: cover || null, published: d.published },
    errors,
  };
}

/** Saved body preview, built the way the reader builds it. */
function Preview({ html }: { html: string }) {
  const nodes = useMemo(() => htmlToNodes(html, { h5: isH5() }), [html]);
  return <RichText className='lr-preview' nodes={nodes as never} />;
}

/** An article: title, category, summary, cover, the body as HTML, publishing; the stored result shown after saving. */
export default function StaffArticleEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { staff, error: staffError } = useStaff();
  const [article, setArticle] = useState<StaffArticleDto | null>(null);
  const [draft, setDraft] = useState<ArticleDraft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [changedBySanitiser, setChangedBySanitiser] = useState(false);
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newIdempotencyKey('art'));
  const set = (patch: Partial<ArticleDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const a = await staffArticle(id);
      setArticle(a);
      setDraft(draftOf(a));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);

  useEffect(() => {
    if (staff) void load();
  }, [staff, load]);

  const save = async () => {
    if (busy) return;
    const { input, errors: problems } = toArticleInput(draft);
    setErrors(problems);
    setError('');
    if (!input) return;
    setBusy(true);
    try {
      const saved = article ? await updateArticle(article.id, input) : await createArticle(input, key);
      setChangedBySanitiser(saved.body.trim() !== input.body.trim());
      setArticle(saved);
      setDraft(draftOf(saved));
      // From now on saves edit this article (no second one), and the preview shows what was kept.
      toast('已保存');
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <Button className='lr-btn' onClick={() => Promise.resolve(Taro.redirectTo({ url: STAFF_ARTICLES_PATH })).catch(() => undefined)}>
      返回文章列表
    </Button>
  );

  return (
    <StaffLayout title={article ? '编辑文章' : '新建文章'} nav='articles' wide actions={back}>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      {article ? (
        <Text className='lr-counts'>
          <Text className={`lr-tag ${article.published ? 'lr-tag--on' : ''}`}>{article.published ? '已发布' : '未发布'}</Text> · 阅读 {article.views}
        </Text>
      ) : null}
      <View className='staff-card'>
        <View className='lr-form'>
          <SelectField id='article-category' label='类别' value={draft.category} options={CATEGORY_OPTIONS} onChange={(v) => set({ category: v as ArticleDraft['category'] })} />
          <ToggleField id='article-published' label='发布（读者可见）' checked={draft.published} onChange={(published) => set({ published })} />
        </View>
        <TextField id='article-title' className='lr-form__full' label='标题' value={draft.title} maxLength={120} onChange={(title) => set({ title })} error={errors.title} />
        <AreaField id='article-summary' className='lr-form__full' label='摘要（列表中显示）' value={draft.summary} maxLength={300} rows={2} onChange={(summary) => set({ summary })} error={errors.summary} />
        <TextField
          id='article-cover'
          className='lr-form__full'
          label='封面图片地址（可不填）'
          type='url'
          value={draft.coverUrl}
          onChange={(coverUrl) => set({ coverUrl })}
          error={errors.coverUrl}
          hint='https:// 开头的图片地址，或本服务上传的 /uploads/ 文件'
        />
        <AreaField
          id='article-body'
          className='lr-form__full'
          label='正文（HTML）'
          mono
          rows={16}
          value={draft.body}
          maxLength={100000}
          onChange={(body) => set({ body })}
          error={errors.body}
          hint='可用 <p> <h2> <h3> <strong> <em> <ul> <ol> <li> <blockquote> <a href="https://…"> <img src="https://…">；其他标签、脚本、样式和事件属性会在保存时去除。'
        />
        {error ? <Text className='staff-error'>{error}</Text> : null}
        <View className='lr-toolbar__group'>
          <Button className='lr-btn lr-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
            保存
          </Button>
        </View>
      </View>

      {article ? (
        <View className='staff-card'>
          <Text className='lr-section-title'>保存后的正文预览（读者看到的样子）</Text>
          {changedBySanitiser ? <Text className='lr-note lr-sanitised'>部分不安全或不支持的内容（如脚本、样式、事件属性）已在保存时去除，正文框里已换成实际保存的内容。</Text> : null}
          <Preview html={article.body} />
        </View>
      ) : null}
    </StaffLayout>
  );
}
