"""``news-ingest`` command line (also ``python -m worker``).

Subcommands: ``run`` (the service), ``process`` (offline: files in, events out),
``schemas`` (export/check JSON Schemas), ``demo`` (end to end on an embedded broker),
``bench`` (parse/enrich throughput).  Exit codes: 0 ok, 1 runtime failure, 2 bad usage
or configuration.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path
from types import FrameType

from worker import __version__
from worker.errors import ConfigError

log = logging.getLogger("news_ingest")


def _setup_logging(level: str, fmt: str) -> None:
    if fmt == "json":
        pattern = '{"ts":"%(asctime)s","level":"%(levelname)s","logger":"%(name)s","msg":"%(message)s"}'
    else:
        pattern = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
    logging.basicConfig(level=level, format=pattern, stream=sys.stderr)
    logging.getLogger("kafka").setLevel(logging.WARNING if level != "DEBUG" else logging.INFO)
    # kafka-python 3.0's event loop warns about slow tasks (e.g. decompressing a large fetch): noise.
    logging.getLogger("kafka.net.selector").setLevel(logging.ERROR)


def _cmd_run(args: argparse.Namespace) -> int:
    from prometheus_client import CollectorRegistry

    from worker.app import build_runner
    from worker.broker.kafka import KafkaBroker
    from worker.metrics import Metrics
    from worker.runtime.health import Health
    from worker.runtime.loop import FatalRuntimeError
    from worker.runtime.probes import ProbeServer
    from worker.settings import load_settings

    overrides: dict[str, object] = {}
    if args.bootstrap:
        overrides["bootstrap_servers"] = args.bootstrap
    if args.metrics_port is not None:
        overrides["metrics_port"] = args.metrics_port
    settings = load_settings(**overrides)
    _setup_logging(settings.log_level, settings.log_format)
    registry = CollectorRegistry()
    metrics = Metrics(registry)
    health = Health(stall_after_s=max(60.0, settings.max_poll_interval_s / 2))
    probes = ProbeServer(registry, health, settings.metrics_host, settings.metrics_port).start()
    log.info(
        "news-ingest %s: %s -> %s (dlq %s); probes on %s",
        __version__,
        settings.input_topic,
        settings.output_topic,
        settings.dlq_topic,
        probes.url,
    )
    runner = build_runner(settings, KafkaBroker(settings.bootstrap_servers), metrics, health)

    def _stop(signum: int, frame: FrameType | None) -> None:
        log.info("received %s: finishing in-flight work", signal.Signals(signum).name)
        runner.request_stop(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    code = 0
    try:
        summary = runner.run(max_messages=args.max_messages, idle_timeout_s=args.idle_timeout)
        log.info(
            "stopped (%s): consumed=%d published=%d dead_lettered=%d skipped=%d commits=%d in %.1fs",
            summary.stop_cause,
            summary.consumed,
            summary.published,
            summary.dead_lettered,
            summary.skipped,
            summary.commits,
            summary.elapsed_s,
        )
    except FatalRuntimeError as exc:
        log.error("giving up: %s", exc)
        code = 1
    finally:
        # Already draining: a repeated SIGTERM (or one arriving during interpreter shutdown, after
        # Python's handlers are gone) must not turn a clean exit into death by signal.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        runner.close()
        probes.stop()
    return code


def _cmd_process(args: argparse.Namespace) -> int:
    from worker.app import pipeline_context
    from worker.offline import print_summary, process_files
    from worker.settings import load_settings

    settings = load_settings()
    ctx = pipeline_context(settings)
    paths = [Path(p) for p in args.files]
    if args.output:
        with open(args.output, "wb") as out:
            summary = process_files(paths, ctx, out, sys.stderr)
    else:
        summary = process_files(paths, ctx, sys.stdout.buffer, sys.stderr)
        sys.stdout.flush()
    print_summary(summary)
    return 1 if summary.unreadable and not summary.records else 0


def _cmd_schemas(args: argparse.Namespace) -> int:
    from worker.schemas import export_schemas, stale_schemas

    directory = Path(args.dir)
    if args.check:
        stale = stale_schemas(directory)
        for name in stale:
            print(f"stale: {directory / name} (run `news-ingest schemas`)", file=sys.stderr)
        return 1 if stale else 0
    for path in export_schemas(directory):
        print(path)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from worker.demo import run_demo

    return run_demo(messages=args.messages, corpus=Path(args.corpus) if args.corpus else None)


def _cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "parse":
        from worker.bench.parse import main as parse_main

        return parse_main(args.rest)
    from worker.bench.enrich import main as enrich_main

    return enrich_main(args.rest)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="news-ingest", description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--version", action="version", version=f"news-ingest {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="consume, process and publish (configured by INGEST_* variables)")
    run.add_argument("--bootstrap", help="override INGEST_BOOTSTRAP_SERVERS")
    run.add_argument("--metrics-port", type=int, help="override INGEST_METRICS_PORT (0 = any free port)")
    run.add_argument("--max-messages", type=int, help="stop after this many messages (then drain)")
    run.add_argument("--idle-timeout", type=float, help="stop after this many seconds without messages")
    run.set_defaults(fn=_cmd_run)

    proc = sub.add_parser("process", help="offline: JSONL or raw files in, events JSONL out")
    proc.add_argument("files", nargs="+")
    proc.add_argument("--output", "-o", help="write events here instead of stdout")
    proc.set_defaults(fn=_cmd_process)

    sch = sub.add_parser("schemas", help="export JSON Schemas of the models")
    sch.add_argument("--dir", default="schemas")
    sch.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    sch.set_defaults(fn=_cmd_schemas)

    demo = sub.add_parser("demo", help="end to end on an embedded local Kafka broker")
    demo.add_argument("--messages", type=int, default=1000, help="messages to produce (corpus repeated)")
    demo.add_argument("--corpus", help="JSONL corpus (default: ../shared/data/dev/articles.jsonl)")
    demo.set_defaults(fn=_cmd_demo)

    bench = sub.add_parser("bench", help="single-core throughput benchmarks")
    bench.add_argument("what", choices=["parse", "enrich"])
    bench.add_argument("rest", nargs=argparse.REMAINDER)
    bench.set_defaults(fn=_cmd_bench)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.fn(args)
    except ConfigError as exc:
        print(f"news-ingest: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
