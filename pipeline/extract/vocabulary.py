"""The words that signal each kind of fact. One place, so rules and tests agree.

Fault-category cues are the fallback and complement of the trained classifier: they
name the topic of a finding sentence ("delay", "commission", "safeguarding").
"""
from __future__ import annotations

import re

from pipeline.extract.cues import Cue, CueSet

FAULT_CATEGORIES = (
    "delay", "complaint_handling", "communication", "assessment", "decision_making",
    "care_planning", "service_provision", "care_quality", "commissioning",
    "provider_oversight", "joint_working", "safeguarding", "record_keeping", "charging_funding",
)
ACTIONS = ("apology", "payment", "review", "service_improvement", "report_back", "other")


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _cue(pattern: str) -> Cue:
    return Cue(_rx(pattern))


# --- faults -------------------------------------------------------------------------
# The patterns tested on every candidate sentence are `Cue`s (`found_in(text)`, see
# pipeline/extract/cues.py): searched only where one of their literal anchors occurs.
# A sentence that finds fault ("I find fault", "This was fault", "a failing") ...
# An upheld complaint about something is a finding about it: "We have upheld some of Mrs
# G's complaints about the way the Council provided information" (not "We have not upheld").
_UPHELD_ABOUT = (r"(?<!\bnot )\b(?:upheld|upholds?) (?:(?:some|part|parts|one|two|elements?) of )?"
                 r"(?:the|her|his|their|(?:Mrs?|Ms|Miss|Dr) \w+['’]s|\w+['’]s) complaints? about\b")
UPHELD_ABOUT = _cue(_UPHELD_ABOUT)
FAULT_WORD = _cue(r"\bfault\b|\bfaults\b|\bfailings?\b|maladministration|service failure|\bat fault\b|"
                 r"\bupholds? (?:the|this|her|his|their) complaint\b(?=.*\b(?:as|because)\b)|" + _UPHELD_ABOUT)
# ... unless it says there was none, or reports what someone alleged.
# What a fault did to the person: "caused", "meant", "left", "had an impact" (the injustice,
# not a finding; read by the extraction's aftermath tests and by NO_FAULT below).
EFFECT_VERB = (r"(?:caused?|causes|causing|meant|means|led|leads?|left|leaves|resulted|results|put|puts|compounded|added to|affected|"
               r"(?:had|has|have) (?:an? |some |a significant )?(?:[\w-]+ )?(?:impact|effect))\b")
NO_FAULT = _cue(
    r"\bno fault|\bnot (?:find|found|at|identif\w+|see) (?:any |a )?(?:fault|failing)|"
    r"\bno (?:evidence of )?(?:fault|failings?)\b|\bwithout fault|\bnot (?:a|any) fault|"
    r"\bnot (?:amount|amounts) to (?:a )?(?:fault|failing)|\bnot (?:been )?at fault|"
    r"\bwould not be fault|\bis not fault|\bwas not fault|\bnot fault\b|\bno indication|"
    # "that was her prerogative but is not the fault of the Council"
    r"\b(?:is|was|are|were) not the fault of\b|"
    # "whilst it took many months to process the application, this was not because of fault by the Council"
    r"\bnot (?:because of|due to|caused by|the result of|a result of) (?:any )?(?:fault|failings?|maladministration)\b|"
    r"\b(?:is|are|was|were) not (?:in (?:themselves|itself) )?(?:a |any )?(?:fault|failing)\b|"
    r"\bdid nothing wrong|\bhas done nothing wrong|\bhad done nothing wrong|"
    # too little sign of fault to investigate: "too little sign of fault", "no real sign of fault"
    r"\b(?:too little|little|no real|not enough|insufficient) (?:signs?|evidence|indication) of (?:any )?(?:fault|maladministration)|"
    # "We did not find that ...", "I have not found evidence": the Ombudsman finding nothing,
    # not a body failing to find a provider or placement
    r"\b(?:we|i|ombudsm[ae]n|investigator)\s+(?:did not|have not|has not)\s+f(?:i|ou)nd\b(?!\s+(?:that\s+)?(?:this|these|that|it|the\s+faults?)\s+" + EFFECT_VERB + r")|"
    # (not what a fault found did: "Although there was some fault by the Trust, we have not
    # found this led to a shortfall in her treatment")
    r"\b(?:did not find|have not found|has not found)\s+(?:any\s+|a\s+|the\s+|enough\s+)?(?:fault|failings?|evidence|anything|that|it|this)\b"
    r"(?!\s+" + EFFECT_VERB + r")|\bno evidence\b(?! (?:of|that) (?:any |significant |serious |lasting |actual |further )?(?:harm|injury|injustice|loss|distress|impact|damage|detriment)\b)|"
    # Reasons for not investigating: "we are unlikely to find fault", "there is not
    # enough (insufficient) evidence of fault by the Council".
    r"\bunlikely (?:that )?(?:to|(?:we|they|the ombudsm[ae]n|i) (?:would|could|will)) find (?:any |the \w+ at |it at |them at )?(?:fault|failings?)|"
    r"\b(?:not enough|insufficient) evidence (?:of|that there was) (?:any )?(?:fault|failings?)|"
    # "There is insufficient evidence to make a finding of fault", "not enough evidence to find fault"
    r"\b(?:not enough|insufficient|no) evidence to (?:make (?:a |any )?findings? of |find (?:any )?|support (?:a |any )?findings? of )(?:fault|failings?|maladministration)\b|"
    # "we did not consider that there was enough evidence that staff pressured her"
    r"\b(?:do|did|does) not (?:consider|think|find|believe) (?:that )?there (?:was|is|were) (?:enough|sufficient) evidence\b|"
    # "there is not enough evidence that the Council failed to follow its regime"
    r"\b(?:not enough|insufficient) evidence that (?:[\w’'-]+ ){1,4}?(?:failed|did not|was wrong|acted wrongly)\b|"
    # "having not made a finding of fault", "without making any finding of fault"
    r"\b(?:not|without) (?:made|make|making) (?:a |any )?findings? of (?:fault|maladministration|service failure)|"
    r"\bno findings? of (?:fault|maladministration|service failure)|"
    # "We do not find the Council at fault", "We did not uphold this complaint", "the
    # Practice acted in line with the relevant standards"
    r"\b(?:do|did|does|have|has) not (?:find|found)\s+(?:that\s+)?(?:[\w’'-]+\s+){1,6}?(?:was\s+|were\s+|had been\s+)?at fault\b|"
    # "I have found nothing to suggest the panel was at fault", "I do not consider the wrong
    # date amounts to fault"
    r"\b(?:found|find|seen|see) nothing (?:to (?:suggest|show|indicate)|that (?:suggests|shows|indicates))\b|"
    r"\b(?:do|did|does) not (?:consider|think|believe) (?:that )?(?:[\w’'-]+ ){0,8}?(?:amounts? to|amounted to|was|is|were|constitutes?) (?:a |any |at )?(?:fault|failing|maladministration)\b|"
    r"\b(?:do|did|does|have|has|will) not uphold\b|\bnot (?:been )?upheld\b|"
    # "There were some reasonable explanations for the delay in Mrs M's surgery"
    r"\bthere (?:was|were) (?:an? |some )?(?:reasonable|good|valid) (?:explanations?|reasons?) for\b|"
    r"\b(?:acted|was|were|is|are|been) (?:entirely |fully |broadly )?in line with (?:the |its |their |national |relevant |local |own )*"
    r"(?:[\w-]+ )?(?:standards?|guidance|guidelines|law|polic(?:y|ies)|procedures?|legislation|regulations|code|framework|practice)\b"
)


def _head_not_after(words: tuple[str, ...], head: str) -> str:
    """`head` where none of `words` (and a space) comes before it. The lookbehinds follow
    the head's letters, so `re` tries them only where the head is: written before it, they
    were tried at every word of every sentence, and ALLEGATION took a third longer."""
    return head + "".join(rf"(?<!\b{word} {head})" for word in words)


# "disputes" and "says" only as someone's verb: not "funding disputes", "the dispute
# procedure" (a joint-working finding's own words) or "as the guidance says" ...
_NOUN_DISPUTE = ("the", "a", "any", "their", "its", "this", "her", "his", "funding", "resolving", "resolve", "in")
# ... nor what a body or a plan failed to say ("the plan did not say how", "cannot say who")
_NOT_SAY = ("not", "cannot", "never")
_RULE_SAYS = ("policy", "guidance", "plan", "law", "code", "protocol", "framework", "regulations", "act",
              "scheme", "procedure", "rules", "standard", "standards", "contract")
# ... nor the Ombudsman's own view: "We consider that the Council was at fault"
_OMBUDSMAN_VIEW = ("we", "i", "ombudsman", "ombudsmen", "also", "therefore", "so", "still")
ALLEGATION = _cue(
    r"\b(?:complain(?:s|ed|ing)?|alleg\w*|" + _head_not_after(_RULE_SAYS + _NOT_SAY, "sa") + r"(?:ys?|id)|" + _head_not_after(("to",), "be") + r"lieves?|"
    r"feels?|felt|(?:(?<=he )|(?<=they )|(?<=mrs \w )|(?<=mr \w )|(?<=ms \w )|(?<=miss \w ))th(?:inks?|ought)|wants?|would like|asked us|" + _head_not_after(_OMBUDSMAN_VIEW, "co") + r"nsiders? that|argues?|"
    # ("Ms X's dispute", a noun, as after "the")
    + _head_not_after(_NOUN_DISPUTE, "di") + r"(?<!['’]s di)sputes?(?! (?:procedure|process|resolution|between|over|about|policy|protocol)))\b"
)
FINDING_VERB = _cue(r"\b(?:find|found|finding|conclude[ds]?|identified|accepted|accepts|acknowledged?|there (?:was|were|is|has been))\b(?! to\b)")
ANAPHORIC_FAULT = _rx(r"^\W*(?:this|that|these|which|it|each|both)\b.{0,40}\b(?:fault|failings?|maladministration)\b")
# A stretch of time: "16 weeks", "three months", "a year", "two and a half years".
DURATION = (r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?|thirty|several|many|a few)(?: and a half)? "
             r"(?:working )?(?:hours?|days?|weeks?|months?|years?)")
