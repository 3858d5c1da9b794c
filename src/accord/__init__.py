"""Accord: consumer-driven contract testing, compatible with the Pact ecosystem."""

from accord.errors import AccordError, InvalidPact, MismatchError
from accord.model import Pact as PactModel
from accord.model import SpecVersion, dump_pact, load_pact, save_pact

__version__ = "0.1.0"

__all__ = [
    "AccordError",
    "InvalidPact",
    "MismatchError",
    "PactModel",
    "SpecVersion",
    "__version__",
    "dump_pact",
    "load_pact",
    "save_pact",
]
