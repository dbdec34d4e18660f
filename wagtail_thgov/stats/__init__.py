"""Visitor statistics and satisfaction ratings (§1.10).

Page views are counted by ``middleware.PageViewCounterMiddleware`` into a per-process buffer
(``buffer.py``) and written in batches, never one database write per request.
"""
