"""Measuring kg's extraction on public benchmarks (CoNLL04, WikiEvents).

:mod:`~kg.eval.scoring` holds pure scorers over plain tuples; :mod:`~kg.eval.mapping`
is the one place that translates our ontology's terms into benchmark labels; the
benchmark modules run the real pipeline on the benchmark text and map offsets back to
its tokens; :mod:`~kg.eval.report` prints the tables.
"""
