#!/usr/bin/env python3
"""Marks this folder as the seed backend's Django project root.

The DjangoSettings generator looks for manage.py above the settings file (cors.settings) and reads
the project's Python source from here: SIMPLE_JWT["TOKEN_OBTAIN_SERIALIZER"] names
seed.serializers.UsernameTokenObtainPairSerializer, whose get_token the build translates into the
claims of the token pair (DJS0522). Only the part of the seed backend the port reads is kept; to run
the real Django stack on cors.settings use the oracle (../../../shared/oracle/serve.sh), which serves
the same serializer.
"""
import sys

if __name__ == "__main__":
    sys.exit("The seed backend itself is not part of this repository: run ../../../shared/oracle/serve.sh cors.settings PORT")
