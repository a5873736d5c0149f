import { cleanup } from '@testing-library/react';
import { resetTaro } from './doubles/taro';

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetTaro();
  window.localStorage.clear();
  window.sessionStorage.clear();
});

afterEach(() => {
  cleanup();
});
