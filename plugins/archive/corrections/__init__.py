"""Corrections as data: one file per debunked claim, applied by the build to
every article that repeats the claim. Knows nothing of Pelican."""
