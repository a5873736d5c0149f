export default defineAppConfig({
  pages: ['pages/index/index', 'pages/centers/index', 'pages/centers/detail', 'pages/privacy/index'],
  subPackages: [
    {
      root: 'staff',
      pages: ['pages/login/index', 'pages/inbox/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f6f4f0',
    navigationBarBackgroundColor: '#f6f4f0',
    navigationBarTitleText: '湛家和',
    navigationBarTextStyle: 'black',
  },
  // Load only the components a page renders (WeChat code-quality requirement).
  lazyCodeLoading: 'requiredComponents',
  // Privacy APIs wait for our consent sheet (wx.onNeedPrivacyAuthorization) before they run.
  __usePrivacyCheck__: true,
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': {
      desc: '用于查找离你最近的妇女维权服务中心，位置不会被保存',
    },
  },
});
