"""TLS for the mock server: a server context from the user's certificate, or a throwaway
self-signed one made with the `openssl` command (the standard library cannot create keys).
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import tempfile
from pathlib import Path


def server_context(certfile: str | None = None, keyfile: str | None = None) -> ssl.SSLContext:
    """An SSLContext for serving; without a certificate, a self-signed one for localhost."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if certfile:
        context.load_cert_chain(certfile, keyfile)
        return context
    with tempfile.TemporaryDirectory(prefix="accord-tls-") as folder:
        cert, key = self_signed_certificate(Path(folder))
        context.load_cert_chain(cert, key)
    return context


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """Write `cert.pem` and `key.pem` for CN=localhost into `folder`."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise RuntimeError(
            "TLS without a certificate needs the `openssl` command to make a self-signed one; "
            "install openssl or pass sslcert=/sslkey= (certfile/keyfile)"
        )
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key
