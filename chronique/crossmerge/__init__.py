"""Merging across articles: one real-world event, many reports.

- ``neardup``: near-duplicate articles (MinHash over word shingles): copies of one source;
- ``features``: report keys, blocking window, explainable pair features and score;
- ``claims``: the merged record: reports, every claim with who claims it, disagreements,
  ACLED's lowest credible figure, corroboration grade.

The store (``chronique.store``) runs these at ingest: each new article's events are
attached to stored merged events or found new ones, in the article's transaction.
Nothing here touches the database.
"""

from __future__ import annotations

from .claims import GRADES, corroboration, disagreements, merged_record
from .features import candidate_window, dates_meet, decide, features, may_tie, plain, report_key, score
from .neardup import Signature, is_copy, signature, similarity

__all__ = ["GRADES", "Signature", "candidate_window", "corroboration", "dates_meet", "decide", "disagreements",
           "features", "is_copy", "may_tie", "merged_record", "plain", "report_key", "score", "signature",
           "similarity"]
