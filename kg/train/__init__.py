"""Retraining kg's models on annotated data (``kg train``); see :mod:`kg.train.conll04`."""

from kg.train.conll04 import TrainReport, train_conll04

__all__ = ["TrainReport", "train_conll04"]
