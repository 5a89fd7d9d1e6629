"""The NLP stage: spaCy plus claimgraph's own pipeline components. spaCy objects stay in here."""
