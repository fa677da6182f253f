"""Tests for app.db.similarity: metrics, filters, ranking and SQL rendering."""

from __future__ import annotations

import math

import pytest

from app.db.similarity import (
    Filter,
    FilterOp,
    Metric,
    build_search_query,
    cosine_similarity,
    inner_product,
    l2_distance,
    normalize,
    top_k,
)
from app.db.sql import InvalidIdentifierError, Params, parse_vector_literal, vector_literal


def test_cosine_of_identical_vectors_is_one() -> None:
    assert cosine_similarity([0.3, 0.4], [0.3, 0.4]) == pytest.approx(1.0)


def test_cosine_of_orthogonal_vectors_is_zero() -> None:
    assert cosine_similarity([1.0, 0.0], [0.0, 2.0]) == pytest.approx(0.0)


def test_cosine_with_zero_vector_is_zero() -> None:
    assert cosine_similarity([0.0, 0.0], [1.0, 1.0]) == 0.0


def test_dimension_mismatch_raises() -> None:
    with pytest.raises(ValueError, match="dimension mismatch"):
        inner_product([1.0, 2.0], [1.0])


def test_l2_distance() -> None:
    assert l2_distance([0.0, 0.0], [3.0, 4.0]) == pytest.approx(5.0)


def test_normalize_produces_unit_vector() -> None:
    unit = normalize([3.0, 4.0])
    assert math.hypot(*unit) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("metric", "expected_ids"),
    [
        (Metric.COSINE, ["doc-1", "doc-2"]),
        (Metric.INNER_PRODUCT, ["doc-1", "doc-2"]),
        (Metric.L2, ["doc-1", "doc-2"]),
    ],
)
def test_top_k_orders_best_first(metric, expected_ids, sample_items) -> None:
    hits = top_k([1.0, 0.1, 0.0], sample_items, 2, metric=metric)
    assert [hit.id for hit in hits] == expected_ids
    if metric.higher_is_better:
        assert hits[0].score >= hits[1].score
    else:
        assert hits[0].score <= hits[1].score


def test_top_k_applies_filters(sample_items) -> None:
    hits = top_k([1.0, 0.0, 0.0], sample_items, 10, filters=[Filter("lang", FilterOp.EQ, "en")])
    assert [hit.id for hit in hits] == ["doc-1", "doc-3"]


def test_top_k_breaks_ties_by_input_order(sample_items) -> None:
    hits = top_k([0.0, 0.0, 0.0], sample_items, 3)
    assert [hit.id for hit in hits] == ["doc-1", "doc-2", "doc-3"]


def test_top_k_omits_values_unless_asked(sample_items) -> None:
    assert top_k([1.0, 0.0, 0.0], sample_items, 1)[0].values is None
    assert top_k([1.0, 0.0, 0.0], sample_items, 1, include_values=True)[0].values == [1.0, 0.0, 0.0]


@pytest.mark.parametrize("k", [0, -1, 101])
def test_top_k_rejects_out_of_range_k(k: int, sample_items) -> None:
    with pytest.raises(ValueError, match="top_k"):
        top_k([1.0, 0.0, 0.0], sample_items, k)


@pytest.mark.parametrize(
    ("flt", "metadata", "expected"),
    [
        (Filter("lang", FilterOp.EQ, "en"), {"lang": "en"}, True),
        (Filter("lang", FilterOp.NE, "en"), {"lang": "de"}, True),
        (Filter("lang", FilterOp.NE, "en"), {}, True),
        (Filter("lang", FilterOp.IN, ["de", "fr"]), {"lang": "en"}, False),
        (Filter("year", FilterOp.GTE, 2023), {"year": 2023}, True),
        (Filter("year", FilterOp.LT, 2023), {"year": "2020"}, False),
        (Filter("year", FilterOp.GT, 2000), {}, False),
    ],
)
def test_filter_matches(flt: Filter, metadata: dict, expected: bool) -> None:
    assert flt.matches(metadata) is expected


def test_numeric_filter_requires_number() -> None:
    with pytest.raises(ValueError, match="numeric"):
        Filter("year", FilterOp.GT, "2020")


def test_eq_filter_renders_jsonb_containment() -> None:
    params = Params()
    sql = Filter("lang", FilterOp.EQ, "en").to_sql(params)
    assert sql == "metadata @> $1::jsonb"
    assert params.values == ['{"lang": "en"}']


def test_build_search_query_binds_every_value() -> None:
    sql, args = build_search_query(
        "vector_items",
        [0.5, 0.25],
        collection_id="c-1",
        bucket=3,
        k=5,
        metric=Metric.COSINE,
        filters=[Filter("year", FilterOp.GTE, 2020)],
    )
    assert 'FROM "vector_items"' in sql
    assert "ORDER BY embedding <=> $1::vector" in sql
    assert "1 - (embedding <=> $1::vector) AS score" in sql
    assert sql.rstrip().endswith("LIMIT $6")
    assert args == ["[0.5,0.25]", 3, "c-1", "year", 2020.0, 5]


def test_inner_product_score_flips_pgvector_sign() -> None:
    sql, _ = build_search_query(
        "vector_items", [1.0], collection_id="c", bucket=0, k=1, metric=Metric.INNER_PRODUCT
    )
    assert "-(embedding <#> $1::vector) AS score" in sql


def test_build_search_query_rejects_unsafe_table() -> None:
    with pytest.raises(InvalidIdentifierError):
        build_search_query('items"; DROP TABLE x; --', [1.0], collection_id="c", bucket=0, k=1)


def test_vector_literal_round_trip() -> None:
    values = [0.125, -2.0, 3.5]
    assert parse_vector_literal(vector_literal(values)) == values
