#!/usr/bin/env python3
"""PyJWT (Debian's 2.6, with python3-cryptography) on the command line, for the algorithm and JWKS
interop tests: the library simplejwt signs and verifies with, used directly.

  pyjwt_tool.py keygen ALG                       {"private": PEM, "public": PEM} for RS*/PS*/ES*/ES256K/EdDSA
                                                  (EdDSA: Ed25519; "EdDSA-448": Ed448)
  pyjwt_tool.py sign ALG PRIVATE_PEM PAYLOAD_JSON [HEADERS_JSON]
                                                  {"token": jwt.encode(...)}
  pyjwt_tool.py verify ALG PUBLIC_PEM TOKEN       {"ok": true, "claims": ...} or {"ok": false, "error": ...}
  pyjwt_tool.py verify-jwks URL ALG TOKEN         the key from PyJWKClient(URL) by the token's kid, then jwt.decode
Every command prints one JSON value. PEM arguments may be given as @FILE.
"""
import json
import os
import sys

PYTHON = os.environ.get("ORACLE_PYTHON", "/usr/bin/python3")
try:
    import jwt  # noqa: F401
    from cryptography.hazmat.primitives import serialization
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath(PYTHON) and os.path.exists(PYTHON):
        os.execv(PYTHON, [PYTHON] + sys.argv)
    raise

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa


def text(arg):
    if arg.startswith("@"):
        with open(arg[1:], encoding="ascii") as f:
            return f.read()
    return arg


def keygen(alg):
    if alg.startswith(("RS", "PS")):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    elif alg == "ES256K":
        key = ec.generate_private_key(ec.SECP256K1())
    elif alg == "ES256":
        key = ec.generate_private_key(ec.SECP256R1())
    elif alg == "ES384":
        key = ec.generate_private_key(ec.SECP384R1())
    elif alg in ("ES512", "ES521"):
        key = ec.generate_private_key(ec.SECP521R1())
    elif alg == "EdDSA-448":
        key = ed448.Ed448PrivateKey.generate()
    else:
        key = ed25519.Ed25519PrivateKey.generate()
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return {"private": private.decode("ascii"), "public": public.decode("ascii")}


def main():
    command, *args = sys.argv[1:]
    if command == "keygen":
        out = keygen(args[0])
    elif command == "sign":
        headers = json.loads(args[3]) if len(args) > 3 else None
        out = {"token": jwt.encode(json.loads(args[2]), text(args[1]), algorithm=args[0], headers=headers)}
    elif command == "verify":
        try:
            out = {"ok": True, "claims": jwt.decode(args[2], text(args[1]), algorithms=[args[0]], options={"verify_aud": False})}
        except jwt.PyJWTError as e:
            out = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    elif command == "verify-jwks":
        url, alg, token = args
        try:
            key = jwt.PyJWKClient(url).get_signing_key_from_jwt(token).key
            out = {"ok": True, "claims": jwt.decode(token, key, algorithms=[alg], options={"verify_aud": False})}
        except jwt.PyJWTError as e:
            out = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    else:
        raise SystemExit("unknown command " + command)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
