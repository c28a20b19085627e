"""One worker process: ``python -m workers.child`` runs the jobs it is sent.

Started by ``workers.process`` as a module of its own (never a fork of the
threaded service, and never an import of the service's main module, so a
script that creates the app without an ``if __name__ == "__main__":`` guard
works). It caps its own address space and priority before importing
anything, dies with the service (it watches a pipe only the service holds
open), and answers over a socket:

    service → worker   ("run", job, args, callback names)
    worker  → service  ("call", name, args)            a callback, run in the service
    service → worker   ("ok", value) | ("abort",)      its answer
    worker  → service  ("done", value) | ("raised", exception) | ("aborted",) | ("memory", detail)
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import sys
import threading
from multiprocessing.connection import Connection

from workers.process import load_target


class CallbackAborted(BaseException):
    """The service could not run a callback; the job ends here.

    A BaseException, so that a job's own ``except Exception`` does not
    swallow it: the service already holds the reason and answers with it.
    """


class _Callback:
    def __init__(self, connection: Connection, name: str) -> None:
        self._connection, self._name = connection, name

    def __call__(self, *args):
        self._connection.send(("call", self._name, args))
        answer = self._connection.recv()
        if answer[0] != "ok":
            raise CallbackAborted(self._name)
        return answer[1]


def _die_with_parent(lifeline: int) -> None:
    """Block on the pipe only the service holds open: EOF means it is gone."""
    while os.read(lifeline, 1):
        pass
    os._exit(0)


def _transportable(error: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError naming it."""
    try:
        return pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any pickling failure: send its description
        return RuntimeError(f"{type(error).__name__}: {error}")


def serve(connection: Connection, jobs: dict) -> None:
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return  # the service closed this worker
        _, job, args, callbacks = message
        try:
            value = jobs[job](*args, **{name: _Callback(connection, name) for name in callbacks})
        except CallbackAborted:
            connection.send(("aborted",))
        except MemoryError as error:
            # The address space cap was hit: answer, then leave (the heap may be in tatters).
            connection.send(("memory", f"{type(error).__name__}: {error}"))
            os._exit(3)
        except Exception as error:  # noqa: BLE001 - every error goes back to the service
            connection.send(("raised", _transportable(error)))
        else:
            connection.send(("done", value))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m workers.child")
    parser.add_argument("--connection", type=int, required=True)
    parser.add_argument("--lifeline", type=int, required=True)
    parser.add_argument("--memory-limit", type=int, default=0, help="bytes of address space; 0: none")
    parser.add_argument("--nice", type=int, default=0)
    parser.add_argument("--job", action="append", default=[], help="name=module:function")
    parser.add_argument("--warm", action="append", default=[], help="module:function called once at start")
    args = parser.parse_args(argv)
    if args.memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (args.memory_limit, args.memory_limit))
    if args.nice:
        os.nice(args.nice)
    threading.Thread(target=_die_with_parent, args=(args.lifeline,), name="lifeline", daemon=True).start()
    connection = Connection(args.connection)
    jobs = {name: load_target(target) for name, _, target in (job.partition("=") for job in args.job)}
    for warm in args.warm:
        load_target(warm)()
    connection.send(("ready", os.getpid()))
    serve(connection, jobs)


if __name__ == "__main__":
    sys.exit(main())
