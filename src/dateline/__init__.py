"""dateline: news articles in, dated and sourced political event data out."""

__version__ = "0.1.0"
