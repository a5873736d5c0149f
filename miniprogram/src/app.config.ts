export default defineAppConfig({
  pages: ['pages/index/index', 'pages/centers/index', 'pages/centers/detail', 'pages/privacy/index', 'pages/bookings/index', 'pages/bookings/mine', 'pages/help/index', 'pages/my-requests/index', 'pages/applications/index', 'pages/applications/form', 'pages/applications/detail', 'pages/classes/index', 'pages/classes/detail', 'pages/classes/mine', 'pages/law/index', 'pages/law/article', 'pages/law/quiz'],
  subPackages: [
    {
      root: 'staff',
      pages: ['pages/login/index', 'pages/inbox/index', 'pages/bookings/index', 'pages/bookings/detail', 'pages/providers/index', 'pages/requests/detail', 'pages/requests/register', 'pages/protection-orders/index', 'pages/protection-orders/detail', 'pages/classes/index', 'pages/classes/edit', 'pages/classes/session', 'pages/articles/index', 'pages/articles/edit', 'pages/quiz/index', 'pages/quiz/edit', 'pages/mediation/index', 'pages/mediation/register', 'pages/mediation/detail', 'pages/stats/index', 'pages/admin/staff', 'pages/admin/centers', 'pages/admin/audit'],
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
