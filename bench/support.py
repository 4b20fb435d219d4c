"""Stand-ins that bench/run needs beside the service: an identity provider, API keys and a mail sink.

Python standard library and the openssl command only.

* IdentityProvider serves an OIDC discovery document and a key set (Keycloak's layout,
  <issuer>/.well-known/openid-configuration and <issuer>/protocol/openid-connect/certs) on a free
  loopback port, and signs RS256 tokens with openssl, with the claims a Keycloak realm of a member
  municipality puts into access tokens (iss, aud, sub, exp, iat, realm_access.roles, name).
* new_api_key() makes a key in the service's format (slk_<8>_<43>) with the SHA-256 hash that the
  api_key table stores, as dev-services' DevDemoAccess does.
* MailSink accepts SMTP on a free loopback port and throws the mails away, so that registrations
  send their confirmation mails the way they do in production, without a mail server.
"""
import base64
import hashlib
import json
import pathlib
import secrets
import socketserver
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUDIENCE = "stadtlabore-api"
KEY_ID = "bench"


def b64url(data):
    """Base64url without padding, as JOSE wants it."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class IdentityProvider:
    """A one-realm OIDC provider on 127.0.0.1 that the service fetches keys from, and a token mint."""

    def __init__(self, workdir: pathlib.Path, realm="bench"):
        self.key = workdir / "bench-idp-key.pem"
        if not self.key.exists():
            subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                            str(self.key)], check=True, capture_output=True)
        modulus = subprocess.run(["openssl", "rsa", "-in", str(self.key), "-noout", "-modulus"], check=True,
                                 capture_output=True, text=True).stdout.strip().split("=", 1)[1]
        self.jwks = {"keys": [{"kty": "RSA", "kid": KEY_ID, "use": "sig", "alg": "RS256",
                               "n": b64url(bytes.fromhex(modulus)), "e": b64url((65537).to_bytes(3, "big"))}]}
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                documents = {f"/realms/{realm}/.well-known/openid-configuration": provider.discovery(),
                             f"/realms/{realm}/protocol/openid-connect/certs": provider.jwks}
                body = json.dumps(documents[self.path]).encode() if self.path in documents else b"{}"
                self.send_response(200 if self.path in documents else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}/realms/{realm}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def discovery(self):
        """The parts of Keycloak's discovery document that the service reads."""
        return {"issuer": self.issuer, "jwks_uri": f"{self.issuer}/protocol/openid-connect/certs",
                "token_endpoint": f"{self.issuer}/protocol/openid-connect/token",
                "id_token_signing_alg_values_supported": ["RS256"]}

    def token(self, subject, name, roles, lifetime_s=6 * 3600):
        """An access token as the realm would issue it for a person with these realm roles."""
        now = int(time.time())
        header = {"alg": "RS256", "typ": "JWT", "kid": KEY_ID}
        claims = {"iss": self.issuer, "aud": AUDIENCE, "sub": subject, "iat": now, "exp": now + lifetime_s,
                  "typ": "Bearer", "azp": "stadtlabore-frontend", "preferred_username": subject, "name": name,
                  "realm_access": {"roles": list(roles)}}
        signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
        signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", str(self.key)], input=signing_input.encode(),
                                   check=True, capture_output=True).stdout
        return f"{signing_input}.{b64url(signature)}"

    def close(self):
        self.server.shutdown()


def new_api_key():
    """(prefix, secret, SHA-256 hex of the secret) of a fresh key in the service's format."""
    alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
    prefix = "slk_" + "".join(secrets.choice(alphabet) for _ in range(8))
    secret = f"{prefix}_{b64url(secrets.token_bytes(32))}"
    return prefix, secret, hashlib.sha256(secret.encode()).hexdigest()


class MailSink:
    """An SMTP server on 127.0.0.1 that says yes to everything and keeps only a count of the mails."""

    def __init__(self):
        sink = self
        self.mails = 0

        class Session(socketserver.StreamRequestHandler):
            def handle(self):
                self.wfile.write(b"220 bench ESMTP\r\n")
                while line := self.rfile.readline():
                    verb = line.strip().split(b" ", 1)[0].upper()
                    if verb in (b"EHLO", b"HELO"):
                        self.wfile.write(b"250-bench\r\n250 8BITMIME\r\n")
                    elif verb == b"DATA":
                        self.wfile.write(b"354 go ahead\r\n")
                        while (data := self.rfile.readline()) and data.rstrip(b"\r\n") != b".":
                            pass
                        sink.mails += 1
                        self.wfile.write(b"250 queued\r\n")
                    elif verb == b"QUIT":
                        self.wfile.write(b"221 bye\r\n")
                        return
                    else:
                        self.wfile.write(b"250 ok\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Session)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
