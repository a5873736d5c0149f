export default definePageConfig({
  navigationBarTitleText: '文章管理',
});
