"""Runs one instance of the pool in place of ``python -m unoserver.server``.

    PYTHON unoserver_launcher.py SERVICE_PID [--sandbox] [--nice N] [--memory-limit BYTES] -- UNOSERVER ARGS
    PYTHON unoserver_launcher.py --check-sandbox

Run by the server python (which imports ``uno`` and ``unoserver``) as a
script: it imports nothing of the service. What it adds to unoserver 3.7:

- **dies with the service**: PR_SET_PDEATHSIG makes the kernel send SIGTERM
  when the thread that spawned it dies, so a service killed with SIGKILL
  (no atexit) leaves no orphan; SIGTERM then SIGKILLs the whole session at
  once (unoserver's own handler, kept from being installed, would ask
  LibreOffice to shut down gracefully: over 20 s on a loaded machine);
- **no network** (``--sandbox``): the XML-RPC socket is bound first, then
  the process enters a network namespace of its own (a user namespace too
  when it is not root) holding only a loopback interface, for unoserver's
  UNO link to LibreOffice; LibreOffice started from here cannot reach any
  host. LibreOffice's own settings (the profile the pool writes) already
  remove its network content providers;
- **documents in memory only**: a document is loaded from a stream, never
  from a file of ours, so nothing in it can name or reach our paths (a
  file-name field or a relative link has no location to resolve against),
  with updates of links and macros off; a field that names the document's
  location (file or template name) is dropped unless the document fixed its
  text; the result is written to a stream too;
- **ready in about 1 s**: unoserver sleeps a fixed 5 s, then 2 s, "to give
  LibreOffice time to start"; its clock is swapped for one that waits until
  LibreOffice's UNO port answers instead;
- ``--nice`` and ``--memory-limit`` (address space), inherited by LibreOffice;
- ``sys.exit(main())`` keeps unoserver's exit status, which its
  ``if __name__ == "__main__": main()`` discards.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import resource
import signal
import socket
import struct
import sys
import time

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
# com.sun.star.document.UpdateDocMode.NO_UPDATE, MacroExecMode.NEVER_EXECUTE
NO_UPDATE = 0
NEVER_EXECUTE = 0
LOCATION_FIELDS = ("com.sun.star.text.TextField.FileName", "com.sun.star.text.TextField.TemplateName")


def enter_network_namespace() -> None:
    """Leave every network but a loopback of our own; OSError when the machine does not allow it."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        # Not root (or no CAP_SYS_ADMIN): a user namespace grants it, mapping our own ids.
        uid, gid = os.getuid(), os.getgid()
        if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"unshare: {os.strerror(error)}")
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
            with open(f"/proc/self/{name}", "w") as file:
                file.write(text)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as control:
        flags = struct.unpack("16sH", fcntl.ioctl(control, SIOCGIFFLAGS, struct.pack("16sH", b"lo", 0))[:18])[1]
        fcntl.ioctl(control, SIOCSIFFLAGS, struct.pack("16sH", b"lo", flags | IFF_UP))


def check_sandbox() -> int | str:
    """0 when this machine lets a process leave the network, else why not (the exit message)."""
    try:
        enter_network_namespace()
    except OSError as error:
        return f"no network namespace: {error}"
    return 0


def option(arguments: list[str], name: str) -> str:
    return arguments[arguments.index(name) + 1]


def adopt_listening_socket(server_module, listening: socket.socket) -> None:
    """unoserver's XML-RPC server takes the socket bound before the namespace changed."""
    base = server_module.XMLRPCServer.__mro__[1]  # xmlrpc.server.SimpleXMLRPCServer

    class AdoptedXMLRPCServer(base):
        def __init__(self, addr, allow_none=False):
            super().__init__(addr, allow_none=allow_none, bind_and_activate=False)
            self.socket.close()
            self.socket = listening
            self.server_address = listening.getsockname()

    server_module.XMLRPCServer = AdoptedXMLRPCServer


def wait_for_libreoffice(server_module, uno_port: int) -> None:
    """unoserver sleeps 5 s then 2 s at start: wait until LibreOffice listens instead."""

    class Clock:
        def __getattr__(self, name):
            return getattr(time, name)

        def sleep(self, seconds):
            if seconds < 5:
                time.sleep(min(seconds, 0.1))
                return
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", uno_port), 0.2).close()
                    return
                except OSError:
                    time.sleep(0.05)

    server_module.time = Clock()


