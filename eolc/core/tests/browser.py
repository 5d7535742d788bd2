"""Browser-test fixtures (Playwright driving Debian's Chromium, axe-core). Filled in next."""
