-- wrk script: one JSON line with the figures bench/driver.py reads.
-- The cookie (a signed-in session) comes from the environment, so one script serves all pages.
local cookie = os.getenv("BENCH_COOKIE")

wrk.headers["Accept-Language"] = os.getenv("BENCH_LANGUAGE") or "ja"
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "requests_per_second": %.2f, "bytes": %d, ' ..
    '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
    '"errors": %d, "non_2xx": %d, "timeouts": %d}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
