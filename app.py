"""Rapportassistenten's web app: `python app.py [--host 127.0.0.1] [--port 7860]`."""
from __future__ import annotations

import argparse
import os
import sys

from assistant.config import Settings
from assistant.errors import AssistantError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rapportassistenten i webbläsaren")
    parser.add_argument("--host", default=os.environ.get("ASSISTANT_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ASSISTANT_PORT", "7860")))
    parser.add_argument("--corpus")
    parser.add_argument("--index")
    parser.add_argument("--auth", default=os.environ.get("ASSISTANT_AUTH"),
                        help="användare:lösenord (krävs när appen nås från andra datorer)")
    parser.add_argument("--allow-open", action="store_true",
                        help="tillåt annan adress än 127.0.0.1 utan lösenord (på egen risk)")
    args = parser.parse_args(argv)
    if args.host not in LOOPBACK and not args.auth and not args.allow_open:
        print(f"Fel: --host {args.host} gör appen nåbar från andra datorer. Ange --auth användare:lösenord "
              "(eller --allow-open om nätet redan är skyddat).", file=sys.stderr)
        return 2

    from assistant.pipeline import Assistant
    from assistant.webapp import build_app

    try:
        print("Laddar index (byggs vid första start) …", file=sys.stderr)
        assistant = Assistant(Settings.from_env(corpus=args.corpus, index=args.index), progress=True)
    except AssistantError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 2
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    if args.host not in LOOPBACK:
        print(f"OBS: appen lyssnar på {args.host}:{args.port}" + (" med lösenord." if auth else " UTAN lösenord."),
              file=sys.stderr)
    app = build_app(assistant)
    app.queue(default_concurrency_limit=4).launch(server_name=args.host, server_port=args.port, auth=auth,
                                                   max_file_size="50mb", show_error=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
