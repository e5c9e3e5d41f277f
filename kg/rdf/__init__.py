"""RDF: the vocabulary of our ontology, IRI minting, graph building and validation."""
