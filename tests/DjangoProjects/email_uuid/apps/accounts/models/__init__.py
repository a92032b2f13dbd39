from .member import Member

__all__ = ["Member"]
