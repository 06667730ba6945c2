"""Series and profiles computed from a store's events: what an analyst reads, not what is stored.

dyads.py    events between two actors per day, week, month or year (`dyad_series`)
actors.py   an actor or a person: events as source and as target, partners, quotes (`actor_profile`)
"""
