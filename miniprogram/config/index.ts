import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import devConfig from './dev';
import prodConfig from './prod';

/** The shared package is consumed as TypeScript source; webpack compiles it like our own code. */
const sharedSrc = path.resolve(__dirname, '../../shared/src');

/** weapp calls an absolute API origin; H5 is served by the API server itself, so it uses same-origin `/api`. */
const weappApiBase = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';

/** postcss-pxtransform supports targetUnit 'px' for h5; Taro's config type only lists rem/rpx/vw. */
const H5_PX = 'px' as unknown as 'rem';

type Chain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['mini']>['webpackChain']>>[0];

/**
 * The shared modules only declare schemas and labels. Marking them side-effect free lets webpack drop
 * the ones a page does not use (and with them zod), which keeps the weapp main package small.
 */
function sharedWithoutSideEffects(chain: Chain) {
  chain.module.rule('zjh-shared').test(/\.ts$/).include.add(sharedSrc).end().set('sideEffects', false);
}

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'zhanjiahe',
    date: '2026-11-30',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@zjh/shared': sharedSrc,
    },
    defineConstants: {
      API_BASE: JSON.stringify(isH5 ? '' : weappApiBase),
    },
    copy: {
      // The neutral page is where quick exit lands in a browser. It must not ship inside the weapp package.
      patterns: isH5 ? [{ from: 'src/static/neutral.html', to: 'dist/h5/neutral.html' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Minify JS and WXSS/CSS in production builds (WeChat code-quality check).
    terser: { enable: true },
    csso: { enable: true },
    mini: {
      compile: { include: [sharedSrc] },
      optimizeMainPackage: { enable: true },
      // Component styles use distinct class prefixes, so their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        sharedWithoutSideEffects(chain);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // Plain px (design px / 2) instead of rem: no inline root-font-size script is needed, which the
        // server's Content-Security-Policy (script-src 'self') would block, and desktop staff pages are
        // not blown up to twice the phone size.
        pxtransform: { enable: true, config: { targetUnit: H5_PX } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        sharedWithoutSideEffects(chain);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
