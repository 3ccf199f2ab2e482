"""Learning event detection and typing from labelled data, and judging it on data it was not fitted to.

In: labelled examples (ACLED exports, GLOCON sentences, reviewed records). Out: the event classifier
file that :mod:`cronica.extraction.learned` reads (:func:`~cronica.learn.train.train_to_file`), and
cross-domain scores: train on some sources, test on the others (:mod:`cronica.learn.splits`).
Sits above ``eval`` and ``pipeline``; nothing in the extraction path imports it.
"""
