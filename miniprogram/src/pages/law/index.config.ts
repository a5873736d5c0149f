export default definePageConfig({
  navigationBarTitleText: '普法知识',
});
