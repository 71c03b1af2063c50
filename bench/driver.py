"""bench/run's driver: for each size, prepare the database, start gunicorn in production
mode, drive every page with wrk, time the meeting-report PDF, stop gunicorn; then write
bench/results.json and print a table. Standard library only."""

import argparse
import datetime
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SIZES = {
    # About the seed data's size (40 pledges), with the benchmark's cast.
    "seed": {"organizations": 25, "pledges": 40, "updates_per_pledge": 3, "meetings": 4},
    # The whole Global Refugee Forum (UNHCR, December 2025).
    "forum": {"organizations": 1300, "pledges": 3500, "updates_per_pledge": 50, "meetings": 12},
}
DEFAULT_DATABASE = "postgres://grfnet_ci:grfnet_ci@127.0.0.1:5432/grfnet_bench"
DEFAULT_CACHE = "redis://127.0.0.1:6379/10"


def log(message: str) -> None:
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def database_for(base_url: str, size: str) -> str:
    """One database per size (``<name>_<size>``), so the Forum data is made once."""
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path=f"{parts.path}_{size}"))


def ensure_database(url: str) -> None:
    import psycopg  # in the venv: the app's own driver

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(args, database_url: str, static_root: Path) -> dict:
    return {
        **os.environ,
        "GRFNET_PRODUCTION": "True",
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": database_url,
        "CACHE_URL": args.cache_url,
        "EMAIL_URL": "consolemail://",
        "DEFAULT_FROM_EMAIL": "grfnet <noreply@grfnet.example.org>",
        "GRFNET_SITE_URL": "https://grfnet.example.org",
        "GRFNET_PUBLIC_DASHBOARD": "True",
        "SECURE_SSL_REDIRECT": "False",  # wrk speaks plain HTTP to gunicorn
        "STATIC_ROOT": str(static_root),
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "ERROR",
    }


def probe(env: dict, *arguments: str) -> object:
    """Run bench/probe.py; its last line is ``BENCH-JSON <json>``."""
    result = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "probe.py"), *arguments],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    line = [x for x in result.stdout.splitlines() if x.startswith("BENCH-JSON ")][-1]
    return json.loads(line.removeprefix("BENCH-JSON "))


