/**
 * Page tests (jsdom). Taro's runtime does not run under Jest (and @tarojs/test-utils-react does not
 * work with Taro 4), so `@tarojs/components` and `@tarojs/taro` are replaced by small doubles that
 * render plain DOM elements and record API calls. React resolves to the single copy at the repo root.
 */
const path = require('node:path');

const rootDir = path.resolve(__dirname, '..');
const one = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));

module.exports = {
  displayName: 'miniprogram',
  rootDir,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/miniprogram/src/**/*.test.tsx', '<rootDir>/miniprogram/test/**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@zjh/shared$': '<rootDir>/shared/src/index.ts',
    '^@tarojs/components$': '<rootDir>/miniprogram/test/doubles/components.tsx',
    '^@tarojs/taro$': '<rootDir>/miniprogram/test/doubles/taro.ts',
    '\\.(scss|sass|css)$': '<rootDir>/miniprogram/test/doubles/style.ts',
    '^react$': one('react'),
    '^react/(.*)$': `${one('react')}/$1`,
    '^react-dom$': one('react-dom'),
    '^react-dom/(.*)$': `${one('react-dom')}/$1`,
  },
  setupFilesAfterEnv: ['<rootDir>/miniprogram/test/setup.ts'],
  globals: { API_BASE: 'http://127.0.0.1:3000' },
};
