import { Button, View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { quickExit, watchQuickExitShortcut } from '../../services/quick-exit';
import { PrivacySheet } from '../privacy-sheet';
import './index.scss';

interface SafePageProps {
  children: ReactNode;
  className?: string;
  /** The privacy notice page itself must stay readable, so it does not show the consent sheet. */
  privacySheet?: boolean;
}

/**
 * The frame of every client page: the always-visible quick-exit button (and, in a browser, the
 * Shift ×3 shortcut), plus the WeChat privacy consent sheet when WeChat asks for it.
 */
export function SafePage({ children, className, privacySheet = true }: SafePageProps) {
  useEffect(() => watchQuickExitShortcut(), []);

  return (
    <View className={`safe-page ${className ?? ''}`}>
      <View className='safe-page__exit-bar'>
        <Button className='quick-exit' onClick={quickExit}>
          快速离开
        </Button>
      </View>
      <View className='safe-page__body'>{children}</View>
      {privacySheet ? <PrivacySheet /> : null}
    </View>
  );
}
