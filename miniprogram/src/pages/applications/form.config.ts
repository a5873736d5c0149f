// A neutral title: it shows in the browser history and the WeChat task list.
export default definePageConfig({
  navigationBarTitleText: '申请材料',
});
