"""Function words, which say nothing about which statement a text carries.

They are kept for judging how literally a passage was copied, but never count
as evidence that two paragraphs carry the same statement.  English reporting
verbs ("said", "added", "noted") are included: every outlet wraps quotes in
them, so they are attribution, not content.

Words that say when, relative to the report ("last week", "on Tuesday", "this
morning"), are stopwords too: every report of an event tells its time, and
two paragraphs that share it, the place and the actors say nothing alike
for that (a calendar date, "9 November", stays a content word: it names the
day a particular thing happened).

English words are stopwords in every language, because a paragraph's language
tag can be wrong and English is the archive's main language.  Words that are
content words in English are left out of the other lists ("war" is a German
function word but an English noun).
"""

from __future__ import annotations

from ..dates import WEEKDAYS

_ENGLISH = """
a about above after again against all almost along already also although
always am among an and another any anyone anything are around as at away
be became because become been before being below besides between both but by
can cannot could did do does doing done down during each either else even
ever every few for from further had has have having he her here hers herself
him himself his how however i if in into is it its itself just least less
like made make many may me might more moreover most much must my myself
neither no nor not now of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps quite rather really
same several shall she should since so some such than that the their theirs
them themselves then there thereby therefore these they this those though
through thus to too toward towards under until up upon us very via was we
well were what whatever when where whereas whether which while who whom whose
why will with within without would yet you your yours yourself
say says said saying told tells stated added adds noted
according reported reportedly claimed stressed
mr mrs ms
today yesterday tomorrow tonight week weeks weekend last earlier later
morning afternoon evening night
"""

_OTHER = {
    "fr": """
au aux avec ce ces cet cette dans de des du elle elles en est et été être
il ils la le les leur leurs lui mais ne nous on ont ou où par pas plus pour
qu que qui sa se selon ses son sont sur un une vous y a été avait dont
ainsi aussi très déjà lors après avant entre contre sans sous chez cela
""",
    "de": """
der die das den dem des ein eine einer einen eines einem und oder aber nicht
ist sind wird werden wurde wurden hat haben hatte hatten sein seine ihr ihre
es sie er wir ich mit auf für von zu zum zur im ins am auch nach bei aus wie
noch nur dass daß sich um über vor so als wenn dieser diese dieses dann
""",
    "es": """
el la los las del de y una un por para con es son fue fueron está están pero
como más sus su al lo le les ha han había entre sobre también según cuando
donde este esta estos estas ese esa porque muy sin se que
""",
    "it": """
il lo la gli della delle dello degli dei nel nella nelle negli sono è e una
uno un per con che non di da ha hanno anche più come dal dalla alla alle
allo agli sul sulla questo questa quello quella stato essere si
""",
    "ru": """
и в во не что он на я с со как а то все она так его но да ты к у же вы за
бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну
ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом
себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам
чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому
этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда
зачем всех никогда можно при наконец два об другой хоть после над больше тот
через эти нас про всего них какая много разве три эту моя впрочем хорошо
свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно
всю между это как заявил заявили сообщил сообщили отметил также
""",
}

ENGLISH: frozenset[str] = frozenset(_ENGLISH.split()) | {day.lower() for day in WEEKDAYS}
_BY_LANGUAGE: dict[str, frozenset[str]] = {
    lang: ENGLISH | frozenset(words.split()) for lang, words in _OTHER.items()
}


def stopwords_for(lang: str) -> frozenset[str]:
    """The stopwords of `lang` (an ISO 639-1 code) plus the English ones."""
    return _BY_LANGUAGE.get(lang.lower()[:2], ENGLISH)
