import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ClassCategory, type StaffArticleDto } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { SelectField } from '../../components/select-field';
import { usePublishToggle } from '../../services/use-publish-toggle';
import { StaffLayout } from '../../components/staff-layout';
import { staffArticles, STAFF_ARTICLE_PATH, updateArticle } from '../../services/staff-content';
import { useStaff } from '../../services/use-staff';
import '../staff.scss';
import '../learning.scss';

const CATEGORY_OPTIONS = [{ value: '', label: '全部类别' }, ...Object.entries(ClassCategory).map(([value, label]) => ({ value, label }))];
const PUBLISHED_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'true', label: '已发布' },
  { value: 'false', label: '未发布' },
];

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

/** 文章管理: articles with their reads; publish, withdraw, edit. */
export default function StaffArticlesPage() {
  const { staff, error: staffError } = useStaff();
  const [category, setCategory] = useState('');
  const [published, setPublished] = useState('');
  const [items, setItems] = useState<StaffArticleDto[] | null>(null);
  const [error, setError] = useState('');
  const run = useRef(0);

  useEffect(() => {
    if (!staff) return;
    const mine = ++run.current;
    setError('');
    staffArticles({ category: (category || undefined) as ClassCategory | undefined, published: (published || undefined) as 'true' | 'false' | undefined }).then(
      ({ items: all }) => mine === run.current && setItems(all),
      (e: unknown) => mine === run.current && setError(errorMessage(e)),
    );
  }, [staff, category, published]);

  const { busyId, toggle } = usePublishToggle((id, published) => updateArticle(id, { published }), setItems, setError, { published: '文章已发布', withdrawn: '文章已下架' });

  return (
    <StaffLayout title='文章管理' wide>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      <View className='lr-toolbar'>
        <View className='lr-toolbar__group'>
          <SelectField label='类别' value={category} options={CATEGORY_OPTIONS} onChange={setCategory} />
          <SelectField label='状态' value={published} options={PUBLISHED_OPTIONS} onChange={setPublished} />
        </View>
        <Button className='lr-btn lr-btn--primary' onClick={() => go(STAFF_ARTICLE_PATH)}>
          + 新建文章
        </Button>
      </View>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      {items === null && !error ? <Text className='lr-counts'>正在加载…</Text> : null}
      {items && items.length === 0 ? <Text className='lr-counts'>没有符合条件的文章。</Text> : null}
      {items && items.length ? (
        <View className='lr-table'>
          <View className='lr-tr lr-tr--head'>
            <Text className='lr-td lr-td--wide'>标题</Text>
            <Text className='lr-td'>类别</Text>
            <Text className='lr-td'>阅读</Text>
            <Text className='lr-td lr-td--mid'>更新时间</Text>
            <Text className='lr-td'>状态</Text>
            <Text className='lr-td lr-td--actions'>操作</Text>
          </View>
          {items.map((a) => (
            <View key={a.id} className='lr-tr lr-article-row'>
              <View className='lr-td lr-td--wide'>
                <Text className='lr-td__main'>{a.title}</Text>
                {a.summary ? <Text className='lr-td__sub'>{a.summary}</Text> : null}
              </View>
              <Text className='lr-td'>{ClassCategory[a.category]}</Text>
              <Text className='lr-td'>{a.views}</Text>
              <Text className='lr-td lr-td--mid'>
                {dateOf(a.updatedAt)} {timeOf(a.updatedAt)}
              </Text>
              <View className='lr-td'>
                <Text className={`lr-tag ${a.published ? 'lr-tag--on' : ''}`}>{a.published ? '已发布' : '未发布'}</Text>
              </View>
              <View className='lr-td lr-td--actions'>
                <Button className='lr-btn lr-btn--small' onClick={() => go(`${STAFF_ARTICLE_PATH}?id=${encodeURIComponent(a.id)}`)}>
                  编辑
                </Button>
                <Button className='lr-btn lr-btn--small' {...(busyId === a.id ? { loading: true, disabled: true } : {})} onClick={() => void toggle(a)}>
                  {a.published ? '下架' : '发布'}
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </StaffLayout>
  );
}
