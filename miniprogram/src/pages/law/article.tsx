import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, RichText, Text, View } from '@tarojs/components';
import { ClassCategory, type ArticleDto } from '@zjh/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { getArticle, QUIZ_PATH } from '../../services/content';
import { isH5 } from '../../services/env';
import { htmlToNodes } from '../../services/rich-text';
import { dateOf } from '../../services/shanghai-time';
import './index.scss';

type Load = { step: 'loading' } | { step: 'error'; message: string } | { step: 'ready'; article: ArticleDto };

/** The body, rebuilt as allowlisted RichText nodes (never raw innerHTML). */
export function ArticleBody({ html }: { html: string }) {
  const nodes = useMemo(() => htmlToNodes(html, { h5: isH5() }), [html]);
  return <RichText className='lw-body' nodes={nodes as never} />;
}

/** Reading one article. The view is counted once a day per reader (a random id for this visit only). */
export default function ArticlePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [load, setLoad] = useState<Load>({ step: 'loading' });

  const fetchArticle = useCallback(async () => {
    setLoad({ step: 'loading' });
    try {
      setLoad({ step: 'ready', article: await getArticle(id) });
    } catch (e) {
      setLoad({ step: 'error', message: errorMessage(e) });
    }
  }, [id]);

  useEffect(() => {
    void fetchArticle();
  }, [fetchArticle]);

  return (
    <SafePage className='article'>
      {load.step === 'loading' ? <Text className='lw-status'>正在加载…</Text> : null}
      {load.step === 'error' ? (
        <View className='lw-status'>
          <Text>{load.message}</Text>
          <Button className='lw-secondary' onClick={() => void fetchArticle()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.step === 'ready' ? (
        <View className='lw-card lw-reader'>
          {load.article.coverUrl ? <Image className='lw-reader__cover' src={load.article.coverUrl} mode='aspectFill' /> : null}
          <Text className='lw-reader__title'>{load.article.title}</Text>
          <Text className='lw-meta'>
            {ClassCategory[load.article.category]}
            {load.article.publishedAt ? ` · ${dateOf(load.article.publishedAt)}` : ''} · 阅读 {load.article.views}
          </Text>
          <ArticleBody html={load.article.body} />
        </View>
      ) : null}
      {load.step === 'ready' && load.article.category === 'law' ? (
        <Button className='lw-secondary' onClick={() => Promise.resolve(Taro.navigateTo({ url: QUIZ_PATH })).catch(() => undefined)}>
          做一做普法知识问答
        </Button>
      ) : null}
    </SafePage>
  );
}