def convert_in_memory(converter_module) -> None:
    """unoserver's UnoConverter.convert, for documents sent in the request only (see the module's docstring)."""
    import uno
    import unohelper
    from com.sun.star.beans import PropertyValue
    from com.sun.star.io import XOutputStream

    class OutputStream(unohelper.Base, XOutputStream):
        def __init__(self):
            self.data = bytearray()

        def writeBytes(self, sequence):
            self.data += sequence.value

        def closeOutput(self):
            pass

        def flush(self):
            pass

    def drop_location_fields(document) -> None:
        fields = document.getTextFields().createEnumeration()
        while fields.hasMoreElements():
            field = fields.nextElement()
            if not any(field.supportsService(name) for name in LOCATION_FIELDS):
                continue
            info = field.getPropertySetInfo()
            if info.hasPropertyByName("IsFixed") and field.getPropertyValue("IsFixed"):
                continue  # the document's own text
            anchor = field.getAnchor()
            anchor.getText().removeTextContent(field)

    def filter_data(options) -> tuple:
        """unoserver's "Name=Value" options as FilterData (true/false/integers typed)."""
        data = []
        for item in options:
            name, _, value = item.partition("=")
            typed = {"true": True, "false": False}.get(value, int(value) if value.isdecimal() else value)
            data.append(PropertyValue(Name=name, Value=typed))
        if not data:
            return ()
        return (PropertyValue(Name="FilterData", Value=uno.Any("[]com.sun.star.beans.PropertyValue", tuple(data))),)

    def convert(self, inpath=None, indata=None, outpath=None, convert_to=None, filtername=None,
                filter_options=(), update_index=True, infiltername=None, password=None):  # fmt: skip
        if indata is None or inpath or outpath or not filtername:
            raise ValueError("this server converts documents sent in the request, with a named export filter")
        stream = self.service.createInstanceWithContext("com.sun.star.io.SequenceInputStream", self.context)
        stream.initialize((uno.ByteSequence(indata),))
        load = [PropertyValue(Name="InputStream", Value=stream), PropertyValue(Name="ReadOnly", Value=True),
                PropertyValue(Name="Hidden", Value=True), PropertyValue(Name="UpdateDocMode", Value=NO_UPDATE),
                PropertyValue(Name="MacroExecutionMode", Value=NEVER_EXECUTE)]  # fmt: skip
        if infiltername:
            load.append(PropertyValue(Name="FilterName", Value=infiltername))
        document = self.desktop.loadComponentFromURL("private:stream", "_blank", 0, tuple(load))
        if document is None:
            raise RuntimeError(f"Could not load document <remote file> using the {infiltername or 'default'} filter.")
        try:
            drop_location_fields(document)
            if update_index:
                document.refresh()
                indexes = document.getDocumentIndexes()
                for index in range(indexes.getCount()):
                    indexes.getByIndex(index).update()
            output = OutputStream()
            store = (PropertyValue(Name="FilterName", Value=filtername),
                     PropertyValue(Name="OutputStream", Value=output), *filter_data(filter_options))  # fmt: skip
            document.storeToURL("private:stream", store)
        finally:
            document.close(True)
        return bytes(output.data)

    converter_module.UnoConverter.convert = convert


def main(argv: list[str]) -> int:
    if argv == ["--check-sandbox"]:
        return check_sandbox()
    own, unoserver_arguments = argv[: argv.index("--")], argv[argv.index("--") + 1 :]
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    signal.signal(signal.SIGTERM, lambda signum, frame: os.killpg(0, signal.SIGKILL))
    install = signal.signal
    signal.signal = lambda signum, handler: None if signum == signal.SIGTERM else install(signum, handler)
    if os.getppid() != int(own[0]):
        return "the service exited before unoserver started"
    if "--nice" in own:
        os.nice(int(option(own, "--nice")))
    if "--memory-limit" in own:
        limit = int(option(own, "--memory-limit"))
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    listening = None
    if "--sandbox" in own:
        listening = socket.create_server((option(unoserver_arguments, "--interface"),
                                          int(option(unoserver_arguments, "--port"))))  # fmt: skip
        enter_network_namespace()

    from unoserver import converter, server

    if listening is not None:
        adopt_listening_socket(server, listening)
    wait_for_libreoffice(server, int(option(unoserver_arguments, "--uno-port")))
    convert_in_memory(converter)
    sys.argv = ["unoserver", *unoserver_arguments]
    return server.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
