"""A plain Wagtail page type for benchmarks/load_bench.py only: the baseline the plugin's pages are compared
with. Installed only when ``THGOV_BENCH_PAGES=1`` (see demo_site/settings.py); never part of the plugin."""
