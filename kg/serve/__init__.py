"""Serving a graph: a SPARQL endpoint (``kg serve``) and pushing to triple stores (``kg push``)."""