def start_gunicorn(env: dict, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "grfnet.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--timeout=600",  # the PDF at the Forum size, cold
            # Workers are forked from a master that has loaded the app (--preload), so a
            # worker recycled after --max-requests is back in milliseconds; without it each
            # recycle (every few seconds at 600 requests/s) stalled a worker for a second
            # and put that second into every page's p95.
            "--preload",
            "--max-requests=20000",
            "--max-requests-jitter=2000",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,  # its own process group, stopped as one
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
        if process.poll() is not None:
            raise SystemExit("gunicorn did not start")
    stop(process)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def get(url: str, cookie: str = "", method: str = "GET", timeout: float = 900):
    request = urllib.request.Request(url, method=method, headers={"Accept-Language": "ja"})
    if cookie:
        request.add_header("Cookie", cookie)
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
    return time.perf_counter() - started, body


def wrk(url: str, cookie: str, args) -> dict:
    env = {**os.environ, "BENCH_COOKIE": cookie}
    result = subprocess.run(
        [
            "wrk",
            f"--threads={min(2, args.connections)}",
            f"--connections={args.connections}",
            f"--duration={args.duration}s",
            "--timeout=30s",
            f"--script={ROOT / 'bench' / 'report.lua'}",
            url,
        ],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def clear_cache(env: dict) -> None:
    subprocess.run(
        [PYTHON, "-c", "import django; django.setup(); "
         "from django.core.cache import cache; cache.clear()"],
        env={**env, "DJANGO_SETTINGS_MODULE": "grfnet.settings"}, cwd=ROOT, check=True,
    )  # fmt: skip


def time_pdf(base: str, path: str, env: dict) -> dict:
    """The report PDF with nothing cached (the first request builds it), then again."""
    clear_cache(env)
    subprocess.run(
        [PYTHON, "-c", "import django; django.setup(); "
         "from meetings.pdf_cache import forget_all; forget_all()"],
        env={**env, "DJANGO_SETTINGS_MODULE": "grfnet.settings"}, cwd=ROOT, check=False,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    cold, body = get(base + path)
    warm = [get(base + path)[0] for _ in range(5)]
    return {
        "cold_s": round(cold, 3),
        "warm_ms": round(sorted(warm)[len(warm) // 2] * 1000, 2),
        "bytes": len(body),
    }


def run_size(name: str, args, static_root: Path) -> dict:
    database_url = database_for(args.database_url, name)
    ensure_database(database_url)
    env = environment(args, database_url, static_root)
    log(f"{name}: preparing {database_url.rsplit('/', 1)[-1]}")
    prepare_args = ["prepare", json.dumps(SIZES[name])] + (["--fresh"] if args.fresh else [])
    prepared = probe(env, *prepare_args)
    log(f"{name}: {prepared['data']}")
    measured = probe(env, "measure", json.dumps(prepared["pages"]))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = None
    try:
        process = start_gunicorn(env, port, args.workers)
        log(f"{name}: gunicorn with {args.workers} workers on {base}")
        pages = []
        for page, counts in zip(prepared["pages"], measured, strict=True):
            get(base + page["path"], page["cookie"])  # warm up
            figures = wrk(base + page["path"], page["cookie"], args)
            _seconds, body = get(base + page["path"], page["cookie"])
            pages.append({**page, **counts, **figures, "response_bytes": len(body)})
            log(
                f"{name}: {page['name']:<36} {figures['requests_per_second']:>8.1f} req/s "
                f"p95 {figures['p95_ms']:>8.1f} ms"
            )
        floor = pages[0]["requests_per_second"] or 1
        for page in pages:
            page.pop("cookie")
            page["ratio_to_healthz"] = round(page["requests_per_second"] / floor, 3)
        pdf = None
        if not args.no_pdf:
            pdf = time_pdf(base, prepared["pdf"], env)
            log(f"{name}: PDF cold {pdf['cold_s']} s, warm {pdf['warm_ms']} ms")
        return {"data": prepared["data"], "pages": pages, "pdf": pdf}
    finally:
        stop(process)


def table(results: dict) -> str:
    lines = [
        f"{'size':<6} {'page':<36} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7} "
        f"{'queries':>7} {'KB':>7} {'ratio':>6}"
    ]
    for size, result in results["sizes"].items():
        for p in result["pages"]:
            lines.append(
                f"{size:<6} {p['name']:<36} {p['requests_per_second']:>8.1f} "
                f"{p['p50_ms']:>7.1f} {p['p95_ms']:>7.1f} {p['p99_ms']:>7.1f} "
                f"{p['queries']:>3}/{p['queries_cold']:<3} {p['response_bytes'] / 1024:>7.1f} "
                f"{p['ratio_to_healthz']:>6.3f}"
            )
        if result["pdf"]:
            pdf = result["pdf"]
            lines.append(
                f"{size:<6} {'report PDF':<36} cold {pdf['cold_s']} s, warm {pdf['warm_ms']} ms, "
                f"{pdf['bytes'] / 1024:.0f} KB"
            )
    lines.append("(latencies in ms; queries warm/cold cache; ratio: req/s over /healthz's)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=SIZES, default=["seed", "forum"])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=8, help="wrk's concurrency")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    )
    parser.add_argument("--cache-url", default=os.environ.get("BENCH_CACHE_URL", DEFAULT_CACHE))
    parser.add_argument("--fresh", action="store_true", help="make the demo data again")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF timings")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args()

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ).stdout.strip()
    results = {
        "generated_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "workers": args.workers,
        "connections": args.connections,
        "duration_s": args.duration,
        "sizes": {},
    }
    static_root = ROOT / "bench" / ".staticfiles"
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    for name in args.sizes:
        results["sizes"][name] = run_size(name, args, static_root)
        # Written after each size, so a run stopped half-way keeps what it measured.
        output.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    log(f"wrote {args.output}")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks
    main()
