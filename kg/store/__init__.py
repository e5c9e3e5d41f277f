"""Reading and writing graphs, and running SPARQL over them."""