# How long it was before something happened: "It was ten weeks before the Council found an agency".
WAITED_BEFORE = r"\bit was (?:over |more than |nearly |almost |another |a further |a full )?" + DURATION + r" (?:before|until) (?:the|its|their|it|they|he|she|anyone|anybody|any|a|an|mrs?|ms|miss|dr)\b"
# What a summary says went wrong, without the word "fault": "The Council did not provide
# enough support", "There was a lack of joined up working", "took 14 weeks to reply",
# "never found one", "without considering", "should have funded", "fell below the standard",
# "waited three weeks", "could not find a placement".
FAILURE_CUE = _cue(r"\b(?:did not|didn't|does not|do not|fail(?:ed|s|ing)? to|has not|had not|was not|were not|should not have|lack of|delay(?:ed|s)?|too long|wrongly|unable to|"
                   r"poor|inadequate|incorrect(?:ly)?|not properly|"
                   r"never|nobody|no[- ]one|neither|nor did|refused|unsuitable|contrary to|unreasonabl[ey]|insufficient|incomplete|missing|wrong|"
                   r"did nothing(?! wrong)|missed(?! out)|(?:received|had|got) (?:none|nothing)|"
                   r"fell below|below the standard|" + WAITED_BEFORE + r"|(?:far |well |long )?beyond the (?:[\w-]+ ){0,2}?(?:limit|deadline|timescale)s?|instead of|should (?:never )?have|ought (?:never )?to have|cannot show|could not show|"
                   r"(?:took|waited) (?:(?:the|its|their) [\w’'-]+ )?(?:over |more than |nearly |almost |about |around )?" + DURATION + "|"
                   # "spent a further eight months disagreeing", "not satisfied the Care Provider did enough"
                   r"spent (?:a further |another |over |more than |nearly |almost )?" + DURATION + r" (?:[\w’'-]+ ){0,2}?(?:disagree|argu|disput)\w*|"
                   r"(?:am|are|was|were) not (?:satisfied|persuaded|convinced)\b|outside (?:the |its )?(?:statutory |legal |target )?" + DURATION + r"|longer than (?:the law|the guidance|it should|is allowed|allowed|permitted)|"
                   r"could not (?:find|arrange|secure|source|provide)|"
                   r"without (?:any |a |an |first |properly |even |(?!planning\b)\w+ing\b)|conflicting|"
                   # acting against its own rule or assessment: "although its own policy says it
                   # should not", "when the law says it must be disregarded"
                   r"(?:although|even though|despite|contrary to|when|which) (?:what )?(?:its own|their own|the) (?:[\w-]+ ){0,2}?"
                   r"(?:policy|guidance|law|procedure|contract|rules|regulations|framework|code|assessment|plan) (?:says|said|states|stated|required|requires|recommended)\b|"
                   r"no (?:reasons?|explanation|record|records|evidence|action|steps|plan|assessment|review|provision|education|support|contact|agreed))\b")


def _not_right_after(*words: str) -> str:
    """Lookbehinds: not right after any of `words` and a space."""
    return "".join(f"(?<!{w} )" for w in words)


# A remedy's verbs, each unless a word before it says the verb is not one: negated or
# hypothetical ("never agreed to pay", "did not write to", "the Council would pay"),
# another payment ("sick pay", "her pay"), or what a document recommends rather than the
# Ombudsman. ("should" in an embedded question, "never agreed who should fund it", sets no
# remedy.)
_NEGATED = ("not", "never")
REMEDY_VERB = _cue(r"\b(?:apologis\w*|apologiz\w*|"
                   + _not_right_after("holiday", "sick", "back", "her", "his", "their", *_NEGATED, "n't", "would") + r"pays?(?! (?:towards|for)\b)|"
                   + _not_right_after(*_NEGATED) + r"writes? to|"
                   + _not_right_after("who", "which", "what", "of them", "whether")
                   + r"should(?!(?: not| never| reasonably| properly| also)? have\b| (?:normally|usually|generally|ordinarily|typically|take)\b|"
                   r" be (?:done|completed|made|decided|issued) within\b)|"
                   r"will|"
                   + _not_right_after("had", *_NEGATED) + r"agreed to|"
                   + _not_right_after("guidance", "framework", "code", "policy", "law", "regulations", "assessment", "plan", "report") + r"recommend\w*)\b")
_BUT_WORDS = r"\b(?:but|however)\b"
_BUT = _rx(_BUT_WORDS)
_BUT_FAULT = _rx(_BUT_WORDS + r".*\bfault\b|"
                 # "The Ombudsman has not found fault with how the Council responded ... but has with Mrs H's transfer"
                 r"\bbut (?:it |we |he |she |the ombudsm[ae]n )?(?:has|have|did|does)(?: so)? (?:with|in)\b|"
                 # "We do not find fault in the Council's actions beyond a failure to provide ..."
                 r"\b(?:beyond|apart from|except(?: for)?|other than)\s+(?:a|an|the|its|some)\s+(?:[\w-]+\s+)?(?:failures?|failings?|delays?|faults?)\b")
_TURN = _rx(r",\s+but\b|;\s+however\b|,\s+however\b")


# A report or complaint inside a subordinate clause is background to the main clause, not
# an allegation the sentence reports: "When she complained, the Council's reply took ten
# weeks", "..., even though two other families had complained about it".
_SUBORDINATE_REPORT = _rx(r"\b(?:when|after|although|even though|though|because|since|once|before|until|despite)\s+"
                          r"(?:[\w’'-]+\s+){0,5}?(?:complain(?:s|ed|ing)?|said|says|asked|reported|told)\b|"
                          # ... what the body itself promised: "was at fault for not updating Mrs X as it said it would"
                          r"\b(?:as|when|which)\s+(?:it|they|the\s+\w+)\s+(?:had\s+|has\s+)?said\s+(?:it|they|the\s+\w+)\s+would\b|"
                          # ... what someone said as the object of a failing: "replies that did not deal with what he had said"
                          r"\bwhat\s+(?:he|she|they|[A-Z]\w*|mrs?\s+[A-Z]|ms\s+[A-Z])\s+(?:had\s+|has\s+)?(?:said|asked|raised|reported)\b|"
                          # ... what a rule says: "its own policy, which says a person should be told"
                          r"\b(?:policy|guidance|law|procedure|plan|code|regulations|rules|contract|framework|scheme),?\s+(?:which|that)\s+(?:says|said|states|stated)\b|"
                          # ... what an assessment said was needed: "the support his assessment said he needed"
                          r"\b(?:assessments?|plans?|reports?)\s+(?:had\s+)?(?:said|says|stated|states)\s+(?:that\s+)?(?:he|she|they|it|(?:mrs?|ms|miss|dr)\s+[A-Z]\w*)\s+(?:needed|needs|required|requires)\b|"
                          # ... and a claim inside a noun phrase: "asked her to repay £3,420 it said was unspent"
                          r"\b(?:it|they)\s+(?:said|says|claimed|claims)\s+(?=(?:was|were|is|are|had been|would be)\b)")


def _alleges(text: str) -> bool:
    return bool(ALLEGATION.found_in(text)) and (not _SUBORDINATE_REPORT.search(text) or bool(ALLEGATION.found_in(_SUBORDINATE_REPORT.sub(" ", text))))


# What a rule says should happen is the standard a finding measures against, not a remedy:
# "..., which its own recovery policy says it should not do", "although the law says plans
# should be kept under review".
_NORM_SHOULD = _rx(r"\b(?:law|guidance|policy|scheme|regulations|rules|procedure|code|framework|act|standards?)(?:,?\s+(?:which|that))?\s+"
                   r"(?:says|said|states|stated|requires|required|provides|expects)\b[^.;]*?\bshould\b")


# Paying that someone was made to do, or never agreed to, is what went wrong, not a remedy:
# "before asking the family to pay a top-up", "arrears he had never agreed to pay".
_MADE_TO_PAY = _rx(r"\b(?:ask(?:ed|ing)?|made|making|requir(?:ed|ing)|forc(?:ed|ing)|expect(?:ed|ing)|told|telling|press(?:ed|ing)|pressured|"
                   r"left|(?:never|not) agreed)\s+(?:[\w’'-]+\s+){0,3}?to\s+pay\b")


# Recommendations acted on, or not, are what was done about an earlier complaint or
# review: "delayed implementing the recommendations", "did not follow its recommendations".
# (A remedy that asks for it says so with its own verb: "will implement the recommendations".)
_ACTING_ON_RECOMMENDATIONS = _rx(r"\b(?:implement|follow|action|act(?:ed|ing)? on|carr(?:y|ied|ying) out|compl(?:y|ied|ying) with)\w*\s+"
                                 r"(?:[\w’'-]+\s+){0,3}?recommendations?\b")


# What should happen, asked as a question or measured against, is no remedy: "failed to
# work together to decide how Mrs Y's care should be funded", "took longer than it should".
_SHOULD_ASKED = _rx(r"\b(?:how|whether|who|which|what|where|why)\s+(?:[\w’'-]+\s+){0,5}?should\b|\bthan\s+(?:[\w’'-]+\s+){0,2}?should\b")


# Remedy words that are no remedy, each with a word it cannot match without (a cheap test first).
# What a body had agreed to do and did not: "The Council failed to take the action it agreed
# to take": the failing, not a remedy.
_AGREEMENT_NOT_KEPT = _rx(r"\b(?:failed to|did not|didn't|has not|had not|never)\s+(?:[\w’'-]+\s+){0,3}?(?:the\s+|any\s+)?"
                          r"(?:action|actions|work|works|steps|repairs?)\s+(?:that\s+)?(?:it|they|the\s+\w+)\s+(?:had\s+)?agreed\s+to\b")
_NOT_A_REMEDY = ((" pay", _MADE_TO_PAY), ("recommendation", _ACTING_ON_RECOMMENDATIONS), (" should", _SHOULD_ASKED),
                 (" agreed", _AGREEMENT_NOT_KEPT))


def sets_remedy(text: str) -> bool:
    """Does the sentence use a remedy's words ("should apologise", "will pay"), other than
    in what a rule says should happen, what someone was made to pay or recommendations
    (not) acted on?"""
    if not REMEDY_VERB.found_in(text):
        return False
    for anchor, not_a_remedy in _NOT_A_REMEDY:
        if anchor in text and not_a_remedy.search(text):
            text = not_a_remedy.sub(" ", text)
            if not REMEDY_VERB.found_in(text):
                return False
    return " should " not in text or bool(REMEDY_VERB.found_in(_NORM_SHOULD.sub(" ", text)))


# The findings, named as what a remedy is for: "the faults identified", "the failings we have found".
_FAULTS_FOUND = _rx(r"\b(?:the|these|those|its|their|our|any)\s+(?:[\w-]+\s+)?(?:faults?|failings?|failures?|errors?|maladministration|injustice)\s+"
                    r"(?:(?:that|which)\s+)?(?:(?:we|I|the ombudsm[ae]n|this (?:investigation|statement))\s+(?:have\s+|has\s+|had\s+)?)?(?:found|identified)\b")


def clears_the_body(text: str) -> bool:
    """Does the sentence find no fault ("We do not find fault in the Council's investigation
    of ...") and not go on, after a "but", to a failing ("... but it failed to consider her
    complaint")? Looser than `could_be_finding`'s turn, which needs the word "fault" after it:
    asked of the complaint's own sentences, whose failings are in plain words."""
    if not NO_FAULT.found_in(text):
        return False
    turn = _BUT.search(text)
    tail = text[turn.end():] if turn else ""
    return not (tail and (FAILURE_CUE.found_in(tail) or FAULT_WORD.found_in(tail)) and not NO_FAULT.found_in(tail))


_THERE_WAS = re.compile(r"\s+(?:that\s+)?there\s+(?:was|were|is|are|has\s+been|have\s+been)\b", re.I)


def _without_what_is_alleged_there_was(text: str) -> str:
    """The text less a "there was" that an allegation's verb introduces ("Ms X complains
    there were failings in ..."): it reports what she says, it finds nothing."""
    for (_, end), *_ in ALLEGATION.match_spans(text):
        if (there := _THERE_WAS.match(text, end)) is not None:
            text = text[:end] + " " * (there.end() - end) + text[there.end():]
    return text


