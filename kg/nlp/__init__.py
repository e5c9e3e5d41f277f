"""The spaCy pipeline: loading the English model and kg's own components."""
