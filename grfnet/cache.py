"""Django's Redis cache, with one ``redis.Redis`` client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call,
and building one copies some 170 response callbacks into a dict: about a tenth of the CPU
an anonymous dashboard request took once its body came from the cache (issue 10). A
``redis.Redis`` takes a connection from its pool only while a command runs, so threads may
share it (redis-py says so); the pools and what the commands do are Django's, unchanged.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # Two threads may both build one at first; either is fine. Pools are kept for
            # the life of the backend, so id(pool) names one pool.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
