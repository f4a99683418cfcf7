"""Several worker processes give exactly what one process gives, in the same order."""

from __future__ import annotations

import pickle

from chronique.errors import FormatError, InputError
from chronique.model import Article
from chronique.pipeline import Pipeline, run_parallel

TEXTS = [
    ("fr", "Le maire a rencontré lundi à Lyon le préfet du Rhône."),
    ("en", "Police arrested two men in Abuja on Monday."),
    ("fr", "Des milliers de personnes ont manifesté samedi à Paris contre la réforme."),
    ("en", "Kenya's foreign minister met his Somali counterpart in Nairobi on Monday."),
    ("fr", "L'armée a bombardé mardi des positions rebelles près d'Alep, selon l'OSDH."),
]


def _items() -> list[Article | InputError]:
    items: list[Article | InputError] = [
        Article(id=f"a{i}", text=t, lang=lang, published="2021-01-06") for i, (lang, t) in enumerate(TEXTS)
    ]
    items.insert(2, FormatError("bad.jsonl:3", "malformed JSON line"))
    return items


def test_pipeline_parallel_equals_sequential() -> None:
    one = [(p.article.id, [e.as_dict() for e in p.events], str(p.error) if p.error else None)
           for p in Pipeline(batch_size=2).run(_items())]
    pipe = Pipeline(batch_size=2)
    two = [(p.article.id, [e.as_dict() for e in p.events], str(p.error) if p.error else None)
           for p in run_parallel(pipe, _items(), 2)]
    assert sorted(one, key=str) == sorted(two, key=str)
    assert [x[0] for x in two if x[2] is None] == [f"a{i}" for i in range(len(TEXTS))]
    assert pipe.counts["articles"] == len(TEXTS) and pipe.counts["failed"] == 1
    assert pipe.timings["parse"] > 0


def test_pipeline_input_errors_survive_pickling() -> None:
    err = pickle.loads(pickle.dumps(FormatError("f.jsonl:2", "malformed JSON line")))
    assert isinstance(err, FormatError) and err.where == "f.jsonl:2" and str(err) == "f.jsonl:2: malformed JSON line"
