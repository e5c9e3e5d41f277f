"""Word lists the extractor relies on: general English news vocabulary, nothing more.

Lemmas are lower case. Ontology classes and properties are named by local name and
turned into IRIs by the caller.
"""

from __future__ import annotations

# titles stripped from the front of a person's name and kept as kg:title
TITLES = frozenset(
    """mr mrs ms miss dr prof president vice-president gen general lt col colonel maj major
    capt captain sgt sergeant adm admiral brig brigadier cmdr commander sen senator rep
    gov governor minister premier chancellor king queen prince princess sheikh shaikh
    ayatollah imam pope cardinal bishop rabbi judge justice ambassador secretary mayor
    chairman chairwoman speaker lord lady sir dame emir sultan marshal field-marshal
    pm""".split()
)
# titles written abbreviated with a full stop ("Brig. Gen."): no sentence ends after one
# when a name follows
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl pvt pte adm brig cmdr cdr sen rep gov
    rev hon fr insp supt det amb pres""".split()
)
# words of an office after "of" in a title: "Secretary of State", "Minister of Foreign Affairs"
OFFICE_WORDS = frozenset(
    """state defense defence foreign affairs interior home homeland security staff treasury
    health justice finance economy trade commerce industry energy oil information
    intelligence education transport agriculture war labour labor culture tourism
    communications environment housing planning development public works the""".split()
)
# capitalised words that belong to the title after them: "Prime Minister", "Deputy Governor"
TITLE_MODIFIERS = frozenset(
    """prime deputy vice acting supreme senior assistant executive former interim caretaker
    chief principal permanent under lieutenant""".split()
)
# lower-case particles a name may begin with: "al Shabaab", "ad-Din", "bin Laden"
NAME_PARTICLES = frozenset("al el ad ed an ar as ash at az ul bin ibn bint".split())
# prefixes of ships' names ("USS Carney", "MV Tutor") and the nouns that say a name is a
# ship's ("the cargo ship Galaxy Leader"): a ship is a place, never a person
VESSEL_PREFIXES = frozenset("USS HMS HMCS HMAS HMNZS INS RFS MV M/V MT".split())
VESSEL_NOUNS = frozenset(
    """ship ships vessel vessels tanker tankers freighter carrier destroyer frigate warship
    warships cruiser corvette submarine boat boats ferry yacht trawler dhow bulker
    containership""".split()
)
# facilities named like people ("the Novak refinery"): places, never persons
FACILITY_NOUNS = frozenset(
    """refinery refineries plant facility facilities garrison outpost terminal depot dam
    bridge hospital prison jail consulate embassy palace tower stadium mosque church shrine
    oilfield gasfield field mine complex headquarters barracks""".split()
)

# nouns that say what kind of thing a neighbouring name is ("the town of X", "X news agency")
TYPE_NOUNS = {
    "Place": {
        "town",
        "city",
        "village",
        "capital",
        "province",
        "region",
        "district",
        "crossing",
        "border",
        "area",
        "neighbourhood",
        "neighborhood",
        "port",
        "governorate",
        "county",
        "state",
        "suburb",
        "camp",
        "valley",
        "river",
        "island",
        "mountain",
        "desert",
        "oblast",
        "municipality",
        "airport",
        "base",
        "airbase",
        "street",
        "square",
        "territory",
    },
    "NewsOrganization": {
        "newspaper",
        "broadcaster",
        "channel",
        "television",
        "tv",
        "outlet",
        "daily",
        "magazine",
        "news",
        "radio",
        "website",
    },
    "ArmedGroup": {
        "militia",
        "militias",
        "faction",
        "brigade",
        "brigades",
        "rebels",
        "insurgents",
        "militants",
        "fighters",
        "jihadists",
        "paramilitary",
        "guerrillas",
        "battalion",
    },
    "GovernmentBody": {
        "ministry",
        "department",
        "government",
        "parliament",
        "cabinet",
        "senate",
        "congress",
        "court",
        "police",
        "embassy",
        "administration",
        "presidency",
    },
    "Military": {"army", "military", "navy", "forces", "force", "troops", "guard", "corps"},
    "Organization": {
        "group",
        "organisation",
        "organization",
        "company",
        "firm",
        "agency",
        "charity",
        "observatory",
        "party",
        "alliance",
        "coalition",
        "union",
        "movement",
        "committee",
        "council",
        "university",
        "bank",
        "network",
        "monitor",
    },
}

# armed-group cue words that turn a plain "group"/"alliance" into an armed one
ARMED_MODIFIERS = frozenset(
    "armed militant jihadist rebel insurgent militia paramilitary terrorist extremist islamist".split()
)

# groups that are not a state's own: a nationality before them ("the Palestinian militant
# group", "Syrian rebels") says where they are from, not that the state commands them
NON_STATE_GROUP_NOUNS = frozenset(
    """group groups movement organisation organization party militia militias faction factions
    militants rebels insurgents guerrillas jihadists""".split()
)

# words inside a name that mark it as an organisation, whatever the model said
ORG_NAME_WORDS = {
    "ArmedGroup": {
        "brigade",
        "brigades",
        "militia",
        "mobilisation",
        "mobilization",
        "front",
        "battalion",
        "battalions",
        "martyrs",
        "army",
    },
    "GovernmentBody": {"ministry", "department", "parliament", "council", "commission", "office"},
    "NewsOrganization": {
        "news",
        "times",
        "post",
        "tribune",
        "herald",
        "gazette",
        "agency",
        "television",
        "tv",
        "radio",
        "press",
    },
    "Organization": {
        "observatory",
        "organisation",
        "organization",
        "group",
        "party",
        "union",
        "committee",
        "foundation",
        "institute",
        "university",
        "corporation",
        "company",
        "forces",
        "movement",
        "association",
        "coalition",
        "alliance",
        "inc",
        "ltd",
        "corp",
        "bank",
        "fund",
    },
}

# generic government bodies: "Iraq's military", "the Foreign Ministry" (of a state in context)
GENERIC_BODIES = {
    "military": "Military",
    "army": "Military",
    "armed forces": "Military",
    "navy": "Military",
    "air force": "Military",
    "defence ministry": "GovernmentBody",
    "defense ministry": "GovernmentBody",
    "ministry of defence": "GovernmentBody",
    "ministry of defense": "GovernmentBody",
    "foreign ministry": "GovernmentBody",
    "ministry of foreign affairs": "GovernmentBody",
    "interior ministry": "GovernmentBody",
    "ministry of interior": "GovernmentBody",
    "government": "GovernmentBody",
    "parliament": "GovernmentBody",
    "police": "GovernmentBody",
    "security forces": "Military",
    "health ministry": "GovernmentBody",
    "ministry of health": "GovernmentBody",
    "presidency": "GovernmentBody",
    "cabinet": "GovernmentBody",
}

# role nouns linking a person to the organisation they act for
ROLE_NOUNS = {
    "spokesman": "spokespersonFor",
    "spokeswoman": "spokespersonFor",
    "spokesperson": "spokespersonFor",
    "leader": "leaderOf",
    "head": "leaderOf",
    "chief": "leaderOf",
    "commander": "leaderOf",
    "founder": "leaderOf",
    "chairman": "leaderOf",
    "chairwoman": "leaderOf",
    "chair": "leaderOf",
    "president": "leaderOf",
    "governor": "leaderOf",
    "mayor": "leaderOf",
    "director": "leaderOf",
    "secretary-general": "leaderOf",
    "emir": "leaderOf",
    "boss": "leaderOf",
    "ceo": "leaderOf",
    "member": "memberOf",
    "fighter": "memberOf",
    "militant": "memberOf",
    "operative": "memberOf",
    "official": "memberOf",
    "minister": "worksFor",
    "envoy": "worksFor",
    "ambassador": "worksFor",
    "officer": "worksFor",
    "employee": "worksFor",
    "adviser": "worksFor",
    "advisor": "worksFor",
    "correspondent": "worksFor",
    "reporter": "worksFor",
    "editor": "worksFor",
    "analyst": "worksFor",
    "executive": "worksFor",
    "aide": "worksFor",
    "general": "worksFor",
    "negotiator": "worksFor",
    "diplomat": "worksFor",
    "lawyer": "worksFor",
    "economist": "worksFor",
    "researcher": "worksFor",
    "professor": "worksFor",
    "secretary": "worksFor",
    "manager": "worksFor",
    "vice-president": "worksFor",
    "staffer": "worksFor",
    "representative": "worksFor",
    "producer": "worksFor",
}

# event triggers: lemma -> event class local name
EVENT_TRIGGERS = {
    "attack": "Attack",
    "strike": "Attack",
    "airstrike": "AirStrike",
    "air-strike": "AirStrike",
    "bomb": "Attack",
    "bombing": "Attack",
    "bombard": "Attack",
    "bombardment": "Attack",
    "shell": "Attack",
    "shelling": "Attack",
    "raid": "Attack",
    "assault": "Attack",
    "target": "Attack",
    "ambush": "Attack",
    "invade": "Attack",
    "invasion": "Attack",
    "offensive": "Attack",
    "storm": "Attack",
    "shoot": "Attack",
    "shooting": "Attack",
    "fire": "Attack",
    "launch": "Attack",  # only with a weapon launched (LAUNCHED_WEAPONS)
    "hit": "Attack",
    "explosion": "Attack",
    "explode": "Attack",
    "blast": "Attack",
    "detonate": "Attack",
    "detonation": "Attack",
    "gunfire": "Attack",
    "gunfight": "Attack",
    "firefight": "Attack",
    "shootout": "Attack",
    "stab": "Attack",
    "stabbing": "Attack",
    "battle": "Attack",
    "fighting": "Attack",
    "kill": "Killing",
    "killing": "Killing",
    "assassinate": "Killing",
    "assassination": "Killing",
    "murder": "Killing",
    "execute": "Killing",
    "slay": "Killing",
    "slaying": "Killing",
    "slaughter": "Killing",
    "massacre": "Killing",
    "behead": "Killing",
    "die": "Killing",
    "death": "Killing",
    "dead": "Killing",
    "perish": "Killing",
    "fatality": "Killing",
    "suicide": "Killing",
    "injure": "Injury",
    "wound": "Injury",
    "hurt": "Injury",
    "injury": "Injury",
    "maim": "Injury",
    "maiming": "Injury",
    "mutilate": "Injury",
    "designate": "Designation",
    "blacklist": "Designation",
    "proscribe": "Designation",
    "proscription": "Designation",
    "designation": "Designation",
    "listing": "Designation",
    "sanction": "Designation",
    "list": "Designation",  # only with a kind or a list named: see DESIGNATION_CONTEXT_VERBS
    "relist": "Designation",
    "delist": "Designation",
    "brand": "Designation",
    "condemn": "Condemnation",
    "denounce": "Condemnation",
    "decry": "Condemnation",
    "deplore": "Condemnation",
    "threaten": "Threat",
    "threat": "Threat",
    "vow": "Threat",
    "warn": "Threat",
    "say": "Statement",
    "tell": "Statement",
    "tweet": "Statement",
    "announce": "Statement",
    "state": "Statement",
    "report": "Statement",
    "add": "Statement",
    "claim": "Statement",
    "cite": "Statement",
    "read": "Statement",  # only said of a statement: "the group's statement reads"
    # PLOVER's verbal and material acts kg models (kg.ttl maps each with skos:closeMatch)
    "accuse": "Accusation",
    "accusation": "Accusation",
    "blame": "Accusation",
    "deny": "Rejection",
    "denial": "Rejection",
    "reject": "Rejection",
    "rejection": "Rejection",
    "dispute": "Rejection",
    "refute": "Rejection",
    "agree": "Agreement",
    "accept": "Agreement",
    "arrest": "Arrest",
    "detain": "Arrest",
    "detention": "Arrest",
    "seize": "Arrest",
    "seizure": "Arrest",
    "kidnap": "Arrest",
    "abduct": "Arrest",
    "abduction": "Arrest",
    "protest": "Protest",
    "demonstrate": "Protest",
    "demonstration": "Protest",
    "aid": "Aid",
    "assist": "Aid",
    "assistance": "Aid",
    "mobilize": "Mobilization",
    "mobilise": "Mobilization",
    "mobilization": "Mobilization",
    "mobilisation": "Mobilization",
    "deploy": "Mobilization",
    "deployment": "Mobilization",
}
# phrasal verbs that are attacks only with their particle ("blew himself up", "bombs went off")
PHRASAL_TRIGGERS = {("blow", "up"): "Attack", ("go", "off"): "Attack"}
# adjectives that are events when said of someone ("were dead", "shot dead"); participles
# used so ("were injured") are read from their verb's lemma
PREDICATIVE_TRIGGERS = frozenset({"dead"})
# nouns that make a killing an attempt, which is an attack: "assassination attempt", "attempted murder"
ATTEMPT_WORDS = frozenset({"attempt", "attempted", "failed", "foiled", "thwarted"})
# the noun a killing word modifies when it is no killing itself ("death toll" counts deaths)
COUNT_NOUNS = frozenset({"toll"})
# verbs whose subject is the one harmed, not the one harming ("three people died")
PATIENT_SUBJECT_VERBS = frozenset({"die", "perish"})
# verbs whose object is the device used, not the target ("detonated a bomb", "fired rockets")
DEVICE_OBJECT_VERBS = frozenset({"detonate", "explode", "blow", "plant", "fire", "launch"})
# verbs aimed "at" someone or something: what they are fired at is the target, even a place
AIMED_VERBS = frozenset({"fire", "shoot", "aim", "target", "launch"})
# verbs whose subject, used without an object, is the device ("the bomb exploded")
EXPLODING_VERBS = frozenset({"detonate", "explode"})
# verbs whose subject undergoes the event their object names ("suffered injuries")
EXPERIENCER_VERBS = frozenset({"suffer", "sustain", "survive", "receive"})
# harm nouns told from the side that suffered them: a name modifying one ("US deaths",
# "Israeli casualties") is whose people were harmed, never who harmed them
SUFFERED_HARM_NOUNS = frozenset("death casualty injury fatality loss wound toll".split())
# verbs whose subject undergoes the event "under" them names ("the base came under fire")
UNDERGOING_VERBS = frozenset({"come"})
# what is launched in an attack: "launched missiles at two bases" (not "launched a campaign")
LAUNCHED_WEAPONS = frozenset(
    "missile missiles rocket rockets drone drones projectile projectiles torpedo torpedoes mortar mortars "
    "salvo salvos barrage barrages".split()
)
# verbs that say an event happened, where their subject (the event) happened
# ("the worst explosion was at the station", "shooting broke out in the old town")
OCCURRENCE_VERBS = frozenset("be occur happen take break begin start continue erupt resume".split())
# what goes off: the subject that makes "went off" or "exploded" an attack (a car bomb is
# "the car exploded"; "shares exploded" is no attack)
DEVICE_NOUNS = frozenset(
    "bomb bombs device devices explosive explosives ied ieds mine mines landmine landmines "
    "grenade grenades rocket rockets missile missiles shell shells mortar mortars charge charges "
    "vest vests car cars truck trucks van vans vehicle vehicles bus lorry motorcycle tanker".split()
)
# common nouns that describe people: event participants that are not names
# ("two police officers", "the bomber", "civilians"); role nouns and titles count too
PERSON_NOUNS = frozenset(
    """people person persons man men woman women child children boy boys girl girls baby
    babies kid kids teenager teenagers adult adults youth youths civilian civilians
    resident residents citizen citizens villager villagers local locals national nationals
    passenger passengers pedestrian pedestrians bystander bystanders passer-by passers-by
    shopper shoppers worshipper worshippers worshiper worshipers pilgrim pilgrims tourist
    tourists visitor visitors student students pupil pupils schoolboy schoolgirl teacher
    teachers worker workers employee employees staff doctor doctors nurse nurses patient
    patients driver drivers farmer farmers family families relative relatives victim victims
    survivor survivors casualty casualties soldier soldiers troops trooper troopers marine
    marines serviceman servicemen servicemember servicemembers personnel officer officers
    policeman policemen policewoman cop cops guard guards guardsman guardsmen agent agents
    commander commanders fighter fighters militant militants insurgent insurgents rebel
    rebels gunman gunmen attacker attackers assailant assailants bomber bombers terrorist
    terrorists jihadist jihadists extremist extremists militiaman militiamen sniper snipers
    killer killers murderer murderers suspect suspects perpetrator perpetrators protester
    protesters protestor protestors demonstrator demonstrators activist activists journalist
    journalists reporter reporters photographer photographers leader leaders official
    officials politician politicians lawmaker lawmakers member members prisoner prisoners
    detainee detainees hostage hostages refugee refugees migrant migrants crowd crowds mob
    individual individuals anyone everyone someone others dozens scores hundreds thousands
    """.split()
)
# pronouns that stand for people or groups in an event's roles (not linked to entities)
PERSON_PRONOUNS = frozenset(
    {
        "they",
        "them",
        "those",
        "who",
        "whom",
        "he",
        "him",
        "she",
        "her",
        "we",
        "us",
        "you",
        "i",
        "me",
        "all",
        "many",
        "some",
        "several",
        "others",
        "none",
        "one",
        "both",
        "themselves",
        "himself",
        "herself",
    }
)
# nouns that describe a place an event happened at ("on a busy street", "at the station")
PLACE_NOUNS = TYPE_NOUNS["Place"] | frozenset(
    """street streets road roads market marketplace station stations school schools hospital
    mosque church temple synagogue shrine checkpoint building buildings restaurant cafe hotel
    bakery shop shops mall centre center office offices compound headquarters house home
    homes village villages neighborhood site post posts barracks bridge highway place places
    location scene spot""".split()
)

# nouns or compounds that make an attack an air strike
AIR_MODIFIERS = frozenset("air drone missile warplane warplanes jet jets aerial".split())
# attack words that are only triggers as verbs ("fire" the noun, "hit" the noun are not)
VERB_ONLY_TRIGGERS = frozenset(
    "fire hit shoot storm target state add tell say cite report bomb read dispute accept agree deny protest".split()
)
# a "strike" by workers is no attack: "a general strike", "a 48-hour strike", "hunger strike"
LABOUR_STRIKE_MODIFIERS = frozenset(
    "general hunger labour labor worker workers union unions nationwide national indefinite "
    "hour day week month teachers doctors nurses rail transport".split()
)
# verbs whose attempt is an attack, not the deed itself: "tried to assassinate him"
ATTEMPT_VERBS = frozenset({"try", "attempt"})
# a subject that says nobody was: "nobody was hurt", "none of the crew were killed"
NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "noone", "neither"})
# verbs of keeping from an act: "refused to strike", "refrained from attacking", "avoided
# striking": the act was not done
HOLDING_BACK_VERBS = frozenset("refuse decline refrain abstain avoid".split())
# attack words that are only triggers as nouns ("a blast"; to "blast" a decision is to criticise it)
NOUN_ONLY_TRIGGERS = frozenset({"blast", "battle"})
# verbs whose object is the event really carried out ("carried out airstrikes")
LIGHT_VERBS = frozenset("carry launch conduct stage mount order perform undertake".split())
# verbs of saying: their subject speaks the quote
SPEECH_VERBS = frozenset("say tell tweet add warn state announce reiterate write insist claim report vow".split())
# words that put a role in the past ("former leader", "ex-leader", "then-commander")
FORMER_WORDS = frozenset("former ex then erstwhile onetime one-time".split())
# prepositions that bound when a relation held: "since 2019" (from), "until last year"
VALIDITY_PREPOSITIONS = {"since": "since", "until": "until", "till": "until"}
# verbs whose time dates an act done by saying it: "X has designated Y, informed the State
# Department on Wednesday", "the ministry said on Tuesday it had designated Y"
REPORTING_VERBS = SPEECH_VERBS | frozenset("inform confirm".split())
# a Statement event is an explicit statement: an announcing verb, or a verb of saying
# with a statement noun ("said in a statement"); plain "X said" is no event
ANNOUNCING_VERBS = frozenset("announce".split())
STATEMENT_NOUNS = frozenset("statement release communique communiqué announcement declaration".split())
# what a fact's status turns on (kg.extract.modality): a denial of what follows, a verb
# that presents what follows as uncertain, and hedging adverbs, modals and adjectives
# verbs whose "of"/"for" phrase holds what the subject charges someone with: "X accused Y
# of sending drones to attack Z", "X blamed Y for the attack"
ACCUSING_VERBS = frozenset("accuse blame".split())
# verbs that attribute a description to someone: "X was identified by police as Y's commander"
ATTRIBUTING_AS_VERBS = frozenset("identify describe".split())
DENIAL_VERBS = frozenset("deny reject dismiss refute disavow".split())
HEDGE_VERBS = frozenset("suggest appear seem believe suspect speculate allege think indicate".split())
# verbs of an act meant, not done: "he intends to designate X", "the group vowed to strike"
INTENT_VERBS = frozenset("intend plan aim seek want hope threaten vow pledge promise".split())
HEDGE_ADVERBS = frozenset(
    "reportedly allegedly apparently possibly probably likely purportedly presumably seemingly perhaps".split()
)
HEDGE_MODALS = frozenset("may might could".split())
# modals of what is yet to happen, or would under a condition: "Tehran warned it would hit
# Israel", "the group will retaliate" state no act done
FUTURE_MODALS = frozenset("will would shall 'll wo".split())
HEDGE_ADJECTIVES = frozenset("alleged suspected apparent possible probable likely potential purported".split())
# the words a learned relation must pass through to be stated (kg.learn.relations.supported):
# a killing needs a verb or noun of killing; a place relation a verb of being somewhere
# (or none: "X in Y"); working for someone a verb of working (or none: "X, spokesman for Y")
KILL_WORDS = frozenset(
    "kill assassinate murder execute shoot fire slay behead stab strangle poison "
    "killing assassination murder execution killer assassin murderer gunman slaying death".split()
)
LOCATIVE_VERBS = frozenset(
    "be live reside base headquarter locate station situate lie sit bear born raise grow settle spend".split()
)
# verbs whose subject leads their object: "Soleimani, who led the Quds Force", "X heads Y"
LEADING_VERBS = frozenset("lead head command chair".split())
WORK_VERBS = frozenset(
    "be work serve join lead head represent command chair direct employ hire appoint name teach".split()
)
# -- designations (kg.extract.designations) ----------------------------------------------
# designation words that designate only with a kind ("listed X as a terrorist group",
# "branded X a terrorist organisation") or a list named ("added X to the list of ...")
DESIGNATION_CONTEXT_VERBS = frozenset("list relist delist brand add remove".split())
# nouns naming the list itself: "added to the list", "removed from its blacklist"
LIST_NOUNS = frozenset("list blacklist register roster".split())
# what an actor is designated as, in the article's words -> the label kg records; longest
# match wins, anything else is kept in the article's words ("a terrorist organisation")
DESIGNATION_KINDS = {
    "foreign terrorist organization": "Foreign Terrorist Organization",
    "foreign terrorist organisation": "Foreign Terrorist Organization",
    "fto": "Foreign Terrorist Organization",
    "specially designated global terrorist": "Specially Designated Global Terrorist",
    "sdgt": "Specially Designated Global Terrorist",
    "global terrorist": "Specially Designated Global Terrorist",
    "proscribed organisation": "proscribed organisation",
    "proscribed organization": "proscribed organisation",
    "proscribed terrorist organisation": "proscribed organisation",
    "proscribed terrorist organization": "proscribed organisation",
    "proscribed group": "proscribed organisation",
    "sanctions": "sanctions",
    "sanction": "sanctions",
}
# the kind a word designates by itself: "Britain proscribed X", "the Treasury sanctioned X"
DESIGNATION_IMPLIED_KINDS = {
    "proscribe": "proscribed organisation",
    "proscription": "proscribed organisation",
    "sanction": "sanctions",
}
# head nouns of a kind phrase: "designated X a terrorist organisation" names a label, not an actor
DESIGNATION_KIND_HEADS = frozenset(
    "organisation organization group entity entities terrorist terrorists sponsor sponsors network".split()
)
# verbs that undo the designation they govern: "revoked the designation", "lifted sanctions"
REVOKING_VERBS = frozenset("revoke rescind lift remove drop cancel reverse withdraw overturn".split())
# verbs that put a designation they govern in force: "imposed sanctions on X"
DESIGNATING_LIGHT_VERBS = frozenset("impose issue announce slap level place".split())
# hyphenated prefixes of a designation verb: True undoes it ("de-listed"), False repeats it ("re-listed")
DESIGNATION_PREFIXES = {"de": True, "un": True, "re": False}
# verbs that take responsibility for an event, and the status they give its agent
# ("X claimed the bombing": claimed by X; "X denied responsibility for the attack": denied)
RESPONSIBILITY_VERBS = {"claim": "claimed", "admit": "claimed", "acknowledge": "claimed", "deny": "denied"}
# the noun "claimed responsibility for" goes through
RESPONSIBILITY_NOUNS = frozenset("responsibility credit".split())
# what an attack is, read from its own words; first match wins, else the trigger's class.
# An air strike is an attack from the air by aircraft or drones (ontologies/kg.ttl);
# missiles, rockets and shells are weapons of any attack.
ATTACK_TYPES = (
    (
        "AirStrike",
        frozenset(
            "air airstrike airstrikes aerial warplane warplanes jet jets aircraft drone drones uav uavs "
            "helicopter helicopters gunship gunships".split()
        ),
    ),
)
# weapons that say an unqualified strike was not from the air: "an artillery strike"
GROUND_STRIKE_MODIFIERS = frozenset(
    "artillery missile missiles rocket rockets mortar mortars ground cruise ballistic tank naval shell".split()
)
# modifiers that make a definite mention a different event from the one before it
# ("the previous attack", "another bombing"); evaluative ones ("the deadly attack") do not
DISTINCT_EVENT_MODIFIERS = frozenset("previous earlier last first second third other separate prior".split())
GENERIC_EVENT_MODIFIERS = frozenset(
    "recent latest deadly deadliest new fresh suspected alleged apparent same major large big heavy "
    "massive twin multiple several repeated further coordinated lethal fatal brutal".split()
)
# verbs that attach an owner to a target ("facilities used by X")
OWNER_VERBS = frozenset("use operate own hold occupy control run belong".split())
# "X-backed", "backed by X"
BACKING_WORDS = frozenset("backed sponsored supported funded armed aligned allied".split())
# "the X-linked group", "a group affiliated with X": an alliance, not a backer
LINK_WORDS = frozenset("linked affiliated connected tied".split())
# nouns of one group being part of or allied to another: "X's wing", "an affiliate of X",
# "Y ally X" (kg:alliedWith)
ALLIANCE_NOUNS = frozenset("affiliate wing branch offshoot franchise ally".split())
# role nouns for an office of state: a state modifying one names the employer, not the
# holder's nationality ("French President X" leads France; "Iranian general X" is Iranian)
STATE_OFFICES = frozenset(
    """president premier minister chancellor king queen emir sultan monarch ambassador envoy
    official spokesman spokeswoman spokesperson diplomat secretary governor mayor""".split()
)
# modifiers that make a leading role a subordinate one: "deputy commander", "vice-president"
DEPUTY_MODIFIERS = frozenset("deputy vice assistant under".split())
# nouns that name a place by its kind, after or before its name: "Idlib province", "the town of X"
PLACE_KIND_NOUNS = frozenset("town city village capital province region district governorate county state port".split())
# the kinds of administrative area whose noun is part of the area's name when it follows
# one ("Belgorod region", "Idlib province"): the region is not the city it is named after
REGION_NOUNS = frozenset("region province governorate district oblast county prefecture".split())
BASED_WORDS = frozenset({"based", "headquartered"})
# nouns whose parties are sides, not places of each other: "Israel's war with Hamas", "the
# Israel-Hamas war", "talks between X and Y" state no place relation between X and Y
SIDES_NOUNS = frozenset(
    """war wars conflict fight fighting battle battles clash clashes hostilities talks
    negotiations ceasefire truce deal agreement accord dispute tensions rivalry""".split()
)
# a national capital that does these stands for its state (metonymy: "Moscow accused
# Kyiv of ...", "Washington imposed sanctions", "Tehran denied it"): verbs whose subject
# says, decides or acts as a state does; verbs whose object is a state held to account;
# nouns a capital's possessive makes the state's ("Tehran's support", "Moscow's forces")
STATE_VOICE_VERBS = (
    REPORTING_VERBS
    | ACCUSING_VERBS
    | DENIAL_VERBS
    | INTENT_VERBS
    | frozenset(
        """condemn threaten demand urge call agree accept refuse welcome criticise criticize protest
        support back arm fund sanction designate impose recognise recognize expel summon negotiate
        sign decide approve retaliate respond invade annex deploy send launch strike attack target
        fire shell bomb""".split()
    )
)
STATE_HELD_VERBS = ACCUSING_VERBS | frozenset("condemn warn urge criticise criticize sanction support back".split())
STATE_ACT_NOUNS = frozenset(
    """support backing accusation accusations claim claims denial decision response retaliation
    demand demands invasion offensive war forces troops military army proxies proxy allies ally
    policy government regime leadership position stance ambassador envoy""".split()
)

PRONOUNS = {
    "it": "thing",
    "its": "thing",
    "itself": "thing",
    "he": "person",
    "him": "person",
    "his": "person",
    "himself": "person",
    "she": "person",
    "her": "person",
    "hers": "person",
    "herself": "person",
    "we": "speaker",
    "our": "speaker",
    "us": "speaker",
}
NOMINAL_ANAPHORS = {
    "group": "Organization",
    "militia": "ArmedGroup",
    "organisation": "Organization",
    "organization": "Organization",
    "movement": "Organization",
    "faction": "ArmedGroup",
    "country": "State",
    "nation": "State",
    "city": "Place",
    "town": "Place",
    "ministry": "GovernmentBody",
    "agency": "Organization",
    "alliance": "Organization",
}
