// The three charts are lazily imported modules. On a cold cache (a clean clone) Vite compiles
// each on its first request, while the other browser projects share the two cores: that took
// longer than a test's poll for the first chart to draw. Loading them here compiles them before
// any test's clock starts; what the lazy loading itself does is tested in
// test/components/charts/lazyChart.test.tsx.
await Promise.all([
  import('../../src/components/UserDetail/ActivityChart.js'),
  import('../../src/components/UserDetail/ScoreChart.js'),
  import('../../src/components/UserList/DistributionChart.js'),
]);
export {};
