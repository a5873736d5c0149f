import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { ClassCategory, type ArticleSummaryDto } from '@zjh/shared';
import { useRef, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { ARTICLE_PATH, ARTICLE_TABS, listArticles, QUIZ_PATH, QUIZ_SIZE } from '../../services/content';
import { dateOf } from '../../services/shanghai-time';
import './index.scss';

type Load =
  | { step: 'loading' }
  | { step: 'error'; message: string }
  | { step: 'ready'; items: ArticleSummaryDto[]; cursor: string | null; more: 'idle' | 'loading' | 'error' };

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

function ArticleCard({ article }: { article: ArticleSummaryDto }) {
  return (
    <View className='lw-card lw-article' onClick={() => go(`${ARTICLE_PATH}?id=${encodeURIComponent(article.id)}`)}>
      {article.coverUrl ? <Image className='lw-article__cover' src={article.coverUrl} mode='aspectFill' /> : null}
      <Text className='lw-article__title'>{article.title}</Text>
      {article.summary ? <Text className='lw-article__summary'>{article.summary}</Text> : null}
      <Text className='lw-meta'>
        {article.publishedAt ? `${dateOf(article.publishedAt)} · ` : ''}阅读 {article.views}
      </Text>
    </View>
  );
}

/** 普法: the quiz entry and the articles, by category. */
export default function LawPage() {
  const [tab, setTab] = useState<ClassCategory>(ARTICLE_TABS[0]);
  const [load, setLoad] = useState<Load>({ step: 'loading' });
  const run = useRef(0);

  const fetchTab = async (category: ClassCategory) => {
    const mine = ++run.current;
    setLoad({ step: 'loading' });
    try {
      const { items, nextCursor } = await listArticles(category);
      if (mine === run.current) setLoad({ step: 'ready', items, cursor: nextCursor ?? null, more: 'idle' });
    } catch (e) {
      if (mine === run.current) setLoad({ step: 'error', message: errorMessage(e) });
    }
  };

  useDidShow(() => {
    void fetchTab(tab);
  });

  const choose = (category: ClassCategory) => {
    if (category === tab) return;
    setTab(category);
    void fetchTab(category);
  };

  const loadMore = async () => {
    if (load.step !== 'ready' || !load.cursor || load.more === 'loading') return;
    const mine = run.current;
    setLoad({ ...load, more: 'loading' });
    try {
      const { items, nextCursor } = await listArticles(tab, load.cursor);
      if (mine === run.current) setLoad({ step: 'ready', items: [...load.items, ...items], cursor: nextCursor ?? null, more: 'idle' });
    } catch {
      if (mine === run.current) setLoad({ ...load, more: 'error' });
    }
  };

  return (
    <SafePage className='law'>
      <Text className='lw-title'>普法知识</Text>
      <Text className='lw-lead'>用通俗的话讲清楚身边的法律、家庭教育和心理健康知识。</Text>

      <View className='lw-card lw-quiz-entry' onClick={() => go(QUIZ_PATH)}>
        <Text className='lw-quiz-entry__title'>普法知识问答 ›</Text>
        <Text className='lw-quiz-entry__hint'>每次 {QUIZ_SIZE} 题，答完看得分和每题解析，还有排行榜（不显示真实姓名）。</Text>
      </View>

      <View className='lw-tabs'>
        {ARTICLE_TABS.map((c) => (
          <Button key={c} className={`lw-tab ${c === tab ? 'lw-tab--on' : ''}`} onClick={() => choose(c)}>
            {ClassCategory[c]}
          </Button>
        ))}
      </View>

      {load.step === 'loading' ? <Text className='lw-status'>正在加载…</Text> : null}
      {load.step === 'error' ? (
        <View className='lw-status'>
          <Text>{load.message}</Text>
          <Button className='lw-secondary' onClick={() => void fetchTab(tab)}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' && load.items.length === 0 ? <Text className='lw-status'>这个类别还没有文章。</Text> : null}
      {load.step === 'ready' ? load.items.map((a) => <ArticleCard key={a.id} article={a} />) : null}
      {load.step === 'ready' && load.more === 'error' ? <Text className='lw-error'>加载失败，请重试。</Text> : null}
      {load.step === 'ready' && load.cursor ? (
        <Button className='lw-secondary' {...(load.more === 'loading' ? { loading: true, disabled: true } : {})} onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </SafePage>
  );
}
