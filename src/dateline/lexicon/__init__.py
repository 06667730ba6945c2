"""dateline's lexicons: the CAMEO codebook, actor lexicons and import of PETRARCH dictionaries.

load_codebook()        every CAMEO event code with Goldstein score, QuadClass and PLOVER mapping
load_actor_lexicon()   countries, seats of government, organisations and agent nouns
petrarch               read PETRARCH-format actor, agent and verb dictionaries
"""

from dateline.lexicon.actor_codes import ActorCode
from dateline.lexicon.actors import ActorLexicon, Phrase, load_actor_lexicon
from dateline.lexicon.codebook import CameoCode, Codebook, Sector, load_codebook

__all__ = [
    "ActorCode",
    "ActorLexicon",
    "CameoCode",
    "Codebook",
    "Phrase",
    "Sector",
    "load_actor_lexicon",
    "load_codebook",
]
