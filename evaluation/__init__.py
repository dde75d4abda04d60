"""How good the matcher is, measured: never imported by the site.

* :mod:`.seeds` scores links against the hand-made labels of the five seeds
  (tests/data/reuse_labels.json);
* :mod:`.devset` adds each kind of development text (tests/data/devset/) to
  the seeds and scores the links and notices that touch it;
* :mod:`.short_answers` measures a local copy of Clough and Stevenson's
  corpus of short answers written with and without a source;
* :mod:`.encoders` measures how well a sentence encoder separates one
  statement from one topic within a language.

`invoke evaluate` runs the first two (and the third with `--short-answers`).
"""
