# Prüfungen für den Pool — ünïcödé 😀
import unittest

import pytest

from app.pool import ConnectionPool as Pool


@pytest.mark.parametrize("size", [1, 2, 3])
def test_pool_keeps_its_size(size):
    assert Pool(size).size == size


async def test_acquire_returns_a_connection():
    pool = Pool(1)
    assert await pool.acquire() is not None


class TestPool:
    def test_zero_size_is_allowed(self):
        assert Pool(0).size == 0

    def helper(self):
        return 1


class PoolCase(unittest.TestCase):
    def test_size_is_stored(self):
        self.assertEqual(Pool(4).size, 4)


def helper_not_a_test():
    return 2
