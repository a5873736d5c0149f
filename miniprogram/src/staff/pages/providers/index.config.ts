export default definePageConfig({
  navigationBarTitleText: '值班设置',
});
