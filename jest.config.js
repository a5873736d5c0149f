/** Jest projects: shared, server (API tests on SQLite, and MariaDB when TEST_DATABASE_URL is set), miniprogram pages (jsdom), e2e (real server + Chromium). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true, tsx: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const sharedAlias = { '^@zjh/shared$': '<rootDir>/shared/src/index.ts' };

module.exports = {
  projects: [
    {
      displayName: 'shared',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/shared/src/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: sharedAlias,
    },
    {
      displayName: 'server',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/server/src/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: sharedAlias,
      setupFiles: ['reflect-metadata'],
    },
    require('./miniprogram/jest.config.js'),
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: sharedAlias,
      testTimeout: 120000,
    },
  ],
};
