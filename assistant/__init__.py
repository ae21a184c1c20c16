"""Rapportassistenten: cited answers to Swedish questions over a region's own reports."""
import os

# FAISS and the embedder each bring an OpenMP runtime. With OpenMP's default busy-waiting, the idle
# threads of one spin while the other works; on 2 cores that made a question's embedding up to three
# times slower (answer p95 123 -> 46 ms with passive waiting, bench/README.md). It must be set before
# either library loads, so it lives here; a value set by the user wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
