import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm run dev:h5` talks to a locally running API server.
    devServer: {
      proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true } },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