def could_be_finding(text: str) -> bool:
    """Can the sentence be a finding of fault, by its wording alone? Not when it finds
    none ("I have not found fault") unless it turns ("..., but there was fault"), reports
    an allegation without finding anything, or sets a remedy without finding anything.
    The extraction asks this before it looks at the model's scores; the scorer, so as
    not to score sentences whose scores nobody reads."""
    if NO_FAULT.found_in(text):
        # "..., but there was fault in ..." turns; "..., but there is no fault in ..." does not
        turn = _BUT_FAULT.search(text)
        if not turn or NO_FAULT.found_in(text[turn.start():]):
            # "That was fault, but it caused no injustice, so we have not upheld the
            # complaint": the fault stands; what follows the turn is about the complaint
            head = _TURN.split(text, 1)[0]
            if head == text or not FAULT_WORD.found_in(head) or NO_FAULT.found_in(head):
                return False
    finding_verb = None
    if _alleges(text):
        finding_verb = bool(FINDING_VERB.found_in(_without_what_is_alleged_there_was(text) if "there " in text else text))
        if not finding_verb:
            return False
    if sets_remedy(text):
        # "apologise for the failings we have found" points back to the findings; its
        # "found" finds nothing new
        if finding_verb is None:
            finding_verb = bool(FINDING_VERB.found_in(text)) and bool(FINDING_VERB.found_in(_FAULTS_FOUND.sub(" ", text)))
        return finding_verb
    return True


def is_allegation(text: str) -> bool:
    """Does the sentence report what someone alleged, without finding anything? Unlike
    `could_be_finding`, a complaint in a subordinate clause counts: "When she complained,
    the reply took ten weeks" is a finding and also says what was complained about, which
    a topic-less finding after it may refer to (reading it as `_alleges` does lost written
    set B 0.006)."""
    return bool(ALLEGATION.found_in(text)) and not FINDING_VERB.found_in(text)


# Who the fault belongs to: "fault by the Council", "fault on the part of the ICB and
# Council", "the Agency was at fault", "this is also the fault of the Council".
HOLDER_BEFORE = _rx(r"(?:faults?|failings?|failures?|maladministration|service failure)\s+(?:on the part of|by|with|in the actions of|of|in)\s+(?:both\s+)?$|"
                    # what went wrong and who did it: "there was some poor communication by the care provider"
                    r"\b(?:communication|delays?|errors?|mistakes?)\s+(?:on the part of|by)\s+$")
# ("the Council is responsible for it": a provider acting for a council, its fault the council's)
HOLDER_AFTER = _rx(r"^[\s’']*s?\s*(?:was|were|is|are|has been|had been)\s+(?:also\s+)?(?:at fault|wrong)|^\s*(?:failed|did not|had not|has not|delayed|was wrong)|"
                   # ("We found the Council at fault for ...")
                   r"^\s*(?:(?:was|were)\s+)?(?:also\s+)?at fault\b|"
                   r"^\s*(?:is|was|remains|remained)\s+(?:still\s+)?(?:responsible|accountable)\s+for\s+(?:it|this|that|them|those|the (?:care|faults?|failings?|actions))\b")
# Old-style remedy summaries state the finding in one formula.
UPHELD_FORMULA = _cue(r"found (?:fault|maladministration)(?: and service failure)? causing injustice|(?:fault|maladministration) found,? causing injustice|upheld the complaint and found (?:fault|maladministration)|found fault but no injustice|"
                      # "upheld the complaint: there was fault, and it caused injustice", "found
                      # fault, which caused the woman injustice, and upheld the complaint"
                      r"upheld the complaint:? (?:as )?there was fault|found fault,? which caused (?:[\w’'-]+ ){0,3}?injustice")

# Discharge from hospital or care is care planning; a body "discharging its duty" is the
# law's word for doing what it must, and town planning ("planning permission", "the
# planning officer") is no care plan.
# (a discharge that came late, or someone ready for one, is the delay's, not the planning's)
_DISCHARGE = (r"(?<!delayed )(?<!delayed his )(?<!delayed her )(?<!delayed their )(?<!ready for )(?<!fit for )"
              r"discharg(?!\w* (?:of )?(?:its |their |the |this |that |his |her )?(?:[\w-]+ ){0,2}?(?:dut(?:y|ies)|responsibilit|obligation|function))")
_CARE_PLANNING_WORD = (r"planning(?! (?:permission|application|officer|committee|authority|consent|condition|enforcement|"
                       r"policy|department|team|appeal|inspector|decision|system|service|process|rules|law|guidance))")

# Giving someone papers is no service withheld: "failed to provide the stage two officers
# with all the relevant files", "a copy of her assessment" (both service cues use it).
_NOT_PAPERS = (r"(?! (?:[\w’']+ ){0,4}?(?:with )?(?:(?:a|all|any|the|its|her|his|their|relevant|full|complete)\s+){0,3}?"
               r"(?:cop(?:y|ies)|files?|documents?|documentation|paperwork|records?)\b)")
# Care or treatment named by the standard it fell short of ("reasonable care and support",
# "appropriate treatment"): its quality, not a service withheld.
_CARE_OF_A_STANDARD = r"(?:adequate|appropriate|reasonable|proper|good|safe|sufficient) (?:care|treatment|nursing)\b"
# A suitable placement or provider, or a choice of one, not given: commissioning's failing,
# whichever verb the sentence uses ("failed to provide an appropriate placement").
SUITABLE_PLACEMENT = (r"(?:provid|find|found|arrang|secur|sourc|offer)\w* (?:him |her |them )?(?:a |an |any )?(?:appropriate|suitable) "
                      r"(?:(?:residential |nursing |respite |supported living )?placement|provider|care provider|care home|nursing home)s?\b")
PLACEMENT_CHOICE = (r"(?:did not|didn't|fail(?:ed|ing|ure)? to|not) (?:give|offer|provide) (?:[\w’'-]+ ){0,4}?(?:option|choice) "
                    r"(?:[\w’'-]+ ){0,3}?(?:care home|nursing home|home|placement)s?\b")


# Each text is tested against every category, so the category cues are `Cue`s: searched
# only in texts that hold one of their literal anchors (pipeline/extract/cues.py).
CATEGORY_CUES: dict[str, Cue] = {
    "complaint_handling": _cue(
        r"complaint[- ]handling|handl\w+ (?:of )?(?:\w+['’]s |her |his |their |the |my |its )?complaints?|"
        r"respon\w+ to (?:\w+['’]s |her |his |their |the )?complaints?|complaints? (?:response|process|procedure)|"
        r"stage (?:one|two|1|2)|complaints? (?:was|were) (?:not|late)|joint response to (?:her|his|the) complaint|"
        r"investigat\w+ (?:her|his|their|the) (?:complaint|concerns)|did not (?:answer|respond)|log (?:her|his) complaint|"
        r"keeping complainants? informed|(?:her|his|their) (?:complaint|appeal) (?:response|was)"
    ),
    "delay": _cue(r"\bdelay|took too long|too long to|timescales?|statutory (?:time|deadline)|within the (?:statutory )?time|\bmonths? (?:late|to)\b|not (?:done|completed|made) in time|promptly|timely|waiting"),
    "communication": _cue(
        r"communicat|did not (?:tell|inform|explain|update|involve|keep|advise|contact|write)|not (?:told|informed|involved|updated|kept)|"
        r"conflicting|wrong(?:ly)? (?:information|advice|told)|misleading|misinform|keep(?:ing)? (?:\w+ ){0,3}informed|"
        r"involv\w+ (?:the |her |his |their )?famil|explain\w*|clear information|(?:poor|lack of) information|update (?:her|him|them)|"
        r"(?:provid|giv|shar)\w* (?:\w+ ){0,2}?information\b|information (?:(?:it|they|the \w+) )?(?:provided|gave|given|shared)\b"
    ),
    "assessment": _cue(r"(?<!risk )assess|eligib|decision support tool|\bdst\b|checklist|needs (?:were|was) (?:not )?(?:met|considered)|ehc needs|review (?:of )?(?:his|her|their|the) needs|annual review|reviewed (?:his|her) needs"),
    "decision_making": _cue(
        r"decision[- ]making|properly consider|did not consider|failed to consider|without (?:proper |a |any )?(?:reason|rationale|record)|"
        r"no (?:recorded )?(?:rationale|reasons)|not (?:properly )?reasoned|fetter|in line with (?:the )?(?:law|guidance|policy|recommendations)|"
        r"(?:decision|decided) to (?:reduce|refuse|withdraw|end|stop)|wrongly decided|flawed|its decision|the decision|not follow (?:the )?(?:recommendations|guidance|law|policy)|properly reason"
    ),
    "care_planning": _cue(r"care plan|support plan|personal housing plan|" + _DISCHARGE + r"|transition|contingenc|" + _CARE_PLANNING_WORD + r"|"
                          r"transfer(?:red)? (?:her|his|the patient|patients)|hand[- ]?over|plan for"),
    "service_provision": _cue(
        r"(?:did not|failed to|not) (?:provide|deliver|arrange|put in place|secure|collect|make)" + _NOT_PAPERS + r"|"
        r"not provided|provision|"
        r"without (?:education|a school place|support|care)|care hours|accommodation|not enough support|missed (?:education|school)|"
        r"bins?|service (?:was|were) not|lack of (?:support|provision|capacity)|capacity|staffing"
    ),
    "care_quality": _cue(
        r"missed (?:visits|calls)|missing calls|medication|clinical(?! commissioning)|treatment|diagnos|standard of care|poor care|unsafe|"
        r"quality of (?:the )?care|care (?:provided|delivered|given|failings)|failings in (?:its|the) care|nursing|"
        r"care (?:was|were) (?:poor|not)|manag\w+ (?:of )?(?:his|her|mr \w+['’]s|mrs \w+['’]s)? ?(?:condition|care|infection|pain)|"
        r"monitor(?:ing)? (?:of )?(?:his|her) (?:condition|observations)|observations|examination|scan|referral"
    ),
    # (a clinical commissioning group is a body, not its commissioning)
    "commissioning": _cue(r"(?<!clinical )commission(?!ing groups?\b)|suitable (?:provider|placement|care|service|package)|find (?:a |an )?(?:suitable |alternative )?(?:provider|placement|agency)|source (?:a |an )?(?:provider|placement)|sourcing|arrang\w+ (?:a )?suitable"),
    "provider_oversight": _cue(r"oversight|oversee|monitor\w* (?:the |its )?(?:provider|agency|contract|care provider|placement|service)|contract manag|manag\w+ (?:the |its )?(?:provider|agency|contract)|quality assurance|lack of oversight"),
    "joint_working": _cue(r"joint(?:ly)?|work(?:ing|ed)? together|joined[- ]up|funding dispute|dispute resolution|between the (?:council|icb|ccg|trust|organisations)|partner agenc|multi[- ]agency|liaise|co-?ordinat"),
    "safeguarding": _cue(r"(?<!liberty )safeguard|section 42|\bs\.?42\b|abuse|neglect (?:concern|allegation)"),
    "record_keeping": _cue(r"record[- ]keeping|(?:no|poor|inadequate|incomplete|missing) records?|did not (?:keep|make) (?:a )?records?|not recorded|did not record|failed to record|case notes|documentation|document (?:its|the|his|her)"),
    "charging_funding": _cue(r"(?<!penalty )\bcharg|overcharg|\bfees?\b|invoice|direct payments?|refund|funding|top-?up|\bdebt|contribution|personal budget|financial assessment|\bbill"),
}

