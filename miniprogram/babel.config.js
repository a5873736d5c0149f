// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// This is a project-wide config, so it also applies to ../shared/src, which webpack compiles from source.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
