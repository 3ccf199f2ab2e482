"""``cronica serve`` (the web app and HTTP API) and ``cronica user`` (accounts and API tokens)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from cronica.cli._store_args import add_db
from cronica.errors import CronicaError


def register(subparsers: Any) -> None:
    s = subparsers.add_parser(
        "serve",
        help="start the web app (review, correct, explore) and the HTTP API on localhost",
        description=(
            "Serve the web app and the HTTP API over a store (the same database as `cronica ingest`). "
            "Create an account first with `cronica user add NAME --role admin`. The API is described at "
            "/api/openapi.json. See docs/web.md."
        ),
    )
    add_db(s)
    s.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)"
    )
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    s.add_argument(
        "--secure-cookies",
        action="store_true",
        help="mark the session cookie Secure (when serving behind HTTPS)",
    )
    s.set_defaults(func=run_serve)

    u = subparsers.add_parser(
        "user",
        help="add accounts (viewer, coder, admin), list them, make API tokens",
        description="Accounts of the web app. Roles: viewer (read), coder (review, edit), admin (all).",
    )
    actions = u.add_subparsers(dest="user_action", metavar="ACTION")
    add = actions.add_parser("add", help="create an account (the password is asked for, or read from stdin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("viewer", "coder", "admin"))
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_db(add)
    add.set_defaults(func=run_user_add)
    lst = actions.add_parser("list", help="list the accounts")
    add_db(lst)
    lst.set_defaults(func=run_user_list)
    tok = actions.add_parser("token", help="make an API token for an account (printed once)")
    tok.add_argument("name")
    tok.add_argument("--label", help="what the token is for")
    add_db(tok)
    tok.set_defaults(func=run_user_token)
    u.set_defaults(func=lambda args: (u.print_help(), 2)[1])


def _service(args: argparse.Namespace) -> Any:
    from cronica.store import Store
    from cronica.web import Service

    return Service(Store(args.db))


def run_user_add(args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != password:
            raise CronicaError("the passwords differ")
    user = _service(args).add_user(args.name, args.role, password)
    print(f"user {user.name} added ({user.role})", file=sys.stderr)
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    for user in _service(args).users():
        print(f"{user.name}\t{user.role}")
    return 0


def run_user_token(args: argparse.Namespace) -> int:
    print(_service(args).add_token(args.name, args.label))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from cronica.web import create_app

    service = _service(args)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.secure_cookies:
        print(
            f"cronica: warning: serving on {args.host} without --secure-cookies; put it behind HTTPS",
            file=sys.stderr,
        )
    if not service.users():
        print(
            "cronica: no accounts yet: create one with `cronica user add NAME --role admin`", file=sys.stderr
        )
    app = create_app(service, secure_cookies=args.secure_cookies)
    print(f"cronica: serving {service.store.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
