"""XML-RPC calls to one unoserver (API 3), with hard connect and read timeouts.

The stock ``unoserver.client`` is not used: it polls ``info`` for about 40 s
when a server is down, which would turn a dead instance into a hung request.
"""

from __future__ import annotations

import http.client
import socket
import xml.parsers.expat
import xmlrpc.client

class EndpointError(Exception):
    """The server could not be reached or broke the exchange."""


class EndpointTimeout(EndpointError):
    """The server accepted the call but did not answer in time."""


class EndpointFault(EndpointError):
    """The server answered with an error (an XML-RPC fault)."""


def convert(
    host: str,
    port: int,
    document: bytes,
    *,
    convert_to: str,
    export_filter: str,
    import_filter: str,
    timeout: float,
    filter_options: tuple[str, ...] = (),
    connect_timeout: float,
) -> bytes:
    """Convert in memory: the document goes in the request, the result comes back."""
    result = _call(
        host,
        port,
        "convert",
        None,  # inpath
        xmlrpc.client.Binary(document),  # indata
        None,  # outpath
        convert_to,
        export_filter,
        list(filter_options),  # the export filter's FilterData, "Name=value"
        False,  # update_index: refresh tables of contents before export
        import_filter,
        None,  # password
        read_timeout=timeout,
        connect_timeout=connect_timeout,
    )
    if not isinstance(result, xmlrpc.client.Binary):
        raise EndpointError(f"unexpected convert reply of type {type(result).__name__}")
    return result.data


def probe(host: str, port: int, *, timeout: float) -> dict:
    """Return the server's ``info``; it goes through LibreOffice, so it proves both live."""
    return _call(host, port, "info", read_timeout=timeout, connect_timeout=timeout)


def _call(host: str, port: int, method: str, *args, read_timeout: float, connect_timeout: float):
    transport = _TimeoutTransport(connect_timeout=connect_timeout, read_timeout=read_timeout)
    netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    with xmlrpc.client.ServerProxy(
        f"http://{netloc}", transport=transport, allow_none=True
    ) as proxy:
        try:
            return getattr(proxy, method)(*args)
        except xmlrpc.client.Fault as exc:
            # Faults from a crashed LibreOffice carry pages of pyuno noise.
            raise EndpointFault(exc.faultString.strip().split("\n")[0]) from exc
        except EndpointError:
            raise
        except TimeoutError as exc:
            raise EndpointTimeout(
                f"{netloc} did not answer {method} within {read_timeout:g} s"
            ) from exc
        except (
            OSError,
            http.client.HTTPException,
            xmlrpc.client.ProtocolError,
            xml.parsers.expat.ExpatError,
        ) as exc:
            raise EndpointError(f"{method} on {netloc} failed: {exc!r}") from exc


class _TimeoutConnection(http.client.HTTPConnection):
    def __init__(self, host: str, *, connect_timeout: float, read_timeout: float) -> None:
        super().__init__(host, timeout=read_timeout)
        self._connect_timeout = connect_timeout

    def connect(self) -> None:
        # A short connect timeout tells a dead server apart from a slow
        # conversion, which only the (longer) read timeout may cut.
        try:
            self.sock = socket.create_connection((self.host, self.port), self._connect_timeout)
        except OSError as exc:
            raise EndpointError(f"cannot connect to {self.host}:{self.port}: {exc}") from exc
        self.sock.settimeout(self.timeout)
        # Headers and body go out in separate writes; with Nagle's algorithm
        # the body would wait for a delayed ACK (about 40 ms per call).
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, *, connect_timeout: float, read_timeout: float) -> None:
        super().__init__()
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout

    def make_connection(self, host):
        # Registered in _connection so that Transport.close() closes it.
        connection = _TimeoutConnection(
            host, connect_timeout=self._connect_timeout, read_timeout=self._read_timeout
        )
        self._connection = host, connection
        return connection

    def request(self, host, handler, request_body, verbose=False):
        # The stock transport silently resends once when the connection drops,
        # which would start a second conversion on a server that just failed.
        return self.single_request(host, handler, request_body, verbose)
