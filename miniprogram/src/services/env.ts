/**
 * Platform checks. They read process.env.TARO_ENV at call time: the build replaces it with a literal
 * (so the other platform's branch is dropped), and tests can switch platforms between cases.
 */
export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}

export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}