# The cues specific enough to trust on their own; the broad ones above are the fallback
# when neither these nor the classifier name a category. A cue is searched only in texts
# holding one of its anchors (extract/cues.py), the rarest literal its every match needs:
# where that would be a common word (" than", "agency", "no one"), the word is put in a
# lookaround, which gives no anchor, so a rarer one is used.
STRONG_CATEGORY_CUES: dict[str, Cue] = {
    # "handling of Ms A's complaint": a titled initial is a possessive like "her"
    "complaint_handling": _cue(r"complaint[- ]handling|complaints? (?:repl(?:y|ies)|responses|letters?)\b|handl\w+ (?:of )?(?:(?:mrs?|ms|miss|dr) )?(?:\w+['’]s |her |his |their |the |its )?complaints?|"
                               r"(?:respon|repl|answer)\w* (?:to )?(?:[\w’'-]+ ){0,6}?complaints?\b|complaints? (?:response|process|procedure)|"
                               # ("delayed dealing with her May 2018 complaint")
                               r"(?:deal|dealt|dealing) with (?:(?:mrs?|ms|miss|dr) )?(?:\w+['’]s |her |his |their |the |this |its )?(?:[\w’'-]+ ){0,2}?complaints?\b|"
                               # "the stage three panel", "a stage two investigation" of a complaints procedure
                               r"stage (?:one|two|three|1|2|3) (?:complaints? |review )?(?:panel|investigation|response|complaint)|"
                               # "When she complained, the Council's reply took ten weeks"
                               r"\bwhen (?:she|he|they|(?:mrs?|ms|miss|dr) \w+) complained\b[^.;]{0,60}?\b(?:reply|response|answer)\b|"
                               # "took 14 months to complete stage two of the procedure", "did not investigate Mr M's complaint properly"
                               r"stage (?:one|two|three|1|2|3) of (?:the |its |our |their )?(?:complaints? )?(?:procedure|process)\b|"
                               r"investigat\w* (?:\w+ly )?(?:(?:mrs?|ms|miss|dr) \w+['’]s|\w+['’]s) (?:complaint|concerns)\b|"
                               # "Border Force's investigation of Ms W's complaint was poor"
                               # (the body's own investigation: not the Ombudsman's "investigation of Mr W's complaint")
                               r"(?:its|their|\w+['’]s) (?:own )?investigation (?:of|into) (?:(?:mrs?|ms|miss|dr) \w+['’]s |\w+['’]s |her |his |their |the )?complaint\b|"
                               r"\b(?:first|second|third|final) stage of (?:her|his|their|the|its) complaint|"
                               # its own remedy for the complaint: "it failed to provide an appropriate remedy"
                               r"(?:failed to|did not|not|failing to|failure to) (?:provide|offer|give|propose) (?:an? |any )?(?:appropriate |adequate |suitable |proper |sufficient |fair )?remedy\b"),
    "delay": _cue(r"\bdelay|" + WAITED_BEFORE + r"|took too long|too long to|outside (?:the )?statutory|statutory timescales?|(?:months|weeks) late\b|"
                  r"(?:within|in) a reasonable (?:time|timescale|period)|"
                  # (not "should have acted sooner": a concession of the failings just told, whatever they were)
                  r"\bnot (?!acted\b|intervened\b)(?:[\w’'-]+ ){1,6}?sooner\b|should have (?!acted\b|intervened\b)(?:[\w’'-]+ ){1,6}?sooner\b|"
                  # how long it took: "took 16 weeks to complete", "took over a year to reply"
                  r"\btook (?:(?:the|its|their) [\w’'-]+ )?(?:over |more than |nearly |almost |about |around |until )?" + DURATION + r"\b(?! (?:of |')?(?:leave|holiday|off)\b)|"
                  # "did not start enquiries for three weeks", "issued the plan 14 weeks after the statutory deadline"
                  r"\b(?:did not|didn't|failed to) (?:start|begin|complete|issue|arrange|make|carry out|act|visit|inspect|decide|refer|assess|process|send|serve|take)\w* (?:[\w’'-]+ ){0,10}?"
                  r"for (?:over |more than |nearly |almost |about |around |a further |another )?" + DURATION + r"|"
                  + DURATION + r" (?:after|past|beyond|outside) (?:the |its )?(?:statutory |legal )?(?:deadline|time ?limit|timescale)|"
                  # "well outside the 20 weeks allowed"
                  r"\boutside (?:the |its )?(?:statutory |legal |target )?" + DURATION + r"|"
                  # not done until a later time: "did not arrange any care until the following
                  # Wednesday", "did not assess Mr R until 11 March" (not telling until later
                  # is communication)
                  r"\b(?:did not|didn't|was not|were not|had not) (?!(?:tell|inform|let|reply|respond|explain|update|contact|write)\b)(?:[\w’'-]+ ){1,8}?until (?:the (?:following|next|end|middle)|early|mid|late|after|"
                  r"\d|january|february|march|april|may|june|july|august|september|october|november|december|" + DURATION + r" later)|"
                  # "31 weeks after she asked, against a legal limit of 20 weeks"; "left her reports unassessed for fourteen weeks"
                  r"\bagainst (?:a|the|its) (?:legal |statutory |target )?(?:time ?)?(?:limit|deadline|timescale|maximum) of\b|"
                  r"\bun(?:assessed|actioned|processed|allocated) for (?:over |more than |nearly |almost |about |around )?" + DURATION + r"|"
                  # later than a target, or later than it should have been
                  + DURATION + r" (?:later than|longer than|after (?:the )?(?:target|date|deadline))\b|rather than within\b|"
                  r"\b(?:far |much |considerably |significantly )longer than\b|"
                  r"(?:did not|didn't|failed to|not) (?:[\w’'-]+ ){1,6}?within (?:the |its )?(?:statutory |legal |target |required )?(?:[\w-]+ )?(?:working )?(?:days|weeks|months|time ?limit|timescale|deadline)\b"),
    # Not telling, explaining or advising, in any form of the negation ("its failure to
    # tell him", "for not explaining", "failed to properly advise her"), and too little
    # information or discussion with the person or family.
    "communication": _cue(r"communicat|(?:incorrect|inaccurate) (?:information|advice)|without (?:anyone|anybody|someone) (?:letting|telling|informing|warning)\b|(?:did not|didn't|failed to|not|never) (?:speak|talk)\w* (?:to|with) (?:her|him|them|the family|(?:mrs?|ms|miss|dr) \w+)\b|keep(?:ing)? (?:\w+ ){0,3}informed|wrong (?:information|advice)|advice (?:was|had been) (?:wrong|incorrect|inaccurate|misleading)|told (?:her|him|them|the family|(?:mrs?|ms|miss|dr) \w+),? wrongly\b|(?:did not|failed to|not) share (?:[\w’'-]+ ){0,3}?with (?:her|him|them|the family|(?:mrs?|ms|miss|dr) \w+)\b|misinform|wrongly told|should have (?:discussed|explained|told|informed|involved|advised) (?!(?:the |another |its )?(?:council|icb|ccg|trust|agency|home|provider|gp|surgery|hospital)\b)|(?:send|sending|sent|provid\w*|giv\w*|shar\w*) (?:(?:mrs?|ms|miss|dr) \w+ |her |him |them |the family )?(?:a |the |any )?cop(?:y|ies) of\b|(?:wrongly|incorrectly|mistakenly) (?:advis|invit|direct|inform)\w*|misadvis\w*|misleading|conflicting information|(?:two|conflicting|different|inconsistent|contradictory) (?:accounts|explanations|versions)\b|"
                          r"(?:did not|didn't|failed to|failing to|failure to|not|without|never) (?:properly |clearly |adequately |fully )?"
                          r"(?:tell|told|telling|inform(?:ed|ing)?|involv(?:e|ed|ing)|explain(?:ed|ing)?|advis(?:e|ed|ing)|discuss(?:ed|ing)?|"
                          # updating a person, not a document ("did not update the plan" is planning)
                          r"updat(?:e|ed|ing)(?! (?:the |her |his |their |its )?(?:[\w’'-]+ ){0,3}?(?:plan|assessment|records?|notes|charts?|policy|procedure|system)s?\b))\b"
                          # not another body ("did not tell the Council": working together), nor a
                          # decision's reasons ("did not explain why": the decision's own failing)
                          r"(?! (?:the |another |its |that )?(?:council|icb|ccg|trust|agency|home|provider|gp|surgery|hospital|school|police|other council)\b)"
                          r"(?! (?:[\w’'-]+ ){0,2}?why\b)|"
                          r"(?:sufficient|enough|adequate|clear|accurate) (?:information|advice|explanation|discussions?)|"
                          r"should have (?:told|informed|explained|advised|updated|invited|involved|consulted)\b(?! (?:the |another |its )?(?:council|icb|ccg|trust|agency|home|provider|gp|surgery|hospital|school|police)\b)(?! (?:[\w’'-]+ ){0,2}?why\b)|"
                          r"(?:did not|didn't|failed to|not|never) (?:engage|keep in touch) with (?:her|him|them|the family|(?:mrs?|ms|miss|dr) \w+)\b|"
                          # "Nobody told Mr V ...", "waited several days before telling the family"
                          r"(?:(?<=nobody )|(?<=no one )|(?<=no-one ))(?:(?:from|at|in) (?:the |its )?[\w’'-]+ )?(?:told|informed|explained|updated|contacted)\b|"
                          # "did not answer her questions"; "told her the carers were booked when they were not"
                          r"(?:did not|didn't|failed to|not) (?:answer|address) (?:her|his|their|the family['’]s|[\w’']+['’]s) questions\b|"
                          r"\btold (?:[\w’'-]+ ){1,8}?when (?:it|they|he|she) (?:was|were|had|did) not\b|"
                          # "did not reply to three of her emails", "his letters went unanswered"
                          r"(?:did not|didn't|failed to|not) (?:reply|respond|answer)\w* (?:to )?(?:[\w’'-]+ ){0,4}?(?:emails?|letters?|calls|messages?|queries|enquiries)\b|"
                          r"(?:emails?|letters?|calls|messages?|queries|enquiries) (?:[\w’'-]+ ){0,4}?(?:went|were|was|remained) unanswered|"
                          r"(?:waited|took) (?:[\w’'-]+ ){0,4}?(?:before|to|until) (?:tell|inform|let)\w* |"
                          # "sent him bills for four months before telling him how the charge was worked out"
                          r"\bfor (?:over |more than |nearly |almost |about |around )?" + DURATION + r" before (?:tell|inform|explain)\w* |"
                          # the negation reaching on: "did not record the falls or tell the family",
                          # "Nor did it explain the arrangement", "did not let Ms W know"
                          r"(?:did not|didn't|failed to|not|never) (?:[\w’'-]+ ){1,8}?or (?:tell|inform|explain|advise|update|let)\b(?! (?:[\w’'-]+ ){0,2}?why\b)|"
                          r"\bnor did (?:[\w’'-]+ ){1,6}?(?:tell|inform|explain|advise|update|let|involve|invite|reply|respond)\b|"
                          r"(?:did not|didn't|failed to|not|never) let (?:[\w’'-]+ ){1,3}?know\b|"
                          # not involving the person: "did not invite Mr M to the review meetings"
                          r"(?:did not|didn't|failed to|not|never) (?:invite|consult)\w* (?:(?:mrs?|ms|miss|dr) \w+|her|him|them|the family|the parents?)\b|"
                          # no notice or warning given
                          r"(?:gave|giving|give|given) (?:[\w’'-]+ ){0,2}?no (?:prior |advance |written )?(?:notice|warning)\b|without (?:giving |any |prior |advance )*(?:notice|warning)\b|"
                          r"(?:less than|only) (?:[\w’'-]+ ){1,3}?notice\b|"
                          # "its failure to send the decisions in writing and tell him about his right"
                          r"(?:failure|failed|failing) to (?:[\w’'-]+ ){1,10}?and (?:to )?(?:tell|inform|explain|advise)\b|"
                          # information not given, or given late: "a delay in providing Mr Y with written
                          # information about fees" (not a decision's reasons)
                          r"(?:delay\w* in|did not|didn't|not|never|failed to|failure to|failing to|without) (?:[\w’'-]+ ){0,2}?(?:provid|giv|send)\w* "
                          r"(?:[\w’'-]+ ){0,3}?(?:with )?(?:an? |the |any |clear |written |accurate |full |enough |sufficient )*(?:information|explanations?|details)\b|"
                          # notice not given: "did not give Mrs X four weeks' notice"
                          r"(?:did not|didn't|failed to|failing to|failure to|not) give (?:[\w’'-]+ ){0,4}?(?:notice|warning)\b|"
                          # "cannot show it discussed the funding with Mr X", "did not make it clear to Mr X",
                          # "the process was not made clear to Ms X"
                          r"(?:cannot|could not|can't|couldn't) show (?:that )?(?:it|they|the \w+) (?:had )?(?:discussed|explained|told|informed|consulted|advised)\b|"
                          r"(?:did not|didn't|failed to|failing to|not|never) make (?:it |this |that )?clear\b|(?:was|were|is|are) not made clear\b|"
                          # "did not contact the council tax payer to explain", "failing to reply to some of his emails"
                          r"(?:did not|didn't|failed to|not) contact (?:[\w’'-]+ ){0,4}?to (?:explain|tell|inform|discuss|let)\b|"
                          r"(?:failing|failure) to (?:reply|respond|answer)\w* (?:to )?(?:[\w’'-]+ ){0,4}?(?:emails?|letters?|calls|messages?|queries|enquiries)\b|"
                          # "was not notified about a road closure", "failure to keep Mrs X updated",
                          # "an incorrect version of events"
                          r"\bnot (?:been )?notified\b|keep(?:ing)? (?:\w+ ){0,3}updated\b|"
                          r"(?:incorrect|inaccurate|misleading|conflicting|wrong) (?:version|account)s? of\b"),
    "assessment": _cue(r"\bassessments? of (?:[\w’'-]+ ){0,4}?(?:needs|eligibility|application|claim)|"
                      # "We found failings in the ICB's assessment, its decision and ..."
                      r"(?:faults?|failings?|flaws?) (?:in|with) (?:the |its |their )?(?:[\w’']+['’]s )?(?:[\w-]+ )?(?:re-?)?assessments?\b|"
                      # "did not complete reviews properly", "did not deal with an EHCP annual review properly"
                      r"(?:did not|didn't|failed to|not) (?:complete|carry out|conduct|do|deal with|handle) (?:[\w()’'-]+ ){0,8}?reviews? (?:properly|correctly|adequately|lawfully)\b|"
                      # a review or assessment that left needs out: "a review that did not
                      # consider his needs at night", "the review did not look at her night-time needs"
                      r"(?:review|assessment|assessor)\w* (?:[\w’'-]+ ){0,4}?(?:did not|didn't|failed to|not) (?:properly )?(?:consider|look at|take account of|address|include|cover) (?:[\w’'-]+ ){0,6}?needs\b|without (?:a |an |any )?(?:new |fresh |proper |up-to-date )?(?:re-?)?assessment\b|(?:failed|failing|fail|did not|not) (?:to )?(?:properly )?(?:re)?assess|"
                      r"re-?assess|considered (?:[\w’'-]+ ){0,3}?needs\b|"
                      # a review of needs is an assessment (of a plan, care planning): "failed to review his care needs"
                      r"(?:failed|failing|failure|did not|not) (?:to )?review (?:(?:mrs?|ms|miss|dr) \w+['’]s |\w+['’]s |his |her |their |the )?(?:care (?:and support )?)?needs\b|"
                      r"not (?:properly )?assessed|(?:needs|carer['’]?s|financial|care|social care) assessment|decision support tool|\bdst\b|eligib|checklist"),
    "decision_making": _cue(r"(?:decided|decision) to (?:reduce|refuse|end|stop|withdraw|cut)|nothing (?:on (?:the )?file|in (?:the |its |their )?records?) (?:explains|shows|records|says) (?:why|the decision|the reason)|(?:did not|failed to|failing to|not) (?:properly )?consider|"
                           r"(?:recognis|consider|understand|accept)\w* (?:its|the|their) (?:legal |statutory )?dut(?:y|ies)|"
                           # guidance not heeded: "a lack of regard to the SEND Code of Practice"
                           r"(?:lack of|no|without|insufficient|little) (?:proper |due |sufficient )?regard (?:to|for) (?:the |its )?(?:[\w-]+ ){0,3}?(?:code|guidance|law|legislation|policy|dut(?:y|ies)|regulations)\b|"
                           # the law read wrongly: "it misunderstood its legal jurisdiction", "misapplied the guidance"
                           r"(?:misunderst(?:ood|anding)|misinterpret\w*|misappl(?:ied|ying|ication of)|misread) (?:its |the |their )?"
                           r"(?:[\w-]+ ){0,2}?(?:law|legal|legislation|powers?|jurisdiction|dut(?:y|ies)|guidance|policy|policies|rules|criteria|code)\b|"
                           r"(?:incorrect|wrong|flawed|unreasonable|irrational) (?:decision|policy|policies)|"
                           # "its policy is flawed"; "failed to follow its own guidance", "did not apply the law correctly"
                           r"(?:decision|policy|policies) (?:is|was|were|are) (?:flawed|wrong|unlawful|incorrect|unreasonable)|"
                           # "I find fault with the Board's decision", "failings in its decisions"
                           r"(?:fault|failings?) (?:with|in) (?:the |its |their )?(?:[\w’']+['’]s )?(?:[\w-]+ )?decisions?\b|"
                           # "fault in the way it considered the arrangements", "in how the Council decided"
                           # (how it considered someone's needs is the assessment's)
                           r"(?:the way|how) (?:it|they|the \w+) (?:considered|decided|reached|made (?:its|the|their) decision)(?! (?:[\w’'-]+ ){0,3}?needs\b)|"
                           r"(?:did not|failed to|failing to|failure to|not) (?:properly |correctly )?(?:follow|apply|comply with) "
                           r"(?:the |its |their )?(?:own (?:[\w-]+ ){0,2}?)?(?:recommendations|guidance|law|legislation|policy|policies|criteria|rules)\b|"
                           # a decision with no reasons given or recorded: "without giving any reasons",
                           # "gave no reasons", "with no recorded reason", "did not write down why"
                           r"(?:without|with no|gave no|giving no|recorded no|provided no) (?:giving |recording |providing |proper |any |written |recorded |clear )*(?:reasons?|rationale)\b|"
                           r"(?:did not|didn't|failed to|not) (?:write down|record|note) (?:[\w’'-]+ ){0,2}?why\b|"
                           # "not providing proper reasons for the charges", "applied a blanket approach",
                           # "unreasonably refused", "wrongly referred him"
                           r"(?:not|without|failed to|failing to|failure to) (?:provid|giv)\w* (?:proper |adequate |clear |any |sufficient |full )?reasons?\b|"
                           r"\bblanket (?:approach|policy|rule|ban|refusal)\b|"
                           r"\b(?:unreasonably|wrongly|unlawfully|unfairly|wrongfully) (?:refused|decided|rejected|reversed|revoked|referred|ended|terminated|withdrew|withdrawn|reduced|removed|excluded|closed)\b|"
                           # a question not weighed: "without considering whether ...", "rather than
                           # looking only at the distance"
                           # (not "without looking at the records": an enquiry's own failing)
                           r"without (?:properly |first |ever )?(?:considering|taking (?:into )?account|weighing|deciding for itself)\b|"
                           # a case closed or a decision made without looking at what was sent
                           # (a safeguarding concern or enquiry closed so is the enquiry's failing)
                           r"(?:closed|decided|refused|ended|rejected)\w* (?!(?:the |its |her |his |mrs? \w+['’]s |ms \w+['’]s )?(?:safeguarding )?(?:concerns?|enquiry|enquiries|alerts?)\b)"
                           r"(?:[\w’'-]+ ){0,8}?without (?:first )?(?:looking at|reading)\b|"
                           r"rather than looking only at\b|should have considered\b|"
                           # "we cannot be satisfied the Council took it into account", "did not take her views into account"
                           r"(?:did not|didn't|failed to|not|without|never) (?:properly )?tak\w* (?:[\w’'-]+ ){0,4}?into account\b|"
                           r"cannot be (?:satisfied|sure|confident) (?:that )?(?:[\w’'-]+ ){1,3}?(?:took|had taken|properly considered|considered|weighed)\b|"
                           # "which is not what the statutory guidance says", "wrongly applied its policy"
                           r"not what (?:the |its |their )?(?:own )?(?:[\w-]+ ){0,3}?(?:guidance|law|policy|regulations|rules|framework|code|act) (?:says|requires|allows)\b|"
                           r"wrongly appl\w*|"
                           # "cut his care from 21 to 15 hours a week with no explanation"
                           r"(?:cut|reduc|withdr[ae]w|end|stopp?|refus|remov|suspend|clos)\w* (?:[\w’'-]+ ){0,10}?(?:with no |without (?:a |any )?)(?:written )?explanation\b|"
                           r"without (?:proper |any )?(?:reasons|rationale)|no (?:recorded )?rationale|no explanation (?:of |for |as to )?why\b|no reasons? (?:of |for |as to )?why\b(?![^.]*\b(?:should|would|could) (?:not|n't)\b)|(?:no |without (?:a |any )?)recorded (?:reasons?|rationale)\b|(?:no|nothing in (?:its|the|their)) records? (?:[\w’'-]+ ){0,3}?(?:explain\w*|show\w*|says?) why\b|(?:without recording|no record\w*(?: of)?|not record\w*) why\b|not follow (?:the )?(?:recommendations|guidance|law|policy)|fetter|decision[- ]making"),
    "care_planning": _cue(r"(?<!health and )care plan|support plan|pathway plan|child in need plan|crisis plan|personal housing plan|" + _DISCHARGE + r"|contingency plan|transition|"
                          # sent home "before the care package he had been assessed as needing was in place"
                          r"\bbefore (?:the |his |her |their |any |a )?(?:[\w-]+ )?(?:care package|package of care|package|care|support|equipment)\b (?:[\w’'-]+ ){0,8}?(?:was|were|had been) (?:in place|arranged|set up|ready)\b|"
                          # the early review of a new placement or package
                          r"\b(?:six|6|four|4|eight|8|twelve|12)[- ]week review\b|"
                          # "had no plan for what N would do in the meantime"
                          r"\b(?:had |with |there was )?no (?:[\w-]+ )?plan (?:for|to)\b|"
                          r"(?:did not|didn't|never|nor did (?:it|they|the \w+)) (?:make|agree|draw up|put in place) (?:a |an |any )?(?:interim |contingency |crisis |care |support )?plan\b|"
                          r"\breview\w* (?:[\w’'-]+ ){0,8}?(?:into|of) (?:the |her |his |their )?placement\b|"
                          # a plan not kept up to date: "did not update the plan when a sore developed"
                          r"(?:updat|revis)\w* (?:the |her |his |their |its )?plan\b|"
                          # a placement's or package's review is its plan's
                          r"review (?:of )?(?:the |her |his |their )?(?:placement|care package|package)\b|(?:placement|package)(?= review)"),
    "commissioning": _cue(r"(?<!clinical )commission(?:ing(?! groups?\b)|ed|ers?)\b|(?<!quality )commission (?:a|an|the|any|suitable|alternative|tuition|care|support|education|services?|provision|therapy)\b|"
                          r"\bplac\w* (?:[\w’'-]+ ){1,6}?(?:although|even though|when|despite|though|that|which) (?:[\w’',-]+ ){0,20}?(?:could not|couldn't|was unable to|did not) (?:meet|manage|offer|provide|support)\b|"
                          # a placement or provider chosen without checking it could meet the needs,
                          # or known (told) not to be able to
                          r"(?:without (?:first )?checking|(?:did not|didn't|never|failed to|not) (?:first )?check(?:ed)?|(?:no record|no evidence|nothing to show) (?:that )?(?:anyone|anybody|it|they|the council|the icb) (?:had )?checked) "
                          r"(?:(?:whether|that|if) )?(?:the |its |this )?(?:home|agency|provider|placement|care home|nursing home|company|it) (?:could|was able|had)\b|"
                          r"(?:had (?:already )?told|told|warned) (?:it|them|the council|the icb|both of them)(?:,? (?:in writing|(?:before|when|at) (?:[\w’'-]+ ){0,3}?[\w’'-]+),?)? (?:that )?(?:it|they) (?:could not|couldn't|cannot|was unable to|had no)\b|"
                          # a placement made against what the assessment said was needed
                          r"\b(?:plac|arrang|chose|choos|commission|mov)\w* (?:[\w’',-]+ ){0,20}?(?:although|even though|despite|though) (?:its own |her |his |their |the )?(?:[\w-]+ )?assessment (?:had )?(?:said|says|stated|showed|recommended|identified)\b|"
                          r"\bknew (?:that )?(?:the |its )?(?:home|agency|provider|placement|company) (?:could not|couldn't|was unable to|had no)\b|"
                          r"(?:find|found|source|look\w* for) (?:another|an alternative|a different)\b|(?:widen|extend|broaden)\w* (?:the |its |their )?search\b|"
                          # a search for care that stopped short: "approached only one provider", "did not
                          # look further", "a spot purchase", "offered at least one suitable home"
                          r"\bapproached (?:only )?(?:one|two|a single|a few|few) (?:providers?|agencies|homes|care homes)\b|"
                          r"(?:did not|didn't|failed to|not|never) (?:look|search) (?:any )?further\b|\bspot[- ]purchas\w*|"
                          r"\b(?:offer|offered|identif\w*) at least one suitable (?:home|placement|provider)\b|"
                          # no service that can meet the needs: "has not arranged a service that can meet
                          # the needs of people discharged at weekends"
                          r"(?:did not|didn't|has not|had not|have not|never|failed to|not) (?:arrang|commission|secur|sourc|provid|put in place)\w* (?:a |an |any )?(?:[\w-]+ ){0,2}?"
                          r"(?:service|provider|placement|package|care|support) (?:that|which) (?:can|could|would|was able to) meet\b|"
                          r"(?:arrang|secur|sourc)\w* (?:a |an |the )?(?:[\w-]+ ){0,3}?placements?\b|unsuitable (?:placement|provider|care home|agency)|"
                          # "arranging for an agency to provide her care", "to find a care provider" (not
                          # the Ombudsman's "we find the care provider was at fault")
                          r"(?:arrang\w*|(?<!\bwe )(?<!\bI )find\w*|secur\w*|sourc\w*) (?:for )?(?:a |an |another |the )?(?:new |suitable |alternative )?(?:care |homecare |home care )?(?:agency|provider)\b|"
                          # care found or not found to take over or fill a gap: "delayed in getting
                          # replacement care", "did as much as it could to find respite care", "failed
                          # to provide an appropriate placement"
                          r"(?:find|found|get|getting|got|arrang|secur|sourc)\w* (?:him |her |them )?(?:a |an |any |the |some )?(?:[\w-]+ )?"
                          r"(?:replacement|alternative|respite) (?:care|carers?|providers?|agency|package|placements?)\b|"
                          + SUITABLE_PLACEMENT + r"|"
                          # a care package not arranged, nobody found to deliver the care
                          r"(?:arrang|secur|sourc)\w* (?:a |an |the |any |another )?(?:new |suitable |alternative |interim )?(?:care package|package of care)|"
                          r"(?:found|find\w*) (?:anyone|someone|nobody|no one|any provider|a provider|a placement|a supported living placement|an? (?:carer|care worker|agency|personal assistant)) (?:to|who|able|that could)\b|"
                          r"(?:found|find\w*) (?:him |her |them )?(?:a |an |any )?(?:registered |suitable |alternative )?(?:children['’]s home|care home|nursing home|placement)s?\b|"
                          r"(?:found|find\w*) (?:him|her|them) (?:a |an |any )?(?:suitable )?(?:place to live|place|home)\b|"
                          r"(?:did not|failed to|not) offer (?:[\w’'-]+ ){0,3}?(?:a |an |any )?(?:suitable )?(?:care home |nursing home )?(?:place|placement)\b|"
                          # no choice of a home (at its usual rate) offered
                          + PLACEMENT_CHOICE + r"|"
                          # someone found to give the service: "the failure to source an occupational therapist"
                          r"\bsourc\w* (?:a |an |another |the )?(?:suitable |alternative |new )?(?:[\w-]+ ){0,3}?(?:therapists?|tutors?|carers?|care workers?|personal assistants?|providers?|agency|agencies|placements?|schools?)\b"),
    "provider_oversight": _cue(r"oversight|oversee|contract manag|monitor\w* (?:the |its )?(?:provider|agency|contract)|"
                               # "failing to properly monitor the arrangements to ensure they remained suitable"
                               r"\bmonitor\w* (?:the |its |her |his |their )?(?:[\w-]+ )?(?:arrangements|placements?|provision)\b|"
                               # "or look at the agency's call records"
                               r"\b(?:look\w*|check\w*|examin\w*|review\w*|inspect\w*|ask\w* (?:for|to see)) (?:at )?(?:the |its )?(?:agency|provider|care provider|contractor)['’]s (?:[\w-]+ ){0,2}?(?:records|logs|rotas|timesheets)\b|"
                               # "did not carry out the monitoring visit", "no contract review meeting"
                               r"\bmonitoring (?:visits?|checks?|meetings?)\b|\bcontract (?:monitoring|reviews?|review meetings?)\b|"
                               # checking a provider's performance, or acting under its contract
                               r"(?:check|review|monitor|inspect|assess|challeng)\w* (?:[\w’'-]+ ){0,3}?(?:performance|compliance)|"
                               r"(?:did not|didn't|failed to|not|never) (?:contact|challenge|chase|question|raise (?:[\w’'-]+ ){0,3}?with)(?= (?:the |its )?(?:agency|provider|care provider|care home|contractor)\b)|"
                               r"(?:under|through|in) (?:its|their|the) (?:own )?contract(?:s| monitoring)?\b|"
                               r"held (?:the |its )?(?:contractor|provider|agency|firm|agents?) to|"
                               # "did nothing to check the Agency was delivering the package"
                               r"(?:check|ensur|monitor)\w* (?:that |whether )?(?:the |its )?(?:agency|provider|care provider|care home|home|contractor|trust)s? (?:was|were|is|had)\b|"
                               # "did not check what Mr M was actually receiving"; its quality monitoring visits
                               r"check\w* (?:what|whether|that) (?:[\w’'-]+ ){0,4}?(?:was|were) (?:actually )?(?:receiving|getting|being (?:given|provided|delivered))\b|"
                               r"(?:quality|contract) monitoring|"
                               r"(?:did not|didn't|failed to|not|never) (?:visit|inspect)\w* (?:or (?:review|check) )?(?:the |its )?(?:home|care home|nursing home|placement|provider|agency)\b|"
                               # reports about the provider not acted on; whether the placement was still safe
                               r"(?:did not|didn't|failed to|never) (?:act|follow up) on (?:[\w’'-]+ ){0,6}?(?:reports?|warnings?|alerts?|notifications|returns) "
                               r"(?:[\w’'-]+ ){0,5}?(?:provider|agency|home|care home|carers?|calls|visits|staffing)\b|"
                               r"(?:review|consider|check|ask)\w* (?:whether|if) (?:[\w’'-]+ ){0,3}?(?:placement|package|home|care) (?:was|were|is|remained) (?:still )?safe\b|"
                               r"check\w* (?:the |its )?(?:call|visit|daily|care) (?:logs|records|monitoring)\b"),
    "joint_working": _cue(r"joint(?:ly)? work|work(?:ing|ed)? together|joined[- ]up|joint response|dispute resolution|funding dispute|"
                          # which council a person is ordinarily resident in is a dispute between councils
                          r"\bdisput\w* (?:over |about )?(?:[\w’'-]+ ){0,2}?ordinary residence\b|\bordinary residence (?:disputes?|disagreements?)\b|"
                          # "The Trust and the Council had no agreed process for confirming ..."
                          r"\bno (?:agreed|joint|shared) (?:process|protocol|procedure|arrangements?|approach|pathway)\b|"
                          # not working with another service, nor holding the joint meeting; not
                          # telling another council or NHS body what it needed to know
                          r"(?:did not|didn't|failed to|not|never) work (?:[\w’'-]+ ){0,2}?with (?:the |its |their )?(?:local |other |another |relevant )?"
                          r"(?:council|trust|icb|ccg|nhs|health|nursing|community|hospital|gp|surgery|mental health|partner|agencies|organisations|services)\b|"
                          r"(?:did not|didn't|failed to|not|never|no) (?:[\w’'-]+ ){0,6}?joint (?:[\w-]+ )?(?:meetings?|assessments?|reviews?|planning|plans?|visits?|panels?)\b|"
                          # (a provider not telling "the Council" is its care's failing, not joint work)
                          r"(?:did not|didn't|failed to|not|never) (?:tell|inform|notify|alert) (?:(?:another|the other|the (?:host|placing|receiving|neighbouring|relevant)) (?:council|authority)|"
                          r"the (?:council|authority) in whose area|the (?:icb|ccg|trust)\b)|"
                          r"(?:agree\w*|decid\w*|arrang\w*|settl\w*|sort\w* out) (?:[\w’'-]+ ){0,2}?between (?:them|themselves)\b|"
                          r"(?:disagree\w*|argu\w*|dispute\w*|disputing) (?:about |over )?(?:the )?(?:funding|who should|which of them should)|"
                          # resolving disputes between them; dealing with another organisation
                          r"(?:resolv|settl)\w* (?:the |any |their |these )?(?:disputes?|disagreements?)|"
                          # the procedure for settling them, and who should pay
                          r"disputes? (?:procedure|process|protocol|policy|mechanism)|"
                          # "did not raise them with the CCG" (a body not taking a problem to the other)
                          r"(?:did not|didn't|failed to|never) raise (?:them |it |this |the (?:problems?|concerns?|issues?) )?with (?:the )?(?:surgery|gp|hospital|trust|council|icb|ccg)\b|escalation (?:route|process|procedure|protocol)|"
                          r"disput\w* (?:the )?funding|who (?:should|would) (?:fund|pay)|"
                          # (with the other body, not with the person: "sharing information with Mrs X because the Council ...")
                          r"(?:communicat|liais|shar)\w* (?:information )?with (?!(?:(?:mrs?|ms|miss|dr) \w+|her|him|them|the family) (?!and\b))(?:[\w’'-]+ ){0,4}?"
                          r"(?:surgery|gp|hospital|trust|council|icb|ccg|agencies|organisations|professionals)\b"),
    "safeguarding": _cue(r"(?<!liberty )safeguard|section 42|child protection|exploitation|(?:clos|end)\w* (?:the |a |its )?(?:concern|alert)\b|"
                         r"\bno (?:further )?enquiry (?:was )?(?:needed|necessary|required)\b"),
    "record_keeping": _cue(r"record[- ]keeping|(?:no|poor|inadequate|missing) records?\b(?! (?:of )?why\b)"
                           # "there is no record that anyone checked": what was not done, not how it was recorded
                           r"(?! (?:that |of )?(?:anyone|anybody|it|they|the \w+) (?:had )?(?:checked|considered|asked|looked|thought|discussed|spoke))|"
                           # how records were made: "fault in the Care Provider's recording procedures"
                           r"\brecording (?:procedures?|practices?|systems?|processes)\b|(?:poor|inadequate|inaccurate|incomplete) recording\b|"
                           r"(?:fault|failings?|failures?) (?:in|with) (?:the |its |their |[\w’]+['’]s )?(?:[\w’'-]+ )?recording\b|(?:did|do|does) not record|(?:kept|keep|keeping|made|make) no (?:[\w-]+ )?(?:notes?|records?)\b(?! (?:of )?why\b)|not recorded|(?:how|the way|what|information) (?:[\w’'-]+ ){0,5}?recorded\b|recorded (?:incorrectly|wrongly|inaccurately|in error)|document(?:ation)? management|records management|"
                           r"without (?:recording|noting|documenting)\b(?! why| (?:any |a |the |its )?(?:reasons?|rationale))|records? (?:did not|do not|does not) (?:show|record|say|include)\b(?! (?:that )?(?:anyone|anybody|it|they|the \w+) (?:had )?(?:considered|checked|thought|asked|looked))|(?:records?|charts?|notes|logs?) (?:[\w’'-]+ ){0,4}?(?:have|had|has|with|contain\w*|show\w*) gaps\b|gaps in (?:the |its |her |his |their )?(?:[\w-]+ ){0,2}?(?:records|charts|notes|logs)\b|"
                           r"(?:did not|failed to|not) (?:keep|complete|fill in) (?:the |her |his |its )?(?:[\w-]+ )?charts?\b|(?:updat|correct|amend)\w* (?:the |its |their |his |her )?(?:[\w’'-]+ ){0,2}?records?\b|"
                           r"\b(?:notes|records?|charts)\b (?:[\w’'-]+ ){0,5}?(?:(?:are|were|was|is) (?:incomplete|missing|inaccurate|blank|wrong|limited|poor|sparse|inadequate|insufficient|unclear|not (?:complete|accurate|kept))|(?:had|has|have) not been (?:completed|kept|filled in|signed|updated))\b|"
                           r"(?:did not|failed to|failing to|failure to|not) (?:keep|make|maintain) (?:a |any |proper |adequate |accurate |appropriate |sufficient |full |clear |complete |good )*(?:written |daily |care |visit |case |contemporaneous )?(?:records?|notes?)\b|"
                           # "The Council had not ensured adequate records were kept"
                           r"not (?:ensur\w*|made sure|make sure) (?:that )?(?:adequate |proper |accurate |sufficient |full )?records?\b|"
                           # "a failure to properly record the initial request"
                           r"\b(?:failure|failed|failing) to (?:properly |accurately |fully )?record\b|\bnot (?:properly |accurately |fully )?recording\b|"
                           # records lost, or evidence not kept: "Previous risk assessments were lost"
                           r"\b(?:records?|documents?|files?|paperwork|papers|assessments?|notes)\s+(?:were|was|had been|have been|has been)\s+(?:lost|mislaid|misplaced|destroyed)\b|"
                           r"\b(?:lost|mislaid|misplaced)\s+(?:the\s+|her\s+|his\s+|their\s+|its\s+|some\s+)?(?:[\w-]+ )?(?:records?|documents?|files?|paperwork|papers)\b|"
                           r"(?:did not|failed to|failing to|failure to|not) (?:keep|retain) (?:any |the )?evidence\b"),
    "charging_funding": _cue(r"(?<!penalty )\bcharg|\bfees?\b|(?<!consider a )(?<!considering a )(?<!offer a )(?<!offering a )(?<!offered a )(?<!offer her a )(?<!offer him a )direct payments?|top-?up|treat\w* (?:[\w’'-]+ ){0,8}?as (?:capital|income)\b|invoice|\bbill(?:ed|ing)\b|overcharg|\b(?:under|over)pa(?:id|yments?)\b|"
                             r"(?:reduc|end|stop|cut|withdr[ae]w)\w* (?:the |her |his |their |[\w’']+['’]s )?(?:[\w-]+ )?allowance\b|means[- ]test|disability[- ]related expenditure|should have been free|free of charge|"
                             r"(?:paying for|paid for|pay for) (?:the |her |his |their )?(?:care|accommodation|placement|aftercare|services?)\b|(?:make|making|made) payments|"
                             # "failed to calculate redress in line with guidance"; "has not paid Mr X's claims"
                             r"calculat\w* (?:the |its |her |his )?(?:redress|refunds?|reimbursement|arrears)\b|"
                             r"(?:not|never) (?:been )?paid (?:[\w’']+ ){0,2}?(?:claims?|benefits?|allowances?|grants?)\b|"
                             r"(?:did not|didn't|failed to|never) pay (?:[\w’£,.'-]+ ){0,8}?(?:allowance|grant|benefit|claim)s?\b|"
                             # money owed, held or refused: a deposit not refunded, a debt pursued, a
                             # balance chased, a cost not met, deprivation of assets, a cap on what it pays
                             r"\brefund\w* (?:[\w’£,.'-]+ ){0,4}?deposit\b|\bpursu\w* (?:[\w’',-]+ ){0,10}?for (?:a |the |an )?(?:[\w-]+ )?debt\b|"
                             r"\bdepriv\w* (?:[\w’'-]+ ){0,3}?(?:of )?(?:her |his |their )?(?:assets|capital|savings|money|property)\b|\bdeprivation of (?:assets|capital)\b|"
                             r"(?:refus|declin|decision not)\w* (?:to )?(?:pay|fund|meet) (?:for )?(?:the )?(?:full )?(?:cost|costs|fees?|transport|care|aftercare)\b|"
                             r"\b(?:upper limit|cap|ceiling) on (?:the )?(?:amount|rate|sum)\b|"
                             r"(?:did not|didn't|failed to|not) (?:provide|make) (?:any |the )?(?:funding|payments?)\b|"
                             r"\b(?:the )?(?:appropriate|correct|right|proper) funding\b|"
                             r"\b(?:delay\w*|late) (?:in )?(?:making|paying|issuing) (?:[\w’'-]+ ){0,4}?(?:payments?|invoices?|bills?|refunds?)\b"),
    "care_quality": _cue(r"(?:missed|cut short)(?: or (?:missed|cut short|shortened))? (?:[\w’'-]+ ){0,4}?(?:visits|calls)\b|"
                         # visits not turned up to, or late: "failing to turn up to care visits, turning up
                         # at care visits late"
                         r"(?:fail\w* to|did not|didn't|not) (?:turn\w* up|attend|arrive)(?: (?:to|for|at))? (?:[\w’'-]+ ){0,2}?(?:visits|calls)\b|"
                         r"(?:turn\w* up|arriv\w*) (?:at |for |to )?(?:[\w’'-]+ ){0,2}?(?:visits|calls) late\b|\blate (?:care )?(?:visits|calls)\b|missing (?:calls|a carer visit|visits)|pressure (?:area care|care|sores?|ulcers?|damage)|missing a \w+ visit|medications?|medicines?|\btablets?\b|(?:seek|get|obtain|call)\w* (?:[\w’'-]+ ){0,2}?medical (?:advice|attention|help)|hydrat|enough to (?:eat|drink)|fluid intake|nutrition|\bprescri(?:bed|ption)|clinical(?! commissioning)|medical (?:failings?|errors?|mistakes?)|standard of care|quality of (?:the )?care|care failings|failings in its care|"
                        # "Failings in Mrs P's care by the Home", "failings in her care and treatment"
                        r"(?:failings?|faults?|failures?|shortcomings) in (?:(?:mrs?|ms|miss|dr) \w+['’]s |\w+['’]s |her |his |their |the )(?:nursing |personal |clinical |medical |dental )?(?:care|treatment)\b(?! (?:plan|package|act|assessment|needs|home|provider)\b)|"
                        r"(?:visits|calls) (?:were|was) (?:often |frequently |regularly )?(?:short|late|less than)|visits short|less than the allocated|allocated time|poor care|"
                        r"\btiming of (?:the |her |his |its )?(?:care )?(?:calls|visits)\b|"
                        # the care or the carers judged poor: "the care the Council arranged was poor", "the
                        # service provided by the agency was inadequate", "the carer was not adequately trained"
                        r"\b(?:care|service|support) (?:(?!plan|package|assessment|charges?|fees?|costs?|bills?)[\w’'-]+ ){0,5}?(?:was|were|had been) (?:very |often |generally )?"
                        r"(?:poor|inadequate|unsafe|substandard|sub-standard|unsatisfactory|of (?:a )?poor (?:quality|standard))\b|"
                        r"\b(?:carers?|care workers?|care staff|staff) (?:[\w’'-]+ ){0,3}?(?:was|were|had) not (?:been )?(?:adequately |properly |suitably |sufficiently )?trained\b|"
                        # "failed to look after her late mother properly"
                        r"(?:fail\w* to|did not|didn't|not) (?:look after|care for) (?:[\w’'-]+ ){0,3}?(?:properly|adequately|safely|well)\b|"
                        # the care judged against its standard: "Some of the care Mr D received fell below the standard"
                        r"\bcare (?:(?!plan|package|assessment)[\w’'-]+ ){0,4}?(?:fell|was|were) (?:well |far |significantly )?(?:below|short of)\b|"
                        # checks and basic care not done: "did not carry out the hourly checks", "did not weigh Mr H"
                        r"(?:did not|didn't|failed to|not) (?:carry out|do|make|complete) (?:the |its |any )?(?:[\w-]+ )?(?:checks|observations|repositioning)\b|"
                        r"(?:did not|didn't|failed to|not) (?:weigh|reposition|turn) (?:her|him|them|(?:mrs?|ms|miss|dr) \w+)\b|"
                        # "recognition and escalation of Mr Q's deterioration", "did not triage the call correctly"
                        r"(?:recogni|escalat|respon|monitor|spot|act\w* on)\w* (?:[\w’'-]+ ){0,5}?deteriorat|\btriag|"
                        r"(?:calls|visits) (?:[\w’'-]+ ){0,6}?(?:never|not) (?:made|happened|took place|carried out|delivered)\b|"
                        # "fault in the care that was provided", "failings in the personal care she received"
                        r"(?:fault|failings?) in (?:the |its |her |his |their )?(?:personal |nursing |clinical |medical )?(?:care|treatment)\b(?! (?:plan|act|home|package|assessment|provider))|"
                        # "fault in the way County Care provided a home care service to her mother"
                        r"(?:fault|failings?) in (?:the way|how) (?:[\w’'-]+ ){1,5}?(?:provided|delivered|gave) (?:a |the |its |her |his )?(?:home |personal |nursing )?(?:care|treatment)\b"),
    # (not providing information or advice is communication, not a service)
    # (giving someone information or papers is no service: "failed to provide the stage two
    # officers with all the relevant files", "a copy of her assessment")
    "service_provision": _cue(r"(?:did not|failed to|not|failure to|failing to) (?:provide|deliver|put in place|collect)(?! (?:[\w’',]+ ){0,5}?(?:with )?(?:\w+ )?(?:information|advice|explanation))"
                              # (nor a plan: "failed to provide Mr X with a personalised housing plan")
                              r"(?! (?:(?:[\w’']+ ){1,3}?with )?(?:an? |the |any |her |his |their )?(?:[\w-]+ ){0,2}?plan\b)"
                              + _NOT_PAPERS +
                              r"(?! (?:the |her |his |their |any |adequate |proper )?(?:pressure|personal|nursing|medical|clinical|wound|continence|end of life) care\b)"
                              r"(?! (?:[\w’'-]+ ){0,2}?" + _CARE_OF_A_STANDARD + r")|"
                              r"(?:did not|failed to|not) secure (?:the |her |his |their |any )?(?:[\w-]+ )?(?:provision|teaching|education|support|therapy|tuition|help)\b|"
                              # what it had agreed to do, not done: "failed to take the action it agreed to take"
                              r"(?:did not|didn't|failed to|failing to|failure to|never) (?:[\w’'-]+ ){0,3}?(?:the |any )?(?:action|actions|work|works|repairs?) (?:that )?(?:it|they|the \w+) (?:had )?agreed\b|"
                              # "its failure to put support in place" (a plan or a contingency put in place is
                              # planning, a mat is care)
                              r"(?:did not|didn't|failed to|not|failure to|failing to) put (?:[\w’'-]+ ){0,3}?(?:support|help|services?|provision|transport|education|tuition|therapy) in place\b|"
                              r"(?:did not|failed to|not) arrange (?:the |her |his |their |any )?(?:[\w-]+ )?(?:provision|teaching|education|therapy|tuition)\b|"
                              # left without an adviser; nothing offered (going without is the injustice)
                              r"without (?:a |an |any )?(?:personal adviser|social worker|care coordinator|key worker)\b|(?:offered|arranged|provided) nothing\b|"
                              # "fault by its assessment process and the support provided to a carer"
                              r"\bthe (?:support|help|services?) (?:it |they )?(?:provided|offered|gave|given) to\b|"
                              r"unable to provide|provision|(?:did not|didn't|failed to|not) allocate|no (?:personal adviser|social worker|care coordinator|key worker)\b|"
                              r"(?:received|had|got|provided|given) (?:no|none of the) (?:[\w-]+ ){0,2}?(?:education|care|support|services?|help|tuition|teaching|visits|breaks|therapy)\b|provided none\b|"
                              r"\bcollections? (?:[\w’'-]+ ){0,4}?missed|missed (?:[\w’'-]+ ){0,3}?collections?\b|"
                              # part of what was due: "then provided only four of the 24 nights in her plan"
                              r"\b(?:provided|delivered|arranged|gave|funded) only (?:[\w-]+ ){0,2}?(?:of|out of) (?:the |her |his |their )?\d+\b|"
                              # a family kept in bed and breakfast past the legal limit
                              r"bed and breakfast (?:[\w’',-]+ ){0,12}?(?:for (?:over |more than |almost |nearly )?" + DURATION + r"|longer than|beyond|limit)\b|"
                              r"(?:fewer|less) (?:[\w’'-]+ ){0,3}?(?:hours|visits|calls|sessions)(?= than\b)|"
                              # the care the person should have had and did not: not received, or visits cut short
                              r"(?:did not|didn't|not) (?:receive|get) (?:the |any |all |her |his |their )?(?:appropriate |agreed |planned |assessed |full |right )?"
                              r"(?:care|support|services?|education|respite|therapy|tuition|teaching|provision)\b|"
                              r"(?:visits|calls) (?:were|was) (?:often |frequently |regularly )?(?:short|cut short|less than)|less than the allocated|visits short|"
                              # needs the body had to meet and did not
                              r"(?:did not|failed to|not|unable to) (?:ensure (?:[\w’'-]+ ){0,4}?)?meet (?:[\w’'-]+ ){0,4}?needs|needs (?:were|was) not (?:being )?met|"
                              r"(?:did not|failed to|not) ensure (?:[\w’'-]+ ){0,5}?needs (?:were|was) met"),
}

