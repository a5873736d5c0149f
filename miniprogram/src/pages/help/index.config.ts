export default definePageConfig({
  navigationBarTitleText: '湛家和',
});
