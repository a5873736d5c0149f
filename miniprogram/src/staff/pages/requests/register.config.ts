export default definePageConfig({
  navigationBarTitleText: '登记求助',
});
