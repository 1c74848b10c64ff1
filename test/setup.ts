// Warnings (deprecations, unhandled rejections surfaced as warnings) fail the test that caused them.
process.on('warning', (warning) => {
  throw warning;
});
