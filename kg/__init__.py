"""Knowledge graph of China's online new economy (在线新经济)."""

__version__ = "0.1.0"