# Each family is tested on a text at once, its anchors found in one pass (extract/cues.py).
CATEGORY_CUE_SET = CueSet(CATEGORY_CUES)
STRONG_CATEGORY_CUE_SET = CueSet(STRONG_CATEGORY_CUES)

# --- payments -------------------------------------------------------------------------
# A sum is an award when the words around it say something is paid to remedy the
# injustice; background sums (fees, rates, invoices, claims) are not.
AWARD_VERB = _rx(r"\b(?:pay|pays|paying|paid|payment|settle|refund\w*|reimburs\w*|waiv\w*|offer\w*|award\w*|remedy|compensat\w*|financial remedy|credit\w*|write off|writes? off|repay\w*|backdat\w*|cover (?:the )?cost|an apology(?:,| and))")
NOT_AWARD = _rx(
    r"\b(?:per|a|each|every) (?:week|hour|month|night|day|year|annum)\b|weekly|hourly|\bp/?w\b|"
    r"\b(?:wants?|wanted|would like|seeks?|sought|asked (?:for|the)|requested|claim(?:s|ed|ing)?|is looking for|asks?)\b|"
    r"\binvoice|\bdebt\b|arrears|\bowes?\b|\bowed\b|charged (?:her|him|them|mr|mrs|ms)|costs? (?:her|him|them) |would have cost|"
    r"\btook back|\brecover(?:ed|s|ing)?\b|claw(?:ed)? back|"
    r"\bbudget of|\bpersonal budget|\bsavings|\bthreshold|\bcapital|\bbenefit|\bsalary|\bincome of|\brent\b"
)
PREVIOUSLY_OFFERED = _rx(
    r"already (?:offered|paid|agreed|made|given|proposed)|previously (?:offered|paid|agreed|proposed)|"
    r"(?:has|had|it) (?:also )?(?:offered|paid|proposed)|offered (?:her|him|them|mrs? \w+|ms \w+|miss \w+) |"
    r"(?:along with|in addition to|on top of|plus|as well as) the £|(?:it|which) (?:has|had) already|"
    r"its (?:earlier|previous|original) offer|already taken|(?:apologised|apologized) and (?:paid|offered)|"
    r"the £[\d,]+ (?:it|the \w+) (?:has |had )?(?:already )?offered"
)
PURPOSE_CUES: dict[str, Cue] = {
    "distress": _cue(r"distress|frustrat|uncertain|anxiety|anxious|upset|worry|worried|risk of harm|stress|injustice|impact|emotional|suffering|strain|harm|goodwill|failings|recognition|acknowledg"),
    # (a sum for the complaint handling pays for the time and trouble of complaining)
    "time_and_trouble": _cue(r"time and trouble|inconvenience|time,? trouble|trouble|effort|chasing|pursuing|complaint[- ]handling|handling of (?:her |his |their |the )?complaint"),
    "loss_of_service": _cue(r"\b(?:he|she|they|him|her|them|family|child|son|daughter|[A-Z]\w*) (?:had |has )?(?:missed|went without|did not (?:get|receive)|lost)\b(?! (?:earnings|income|wages|money|out\b))|(?:provision|education|support|care|respite|school(?:ing)?)\b[^.]{0,25}\bmissed|lost (?:education|provision|care|respite|support|services?)|loss of (?:education|provision|care|respite|support|services?)|missed (?:education|provision|school)|potential lost|lost (?:the )?(?:chance|learning)|(?:education|provision|respite|support) (?:he|she|they) (?:missed|lost)|without (?:education|provision)|"
                           # "£2,400 to be used for R's educational benefit", "for the days she drove J to school herself"
                           r"\beducational benefit|\bfor (?:his|her|their|the child['’]s|[A-Z]\w*['’]s) (?:education|schooling)\b"),
    # a lost opportunity (to challenge, to plan) or amenity is none of the four, as the dev
    # gold reads it (a child's "potential lost opportunity" of education is lost service)
    "other": _cue(r"(?<!potential )lost opportunit|loss of (?:the )?opportunit|loss of amenity"),
    "financial_loss": _cue(r"refund|reimburs|backdat|\bcosts?\b|\bfees?\b|waiv|financial loss|quantifiable|loss of (?:income|earnings)|expenses|overpa|underpa|shortfall|deposit|\bowed\b|invoice|allowance|\bcharges?\b|top-?up|difference|arrears|cover (?:the )?(?:cost|price)|repay"),
}

