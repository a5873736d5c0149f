import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { loadClientConfig } from './services/client-config';
import { installPrivacyHandshake } from './services/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Before any page can call a privacy API (getLocation), so WeChat's pause reaches our sheet.
    installPrivacyHandshake();
    // Where quick exit leads in a browser; the built-in neutral page until the server answers.
    void loadClientConfig();
  });

  // children are the pages
  return children;
}

export default App;
