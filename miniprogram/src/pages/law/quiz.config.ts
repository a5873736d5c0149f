export default definePageConfig({
  navigationBarTitleText: '知识问答',
});