# --- deadlines --------------------------------------------------------------------------
ACTION_CUES: dict[str, Cue] = {
    "apology": _cue(r"apolog"),
    "payment": _cue(r"\bpay\b|\bpays\b|payment|£\s?\d|refund|reimburs"),
    "review": _cue(r"\breview|reassess|re-assess|reconsider|re-consider|carry out (?:a|an) (?:new )?assessment|complete (?:a|an) (?:\w+ )?(?:review|assessment)"),
    "service_improvement": _cue(r"improve|training|procedure|policy|policies|remind|action plan|guidance (?:to|for) staff|share (?:the )?learning|learning|practice|process|systemic|ensure (?:that )?(?:this|it) does not happen"),
    "report_back": _cue(r"evidence|report back|send us|provide us|copy of|update us|tell us|inform us"),
}
PURPOSE_CUE_SET = CueSet(PURPOSE_CUES)
ACTION_CUE_SET = CueSet(ACTION_CUES)

# --- remedies (pipeline/extract/remedies.py) ---------------------------------------------
# An action that changes how a body works for everyone, not only for the complainant:
# "remind staff", "review its procedure", "produce an action plan", "audit the records of
# all its clients", "check whether other children ...".
SYSTEMIC = _cue(
    r"\bremind\w*|\btrain\w*|\baction plan|\bprocedures?\b|\bpolic(?:y|ies)\b|\bprocess(?:es)?\b|\bpractice\b|"
    r"\bguidance\b|\bshare (?:the )?learning|\bprovision\b|\baudit\w*|\bstaff\b|\bteams?\b|\bsystemic|\bcontract monitoring|"
    r"\bmonitors? (?:its )?providers|\bhow (?:it|they)\b|\bother (?:people|children|residents|patients|families|service users|clients|cases)\b|"
    r"\ball (?:its|their) (?:clients|residents|patients|service users|cases)\b|\bany(?:one)? else\b|"
    r"^\W*(?:make sure|ensure)\b"
)
# What a service improvement changes, for the `theme` of a systemic remedy. Tested in
# this order, the first that matches wins: the specific areas of work first, then the
# kind of change (training, a procedure), then communication.
THEMES = ("commissioning", "assessment", "complaint_handling", "record_keeping", "staff_training",
          "policy_review", "communication", "other")
THEME_CUES: dict[str, Cue] = {
    "commissioning": _cue(r"commission|contract|\bproviders?\b|placements?|sourc\w+ (?:care|placements?)|care homes?\b(?! fees)"),
    "assessment": _cue(r"assess|eligib|\bchc\b|continuing (?:health)?care decisions|review\w* (?:of )?(?:people['’]s |their )?needs"),
    "complaint_handling": _cue(r"complain"),
    "record_keeping": _cue(r"\brecords?\b|record[- ]keeping|case notes|document\w*"),
    "staff_training": _cue(r"\bremind\w*|\btrain\w*|brief\w* (?:its |their )?staff|share (?:the )?learning"),
    "policy_review": _cue(r"polic(?:y|ies)|procedures?|process(?:es)?\b|action plan|guidance|practice"),
    "communication": _cue(r"communicat|\btell\b|\btold\b|\binform\w*|letters?\b|explain"),
}
