/**
 * The concepts the engine recognises, tied to the items of the instruments they come from, and
 * the patterns that recognise them (English and Spanish). Data, read by `engine.ts`.
 *
 * Instruments: Campbell's Danger Assessment (DA), HITS (Hurt, Insult, Threaten, Scream), WAST
 * (Woman Abuse Screening Tool), coercive-control scales (e.g. the Coercive Control Scale items on
 * money, isolation, monitoring, documents), the Columbia Suicide Severity Rating Scale screener
 * (C-SSRS: wish to be dead → active thoughts → method → intent → plan → preparatory behaviour),
 * and self-injury inventories (ISAS / DSHI: cutting, burning, scratching, hitting oneself…).
 * Severities follow docs/safety-labelling-policy.md.
 */
import type { Severity } from "./severity";
import {
  BODY, FAMILY, forms, INSULTS, KIDS, NECK, PARTNER_NOUNS, PARTNER_PRONOUNS, PETS, PROPERTY, verbs, WEAPONS,
} from "./lexicon";
import { compile, type Macros } from "./pattern";

export type Concept =
  | "physical_violence" | "strangulation" | "weapon" | "threat_to_kill" | "sexual_violence" | "threat_to_children_pets"
  | "stalking" | "monitoring" | "coercive_control" | "confinement" | "jealousy" | "fear_of_partner" | "not_safe"
  | "partner_suicide_threat" | "suicide" | "self_harm" | "verbal_abuse" | "property_violence" | "distress"
  | "past_abuse" | "review" | "practice_phrase";

/** One line per concept for the clinician (the instrument item behind it). */
export const CONCEPT_LABELS: Record<Concept, string> = {
  physical_violence: "Physical violence (HITS 'hurt', DA items 1–2, WAST)",
  strangulation: "Strangulation — a hand, arm or object at the neck (DA item 'choke')",
  weapon: "Weapon used, shown or threatened (DA items 'weapon', 'gun')",
  threat_to_kill: "Threat to kill or seriously harm (DA 'threatens to kill', HITS 'threaten')",
  sexual_violence: "Sexual violence or coercion (DA 'forced sex', WAST 'sexually abused')",
  threat_to_children_pets: "Threat or harm to the children or pets (DA 'threatens to harm children')",
  stalking: "Stalking or harassment after separation (DA 'follows or spies', 'left in the past year')",
  monitoring: "Phone, location or account monitoring (coercive-control scales: surveillance)",
  coercive_control: "Coercive control: money, isolation, documents, permission (DA 'controls daily activities')",
  confinement: "Prevented from leaving or locked in (coercive control: confinement)",
  jealousy: "Jealousy used to control (DA 'violently and constantly jealous')",
  fear_of_partner: "Fear of the partner (WAST 'frightened', DA 'capable of killing you')",
  not_safe: "Says they do not feel safe",
  partner_suicide_threat: "The partner's suicide threats, used as control (DA 'threatened or tried suicide')",
  suicide: "Suicidal thoughts of the writer (C-SSRS ladder)",
  self_harm: "Self-harm (ISAS / DSHI behaviours)",
  verbal_abuse: "Insults and humiliation (HITS 'insult')",
  property_violence: "Smashing or throwing things (DA 'destroys property')",
  distress: "Screaming, cursing or distress with no act named (HITS 'scream')",
  past_abuse: "History of abuse by a parent or an earlier partner",
  review: "An ambiguous word with no actor or victim: for review",
  practice_phrase: "A phrase from the practice's own list",
};

export type Language = "en" | "es";
export const LANGUAGES: readonly Language[] = ["en", "es"];

export interface RuleSpec {
  concept: Concept;
  severity: Severity;
  /** what the clinician reads next to the highlighted words */
  reason: string;
  lang: Language;
  pattern: string;
  /** look back for who did it: a thing ("the heat is killing me") drops it, a third party or family lowers it */
  subject?: boolean;
  /** the sentence (or the text after / before the match in it) that cancels the match */
  unless?: string;
  after?: string;
  before?: string;
  /** a sport, game, media, cooking or accident word nearby turns it into a low review (default: on for violent verbs) */
  domain?: boolean;
  /** required somewhere in the sentence before, this one or the one after */
  context?: string;
  /** "I'm not afraid of him": a plain, scoped negation cancels it (never for an act of violence) */
  negatable?: boolean;
  /** someone (the partner, a name) must be the one doing it, not a thing or nobody in particular */
  person?: boolean;
  /** a time or a means at hand lifts it to imminent */
  imminent?: boolean;
}

export interface Rule extends RuleSpec {
  id: string;
  re: RegExp;
  anchors: string[];
  unlessRe?: RegExp;
  afterRe?: RegExp;
  beforeRe?: RegExp;
  contextRe?: RegExp;
}

/* ─── Word lists ───────────────────────────────────────────────────────────────────────── */

const HIT = verbs(
  forms("hit"), forms("punch"), forms("slap", "slapt"), forms("smack"), forms("kick"), forms("beat", "beaten", "beat up", "beats up"),
  forms("shove"), forms("headbutt"), forms("elbow"), ["kneed", "kneeing"], forms("stomp"), forms("bite", "bit", "bitten"),
  forms("spit", "spat"), forms("whack"), forms("wallop"), forms("deck"), forms("jab"), forms("batter"), forms("pummel", "pummelled"),
  forms("thump"), forms("strike", "struck", "striking"), forms("stab"), forms("shoot", "shot"), forms("attack"), forms("assault"),
  forms("push"), forms("pin"), forms("clock"), forms("sucker punch"), forms("backhand"), forms("bash"), forms("batter"),
  forms("knee"), forms("smother"), forms("suffocate"), forms("body slam"), forms("smash"), forms("scratch"), forms("pinch"),
  forms("burn", "burnt"), forms("trip"), forms("whip"), forms("lash"), forms("belt"), forms("headbutt"), ["head butted", "head butt", "head butts", "headbutted"],
  forms("knock"), forms("rough up", "roughed up"), ["roughed", "roughs"], forms("strangle"), forms("scald"),
  ["punshed", "puched", "punchd", "slaped", "slappd", "kiked", "kickd", "hitt", "hited", "beated", "shoved", "shoveled"],
);
const SOFT = verbs(
  forms("grab"), forms("yank"), forms("pull"), forms("drag"), forms("throw", "threw", "thrown", "throwed"), forms("hold", "held"),
  forms("shake", "shook", "shaken"), forms("squeeze"), forms("twist"), forms("slam"), forms("knock"), forms("toss"), forms("fling", "flung"),
  forms("hurl"), forms("restrain"), forms("rough", "roughed"), forms("jerk"), forms("tackle"), forms("wrestle"),
);
const CHOKE = verbs(
  forms("choke"), forms("strangle"), forms("throttle"), forms("asphyxiate"), forms("garrote"),
  ["chocked", "choaked", "choaking", "chokd", "chockd", "chocking", "strangeled", "strangld", "strangulated", "choke out", "choked out", "chokes out", "choking out"],
);
const KILL = verbs(forms("kill"), forms("murder"), ["kil", "kiled", "kll"]);
const HARM = verbs(
  forms("hurt"), forms("harm"), forms("hit"), forms("beat", "beaten"), forms("kick"), forms("kill"), forms("drown"), forms("punch"),
  forms("slap"), forms("smack"), forms("spank"), forms("shake", "shook"), forms("throw", "threw", "thrown"), forms("choke"), forms("starve"),
  forms("abuse"), forms("torture"), forms("poison"), forms("strangle"), forms("stab"), forms("shoot", "shot"), forms("burn", "burnt"),
  forms("lock"), forms("get rid of", "got rid of"), forms("break", "broke", "broken"),
  forms("smash"), forms("squeeze"), forms("grab"), forms("drag"), forms("strike", "struck"), forms("molest"), forms("touch"),
);
const THREATEN = verbs(forms("threaten", "threatend", "threatned", "thretened", "threated"), ["threat", "threats"]);
const SAY = verbs(
  forms("say", "said"), forms("tell", "told"), forms("swear", "swore", "sworn"), forms("promise"), forms("warn"), forms("text"),
  forms("yell"), forms("scream"), forms("write", "wrote"), forms("shout"), forms("whisper"), forms("remind"), ["keeps saying", "kept saying"],
  THREATEN,
);
const MODAL = ["will", "would", "ll", "d", "going to", "is going to", "gonna", "wants to", "want to", "wanted to", "could", "might", "is gonna", "was going to", "tried to", "tries to", "trying to", "try to", "almost", "nearly"];
const FEAR = [
  "afraid", "scared", "terrified", "frightened", "fearful", "petrified", "intimidated", "terrorized", "terrorised", "scarred", "scaried",
  "afriad", "afrade", "scard", "skared", "feared", "fear", "fears", "fearing", "frighten", "frightens",
];
const PARTNER_ACTOR = [...PARTNER_PRONOUNS, ...PARTNER_NOUNS.map((n) => `my ${n}`), ...PARTNER_NOUNS.map((n) => `the ${n}`), "my ex", "the ex"];
const OBJ_PERSON = ["me", "us", "her", "him", "them"];
const PARTNER_OBJ = ["him", "her", "them", "partnername", ...PARTNER_NOUNS.map((n) => `my ${n}`)];

const MON_OBJ = [
  "phone", "phones", "texts", "text messages", "messages", "message", "email", "emails", "mail", "location", "whatsapp", "dms", "dm",
  "social media", "instagram", "facebook", "snapchat", "tiktok", "accounts", "account", "browser", "history", "search history", "calls",
  "call log", "call history", "car", "mileage", "odometer", "receipts", "bank statements", "statements", "spending", "purchases", "laptop",
  "computer", "ipad", "tablet", "camera", "cameras", "chats", "chat", "conversations", "snap map", "snapmap", "gps", "whereabouts",
  "every move", "movements", "passwords", "password", "icloud", "google", "photos", "contacts", "call logs", "inbox", "notifications",
  "screen time", "bank account", "bank", "banking", "credit card statement", "journal", "diary", "mail", "purse", "bag", "wallet", "logins",
];
const MON_VERB = verbs(
  forms("check"), forms("read"), ["goes through", "went through", "going through", "go through", "gone through"], forms("look through", "looked through", "looks through"),
  forms("scroll through"), forms("snoop"), forms("spy", "spied"), forms("monitor"), forms("track"), forms("watch"), forms("record"),
  forms("listen to", "listened to", "listens to"), forms("log into", "logged into", "logs into"), forms("hack"), forms("access"),
  forms("screenshot"), forms("follow"), forms("search"), forms("inspect"), forms("control"), forms("demand"), forms("take", "took", "taken"),
  forms("go into", "went into"), forms("dig through", "dug through"), forms("comb through"), forms("audit"), forms("review"), forms("scan"),
  forms("keep tabs on", "kept tabs on", "keeps tabs on"), forms("stalk"), forms("see"), forms("get into", "got into"), forms("break into", "broke into"),
  forms("change", "changed"), forms("lock me out of"),
);
const ACTIVITY = [
  "work", "get a job", "have a job", "keep my job", "take the job", "take a job", "go out", "go anywhere", "go to work", "go to school",
  "go to church", "go to the doctor", "go to my", "go see", "go to see", "go to class", "go to the gym", "go home", "go", "see", "visit", "talk to", "speak to",
  "call", "text", "have friends", "have money", "have my own", "have a phone", "have a car", "have a bank", "have access", "have a key",
  "use the car", "use my phone", "use the phone", "use the computer", "use money", "use my", "drive", "spend", "buy", "wear", "eat",
  "sleep", "study", "out of the house", "out of his sight", "out of her sight", "be alone", "make decisions", "choose", "decide", "touch the money",
  "contact", "have contact", "hang out", "attend", "take my meds", "take my medication", "shower", "lock the bathroom", "close the door", "have a",
  "open my own", "get my own", "get my", "keep my", "have any", "go back to", "finish school", "finish my degree", "learn to drive", "go to",
];
const TAKEN = [
  "money", "paycheck", "paychecks", "salary", "wages", "card", "cards", "credit card", "debit card", "bank card", "savings", "passport",
  "passports", "id", "license", "licence", "documents", "papers", "visa", "green card", "birth certificate", "social security card",
  "wallet", "purse", "medication", "meds", "pills", "inhaler", "paperwork", "immigration papers", "work permit", "checkbook", "tips", "earnings",
];
/** Time and intent words: they mean "now or soon" whatever else the sentence says. */
const IMMINENT_TIME = [
  "right now", "rn", "tonight", "this evening", "on his way", "on her way", "on their way", "on the way", "coming home", "coming back",
  "coming over", "coming here", "coming for me", "coming to get me", "coming after me", "be home soon", "be back soon", "be here soon",
  "be back", "back later", "later tonight", "any minute", "in an hour", "in a few minutes", "in one hour", "in minutes", "soon", "when he gets home",
  "when she gets home", "when they get home", "when he gets back", "when she gets back", "todays the day", "today is the day",
  "tonights the night", "tonight is the night", "this second", "at this moment", "as we speak", "as i type", "as i write", "mins away",
  "minutes away", "hour away", "hours away", "after work", "tomorrow", "this weekend", "please help", "help me", "someone help",
  "send help", "call the police", "call 911", "call the cops", "ahora mismo", "ahorita", "en este momento", "esta noche", "hoy en la noche",
  "viene en camino", "va en camino", "en camino", "viene para aca", "viene para la casa", "llega en", "va a llegar", "cuando llegue",
  "ayuda", "ayudenme", "llamen a la policia", "manana",
];
const IMMINENT_CUES = [
  "right now", "rn", "tonight", "this evening", "on his way", "on her way", "on their way", "on the way", "outside my", "outside the",
  "outside our", "outside", "at the door", "at my door", "in the driveway", "downstairs", "coming home", "coming back", "coming over",
  "coming here", "coming for me", "coming to get me", "coming after me", "be home soon", "be back soon", "be here soon", "any minute",
  "in an hour", "in a few minutes", "in one hour", "in minutes", "soon", "is here", "hes here", "shes here", "theyre here", "just got home",
  "just got back", "when he gets home", "when she gets home", "when they get home", "when he gets back", "when she gets back", "banging on",
  "pounding on", "breaking in", "breaking down", "kicking the door", "trying to get in", "trying to break in", "hiding", "im hiding",
  "locked myself", "barricaded", "please help", "help me", "someone help", "send help", "call the police", "call 911", "call the cops",
  "is drunk", "hes drunk", "shes drunk", "this second", "at this moment", "as we speak", "as i type", "as i write", "in the next room",
  "in the other room", "has the gun", "has a gun", "has the knife", "has a knife", "with a gun", "with a knife", "holding",
  "loading", "loaded", "in his hand", "in her hand", "is coming", "hes coming", "shes coming", "theyre coming", "will be home", "gets off work",
  "tomorrow", "this weekend", "in an hour", "waiting for me", "parked outside", "outside my window",
  // Spanish
  "ahora mismo", "ahorita", "en este momento", "esta noche", "hoy en la noche", "viene en camino", "va en camino", "en camino",
  "viene para aca", "viene para la casa", "esta afuera", "afuera", "esta aqui", "esta en la puerta", "llega en", "va a llegar", "cuando llegue",
  "en la mano", "esta borracho", "esta borracha", "golpeando la puerta", "me escondi", "estoy escondida", "estoy escondido", "encerrada en el bano",
  "ayuda", "ayudenme", "llamen a la policia", "manana",
];
const PAST_TIME = ["yesterday", "last night", "last week", "last month", "last year", "ago", "used to", "back then", "in the past", "that night", "ayer", "anoche", "la semana pasada", "hace"];
const SUICIDE_MEANS = [
  "pills", "pill", "overdose", "tablets", "meds", "medication", "medications", "sleeping pills", "painkillers", "tylenol", "paracetamol",
  "advil", "ibuprofen", "insulin", "rope", "noose", "hang myself", "hanging myself", "bridge", "jump", "jumping", "off the roof", "gun",
  "pistol", "shoot myself", "razor", "razors", "blade", "blades", "wrists", "train", "tracks", "drown", "drive into", "drive off",
  "crash the car", "crash my car", "carbon monoxide", "exhaust", "stockpiled", "stockpiling", "saved up", "saving up", "hoarding", "collected",
  "bought a", "bought some", "suicide note", "goodbye note", "goodbye letter", "goodbye letters", "wrote a note", "wrote notes", "wrote letters",
  "written notes", "written letters", "my will", "a plan", "the plan", "my plan", "planned", "planning", "decided", "tonight", "tomorrow",
  "this weekend", "next week", "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday", "friday",
  "saturday", "sunday", "when hes at work", "when shes at work", "when everyone is asleep", "after the kids", "how i would do it", "how to do it",
  "how id do it", "how many pills", "the date", "a date", "set a date", "ready", "belt", "cord", "cliff", "building", "balcony", "bottle",
  "pastillas", "cuerda", "soga", "puente", "esta noche", "manana", "el viernes", "el sabado", "carta de despedida", "cartas de despedida",
  "listo", "planeado", "pistola", "arma", "navaja", "tirarme", "ahorcarme", "colgarme", "veneno",
];
const SEPARATION = [
  "since i left", "since we split", "since we broke up", "since we separated", "since the divorce", "since i moved out", "since he moved out",
  "since she moved out", "after i left", "after we split", "after we broke up", "after we separated", "after the divorce", "after i moved out",
  "we are separated", "were separated", "we separated", "we split", "we broke up", "broke up with", "left him", "left her", "divorced",
  "divorce", "restraining order", "protective order", "order of protection", "no contact order", "new place", "new apartment", "new address",
  "new number", "blocked him", "blocked her", "blocked them", "my ex", "ex husband", "ex wife", "ex boyfriend", "ex girlfriend", "exhusband", "exwife",
  "moved out", "broken up", "not together", "split up", "left me", "since i broke", "after i broke",
  "desde que lo deje", "desde que la deje", "desde que me fui", "nos separamos", "separados", "divorcio", "orden de alejamiento",
  "orden de restriccion", "mi ex", "me mude",
];

export const MACROS: Macros = {
  ACTOR: PARTNER_ACTOR,
  PARTNER_OBJ,
  OBJ: OBJ_PERSON,
  BODY,
  NECK,
  KIDS: [...KIDS, "ninos", "nino", "hijos", "hijo", "hija", "hijas", "nena", "nenes", "bebe"],
  PETS: [...PETS, "perro", "perra", "gato", "gata", "mascota", "perrito", "gatito", "perros", "gatos"],
  PROPERTY,
  WEAPON: WEAPONS,
  INSULT: INSULTS,
  HIT,
  SOFT,
  CHOKE,
  KILL,
  HARM,
  THREATEN,
  SAY,
  MODAL,
  FEAR,
  FAMILY,
  MON_OBJ,
  MON_VERB,
  ACTIVITY,
  TAKEN,
  IMMINENT: IMMINENT_CUES,
  IMMINENT_TIME,
  PAST_TIME,
  MEANS: SUICIDE_MEANS,
  SEPARATION,
};

/* ─── Rules ────────────────────────────────────────────────────────────────────────────── */

const POSSESSIVE = "(?:my|the|our|his|her|their|a|an|mi|el|la|los|las|mis|nuestro|nuestra|nuestros|su|sus)";
const EMOTIONAL = "\\b(?:feelings|emotionally|words|said|saying|say|comment|comments|affair|cheat|cheated|cheating|lie|lied|lies|lying|betray|betrayed|betrayal|trust|forgot|forget|ignore|ignored|ignores|secret|secrets|deeply|so much|heart|sad|disappointed|let me down|criticism|criticized|tone|remark|joke|jokes|porn|texting|flirting|her ex|his ex|left me|leaving me|broke up|anniversary|birthday|cold shoulder|silent treatment|stonewall\\w*|dismissive|dismissed)\\b";

export const RULE_SPECS: RuleSpec[] = [
  /* ── physical violence (high) ── */
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "A violent act against the writer or someone in the home",
    pattern: "{!HIT} ~1{OBJ}",
    after: "^ (?:(?:me|us|him|her|them) )?(?:up on|up about|up for|up later|up tomorrow|up with a|with (?:a |the |some )?(?:question|questions|news|bill|idea|joke|truth|facts|surprise|compliment|kiss|hug|reality)|a (?:text|look|smile|glance|message|email|wink|line|high five|pass)|an (?:email|invite)|(?:at|in) ~2(?:chess|cards|scrabble|poker|the game|a game|tennis|golf|pool|darts|mario|kart|fortnite|racing|the race|running|arm wrestling|ping pong|trivia|everything)|to it|to the punch|to the bathroom|to the car|to the door|by (?:a |one |two |\\d+ )?(?:point|points|strokes|seconds|minutes|goals|shots)|out of (?:my|his|her) comfort|to (?:apply|try|go|do|be|get|take|make|finish|start|keep|join|call|see|ask|talk|sign|speak|stay|eat|rest|sleep|relax|open|change|grow|believe|dream|write|run|work|study|reach|finally|never)|into (?:applying|trying|going|doing|taking|making|therapy|counseling|counselling|it|this|that|the idea|a corner)|forward|further|harder|along)",
    unless: "\\b(?:pillow fight|tickle fight|play fight|playfight|playfully|playful|wrestling match|snowball fight|water gun|nerf|high five|fist bump|mosquito|mosquitoes|bug|bugs|wasp|spider|under the table|secret signal|into the pool|in the pool|into the water|into the lake|cuddle|cuddling|couch for|sofa for|tickl\\w*|oven|stove|kettle|pan|iron|rack|grill|ladder|tripped|slipped|fell|accidentally|by accident|on accident|laser tag|paintball|lol|haha|gently|softly|kisses|kissed|kiss)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "A violent act against the writer's body",
    pattern: "{!HIT} ~3my {BODY}" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "Physical force against the writer",
    pattern: "{!SOFT} ~1(?:me|us|her|him) ~2(?:against|into|onto|down|to the (?:floor|ground|wall|bed)|by (?:the|my|her|his) (?:hair|throat|neck|arm|arms|wrist|wrists|collar|shirt|shoulders|hoodie|face|jaw|ponytail|head)|so hard|really hard|hard|across|out of bed|on the (?:floor|ground|bed)|off (?:the|my)|until|up against|around|to the ground|to the floor|down the stairs|up the stairs|around the room|out of the car|in a headlock|headlock|and (?:hit|punched|slapped|kicked|choked|threw|pushed|shook|shoved))",
    after: "^ ~1(?:a party|a surprise|a bone|a curveball|a birthday|in a hug|to the (?:market|store|party|movies|mall|beach|gym|concert|game|farmers|doctor)|for a hug|for a kiss|close|tight|tighter|in his arms|in her arms|and kissed|and hugged)",
    unless: "\\b(?:hug|hugged|hugs|hugging|kiss|kissed|kissing|cuddle|cuddled|cuddling|dance|danced|dancing|tickle|tickled|carried me to bed|swept me|spun me)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "Physical force against the writer's body",
    pattern: "{!SOFT} ~1my (?:hair|arm|arms|wrist|wrists|neck|throat|face|jaw|shoulders|shoulder|ponytail|head|leg|legs|ankle|ankles)",
    unless: "\\b(?:hug|hugged|kiss|kissed|massage|massaged|stroke|stroked|brushed|braided|braid|gently|dance|danced|helped|help|comfort|held my hand|held my arm|holds my arm|holding my arm|took my arm|doctor|nurse|physio|caught me|catch me|steadied|steady|slipped|tripped|rocks|ice|so i wouldnt fall|so i didnt fall|pulled my hair (?:back|up)|held my hair (?:back|up)|hold my hair)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, domain: true,
    reason: "The writer was hit or hurt (passive)",
    pattern: "(?:i|im|ive|i was|i have|i had|and) (?:was |been |got |get |getting |keep getting |was being |have been |had been )~1(?:hit|punched|slapped|smacked|kicked|beaten|beat up|shoved|pushed|choked|strangled|bitten|spat on|stabbed|shot|attacked|assaulted|knocked down|knocked out|thrown|dragged|pinned|hurt|battered|roughed up|slammed|thrown around|knocked around|pushed around|smacked around|burned|burnt|tackled|headbutted|elbowed)",
    after: "^ ~1(?:by (?:a|an|the|some|his|her|my) ~1(?:ball|car|truck|bus|bike|wave|branch|door|puck|bat|racket|frisbee|cyclist|driver|shelf|cupboard|cabinet|kid|kids|player|opponent|dog|horse|wind|storm|virus|flu|cold|bug|allergies|traffic|reality|news)|with (?:the )?(?:flu|a cold|covid|a bug|a virus|allergies|a fine|a bill|a ticket|a parking|a charge|the bill|fees|taxes)|on the (?:way|road|freeway|highway)|in (?:traffic|the game|the match|practice|football|rugby|hockey|soccer|boxing|sparring|class|the ring))",
    unless: "\\b(?:car accident|fender bender|rear ended|rearended|game|match|practice|tackle football|dodgeball|dentist|surgery|vaccine|flu shot|booster|shots at the|sunburn|sunburned|sunburnt)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true,
    reason: "Physical violence named in other words",
    pattern: "@(got|gets|getting|get|became|becomes|become|turned|turns|went|goes) (?:really |very |so |super |a bit |kind of |kinda )?(?:physical|violent|rough|handsy)(?! (?:therapy|therapist|exam|activity|activities|training|with the dough|game|sport))" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true,
    reason: "Physical violence named in other words",
    pattern: "@(laid|lays|lay|laying|put|puts|putting|placed|raised|raises|raise) ~1(?:his |her |their |a )?(?:hands?|fists?|finger) (?:on|to|at|against|toward|towards|around) (?:me|my|us|the kids|our)" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true,
    reason: "Injuries from the partner",
    pattern: "@(bruise|bruises|bruised|bruising|black eye|split lip|busted lip|fat lip|concussion|welts|welt|broken rib|broken ribs|cracked rib|cracked ribs|marks on my|hand print|handprint|handprints|finger marks|fingermarks|scratches on my|bite marks|bloody nose|urgent care|hospital|emergency room|sling|cast)",
    context: "\\b(?:he|she|they|hes|shes|theyre|him|her|them|partnername|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|spouse)|it was (?:him|her|them)|because of (?:him|her|them)|from (?:him|her|them)|long sleeves|sleeves|makeup|make up|concealer|cover|covered|covering|hide|hid|hiding|sunglasses|i said i fell|said i fell|told (?:them|everyone|the doctor|the nurse|work) i|walked into|again|last night|the fight|our fight|argument|row)\\b",
    domain: true,
    unless: "\\b(?:fell (?:off|down|on|over|from|while|during|at|into)|a fall|tripped|slipped|bike|skiing|ski|game|match|practice|gym|workout|climbing|hiking|hike|soccer|football|rugby|hockey|basketball|volleyball|accident|accidentally|surgery|surgeon|appointment|checkup|check up|birth|baby was born|pregnant|pregnancy|ultrasound|shift|nurse|doctor|visiting|visit|visited|grandma|grandpa|my dad|my mom|mum|nan|covid|flu|broke my heart|broke my trust|broke my promise|broke my phone|broke my glasses|broke my nail|broke my toe on|cracked my phone|cracked my screen|banana|peach|apple|avocado|bruised ego|ego)\\b",
    },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true,
    reason: "Physical or domestic violence named",
    pattern: "@(domestic|physical|physically|dv) (?:violence|abuse|abused|abusive|violent|hurt|hurts|hurting|harmed|attacked|assaulted|abuses|abusing|aggressive|altercation|fight|incident)",
    unless: "\\b(?:training|documentary|article|podcast|awareness|shelter|volunteer|volunteering|course|workshop|film|movie|show|book|novel|class|lecture|conference|campaign|fundraiser|news|statistics|research|case|cases|clients|client|hotline worker|advocate|therapy|therapist|exam|examination|therapy|activity|physical therapy|physical exam)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "Physical violence named",
    pattern: "@(abused|abuses|abusing|abuse|beats|beating|beatings|hits|hitting) (?:me|us|the kids|our|my)",
    unless: "\\b(?:substance|alcohol|drug|drugs|power|trust|position|privileges|kindness|credit card|the system|my patience|my generosity)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "Violence with a vehicle or an object thrown at the writer",
    pattern: "@(run|ran|running|runs|drove|drive|drives|driving|threw|throws|throw|thrown|throwing|hurled|hurls|flung|chucked|chucks|launched|swung|swings|aimed) ~3(?:me over|me off the road|at me|at my (?:head|face|body)|toward me|towards me|into me|straight at me|at the kids|at us)",
    unless: "\\b(?:ball|frisbee|pillow|snowball|paper|compliment|compliments|idea|ideas|question|questions|kiss|kisses|smile|wink|glance|look|party|surprise|joke|jokes|flowers|confetti|rice|candy|treat|treats)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "The writer hit the partner (violence in the relationship)",
    pattern: "@(i) ~2(?:hit|punched|slapped|kicked|shoved|pushed|choked|beat|bit|smacked|attacked|struck|scratched|strangled|stabbed) ~1{PARTNER_OBJ}",
    after: "^ ~2(?:at|in) ~2(?:chess|cards|scrabble|poker|the game|a game|tennis|golf|pool|darts|mario|kart|fortnite|racing|the race|running|arm wrestling|ping pong|trivia|everything)|^ (?:up|with a pillow|with the pillow|back at the|in the game)",
    domain: true },
  { concept: "physical_violence", severity: "imminent", lang: "en", imminent: true,
    reason: "Violence happening now",
    pattern: "(?:is|s|are|re|keeps|keep|still) ~1@(hitting|punching|beating|choking|strangling|kicking|hurting|attacking|slapping|stabbing|shooting|dragging) ~1(?:me|us|her|him|the kids|my)",
    domain: true },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "Threat of violence against the writer",
    pattern: "{!THREATEN} ~1(?:to )?~1(?:hit|punch|slap|beat|kick|hurt|harm|break|smash|choke|strangle|stab|shoot|burn|drown|throw) ~2(?:me|us|my|the kids|our|her|him)" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true,
    reason: "Violence in the relationship",
    pattern: "@(afraid|scared|terrified|frightened|fear|worried|worry|scard|afriad) ~3(?:he|she|they|hell|shell|theyll|hed|shed|theyd|my \\w+|partnername) ~2(?:will |would |might |could |is going to |going to |gonna |ll |d |is gonna |may )?~1(?:hit|hurt|beat|kick|punch|slap|attack|choke|strangle|kill|stab|shoot|strike|harm|do something to|break my|come after|hurt the kids|take the kids|snap|lose it|explode)(?! (?:my|our) (?:feelings|trust))",
    negatable: true },


  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, domain: true,
    reason: "Physical violence, minimised ('only a slap')",
    pattern: "(?:only|just|one|a little|a tiny|little|the|a|another|that|couple of|few|a few) @(slap|slaps|shove|shoves|push|smack|smacks|punch|punches|kick|kicks|backhand|beating|beatings|hiding|whack|wallop|slapping|pushing|shoving|hitting|choking|strangling)(?! (?:on the wrist|line|lines|card|cards|bowl|of (?:flavor|flavour|color|colour|paint|lime|lemon|salt|spice|sugar|garlic|fun|energy)|list|drunk|ball|start|through|notification|notifications|back|in the right direction|forward|for|toward|towards|to (?:get|finish|try|apply|do|make)))",
    context: "\\b(?:he|she|they|him|her|them|partner|husband|wife|boyfriend|girlfriend|bf|gf|partnername|overreacted|overreact|my fault|deserved|bruise\\w*|face|cheek|again|hurt|sorry|apologi\\w*|fight|argument|row|angry|mad|drunk)\\b",
    unless: "\\b(?:took a beating|take a beating|taking a beating|takes a beating|taking punches|take punches|roll with the punches|rolling with the punches|smash hit|big hit|a hit|race|cycling|boxer|biography|fruit punch|punch bowl|punchline|punch line|punch card|punch list|slap on the wrist|slap bracelet|kick start|kickstart|kick off|kickoff|kick back|free kick|penalty kick|corner kick|kicks in|kicked in|caffeine|coffee|spice|spicy|sauce|flavor|flavour|dough|garlic|high five|push notification|push up|pushup|push ups|pushups|push through|push back|gym|workout|game|match|boxing|sparring|song|bass|drum|mosquito|mosquitoes|fly|bug)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "Physical violence named in other words",
    pattern: "(?:@(roughed|roughs|rough|roughing|knocked|knocks|knock|knocking|smacked|smacks|slapped|slaps|pushed|pushes|shoved|shoves|tossed|tosses|threw|throws|beat|beats|beating|kicked|kicks) (?:me|us|her|him) (?:up|around|about|down|over|out|unconscious|senseless|to the (?:floor|ground))|@(gave|gives|give|giving) me (?:a |an |another |two |some )?~1(?:slap|punch|kick|shove|smack|backhand|beating|black eye|bloody nose|fat lip|split lip|concussion|bruise|bruises|whack|wallop|thump|hiding|good hiding|shiner|broken (?:nose|rib|arm|wrist|jaw))|@(sat|sits|sitting|knelt|kneels|kneeling|stood|stands|standing|stepped|steps|stomped|stomps) on (?:me|my (?:chest|back|neck|stomach|hand|hands|arm|arms|legs|face|head))|@(hurt|hurts|hurting|injured|injures|harmed|harms) (?:me|us) (?:physically|badly|bad|again|so bad|really bad|on purpose|hard)|@(physically) (?:hurt|hurts|hurting|harmed|harms|attacked|assaulted|abused|abuses|abusive|violent|aggressive|restrained|forced|intimidat\\w*|threaten\\w*))",
    after: "^ (?:~1)(?:by|with) (?:kindness|love|surprise)",
    unless: "\\b(?:knocked me up|knocks me up|knocked me out of the park|knocked me off my feet|knocks me off my feet|knocked me over with|threw me off|throws me off|threw me out of the game|sat on me to|cat sat|dog sat|kid sat|toddler|baby|the cat|the dog|tickle|pillow|game|match|knocked me out with (?:her|his) (?:dress|outfit|look|speech|cooking))\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "The partner hits (no object named)",
    pattern: "@(hits|punches|slaps|kicks|beats|smacks|shoves|chokes|strangles)(?= (?:when|if|whenever|again|sometimes|a lot|all the time|every|only|but|and|because|cause|so|if|me|us|the kids)|$| ?\\n)",
    context: "\\b(?:he|she|they|hes|shes|theyre|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|spouse)|partnername|drunk|drinks|angry|mad)\\b",
    domain: true,
    unless: "\\b(?:it hits|that hits|this hits|song|album|show|movie|hits different|hit different|hits home|hit home|hits the spot|hit the spot|reality hits|it hit|that hit|this hit|wave|waves|the ball|traffic|storm|flu|covid|allergies|the news|nostalgia|hunger|tiredness|exhaustion|anxiety|depression|grief|sadness|panic|pms|jet lag|hangover|caffeine|sugar|wine|tequila|the kids|the toddler|the baby|our son|our daughter|the dog|the cat)\\b" },
  { concept: "physical_violence", severity: "high", lang: "en", imminent: true, domain: true, subject: true,
    reason: "The writer was hit or hurt (passive)",
    pattern: "@(got|get|getting|gets|been|being) (?:~1)(?:hit|punched|slapped|smacked|kicked|beaten|beat up|shoved|pushed|choked|strangled|bitten|spat on|attacked|assaulted|knocked down|knocked out|thrown|dragged|pinned|battered|roughed up|slammed|knocked around|pushed around|smacked around|burned|burnt|headbutted|elbowed|whipped|belted|hurt)",
    after: "^ (?:~1)(?:by (?:a|an|the|some|his|her|my) (?:~1)(?:ball|car|truck|bus|bike|wave|branch|door|puck|bat|racket|frisbee|cyclist|driver|shelf|cupboard|cabinet|kid|kids|player|opponent|dog|horse|wind|storm|virus|flu|cold|bug|allergies|traffic|reality|news)|with (?:the )?(?:flu|a cold|covid|a bug|a virus|allergies|a fine|a bill|a ticket|a parking|a charge|the bill|fees|taxes)|on the (?:way|road|freeway|highway)|in (?:traffic|the game|the match|practice|football|rugby|hockey|soccer|boxing|sparring|class|the ring)|hard by|with (?:a|the) (?:deadline|project|bill|tax|fee))",
    unless: "\\b(?:car accident|fender bender|rear ended|rearended|game|match|practice|tackle football|dodgeball|dentist|surgery|vaccine|flu shot|booster|sunburn|sunburned|sunburnt|feelings|feelings got hurt|got hurt at work|got hurt playing|got hurt at the gym|got hurt skiing|without getting hurt|without anyone getting hurt|nobody got hurt|no one got hurt|nobody gets hurt|no one gets hurt|steak|steaks|toast|dinner|cake|cookies|pizza|rice|sauce|nothing got|laser tag|paintball)\\b" },
  { concept: "threat_to_kill", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "A threat to kill",
    pattern: "{!KILL} ~1(?:me|you|us|ya|u|her|him|them|the kids|everyone|all of us|my (?:mum|mom|mother|dad|family|sister|brother|kids|children|son|daughter|dog|cat))(?! (?:with (?:kindness|love|laughter|jokes|puns)|softly|laughing|inside|a little|off (?:with|the)))",
    after: "^ (?:~2)(?:when|if|once) (?:~1)(?:he|she|they|hes|shes|theyre|partnername|my \\w+|i) (?:~1)(?:sees|see|finds out|find out|hears|hear|learns|realizes|notices|gets|checks|opens|looks|forget|forgot|am late|m late|miss|missed|break|broke|spill|spilled|eat|ate|lose|lost|tell|told|spend|spent|dont)|^ (?:~1)(?:for (?:a |the |some )?(?:coffee|pizza|burger|beer|nap|snack|drink|cookie|taco|tacos|donut|chocolate|bite|slice|sandwich|cigarette|glass)|in (?:mario|fortnite|the game|a game|chess|cards|scrabble|trivia|monopoly|uno|catan|smash|tekken|halo|overwatch|valorant|karaoke)|at (?:chess|cards|scrabble|trivia|monopoly|uno|catan|karaoke|bowling|darts|pool|golf|tennis|mario kart))",
    unless: "\\b(?:karaoke|video game|mario|fortnite|minecraft|chess|scrabble|monopoly|uno|catan|trivia|poker|board game|costume|halloween|the movie|the show|the book|the episode|the villain|the character|podcast|puns|cringe|embarrass\\w*|shoes|heels|my feet|these stairs|this heat|the heat|the traffic|the commute|the suspense|the wait|cute|adorable|spicy|deadline|deadlines|killing it|killed it|kill it|crushing it|youre killing me|you re killing me|ur killing me|killing me softly|dressed to kill|jokes|joke|puns|funny|laugh\\w*|hilarious|boss|manager|coach|teacher|my mom|my mum|my dad|my sister|my brother|my friend|coworker|colleague|throat|feet|allergies|migraine|hangover|cramps|workout|gym|hike)\\b",
    person: true },
  { concept: "threat_to_kill", severity: "high", lang: "en", imminent: true,
    reason: "A threat to kill, in other words",
    pattern: "(?:@(thought|thinks|think|thinking|talks|talked|talking|told|tells|telling|described|describes|describing|planned|plans|planning|joked|jokes|joking) (?:~2)(?:about )?(?:how|ways|where|what) (?:~3)(?:kill|murder|hurt|get rid of|dispose of|bury|hide) (?:me|my body|us|you|your body)|@(dig|digs|dug|digging) (?:~1)(?:a |my |your |the )?(?:hole|grave|ditch)|@(burn|burns|burned|burnt|burning) (?:~1)(?:the |our |my )?(?:house|place|apartment|flat|car) (?:down )?(?:~1)(?:with (?:me|us|you|the kids) (?:in it|inside)|while i|with me)|@(finish|finishes|finished|finishing) (?:the job|me off|you off|what (?:he|she|they|i) started|it for good|this for good|us off)|(?:leave|leaving|leaves|get out|go|out of) (?:~4)@(in) (?:a|the) (?:box|body bag|bodybag|coffin|casket|hearse)|@(never) (?:~1)(?:talk|speak|see daylight|see the kids|wake up|walk|breathe|leave this house) again|@(wont|will not|wouldnt|would not) (?:~1)(?:wake up|survive|live to|make it out|be alive|be breathing|be around|see tomorrow|see the morning)|@(disappear|disappeared|disappears|vanish|missing) (?:~3)(?:if|unless|like|for good|permanently|and nobody|and no one)|@(people|women|men|wives|husbands) (?:~1)(?:go missing|disappear|have accidents|get hurt|end up dead)|@(accidents) (?:happen|can happen|could happen)|@(slit|slits|slice|slices|cut|cuts|slash|slashes|snap|snaps|break|breaks|wring|wrings) (?:my|your|her|his) (?:throat|neck)|@(hunt|hunts|hunted|hunting|track|tracks) (?:me|you) down|@(find|finds|found) (?:me|you) (?:~4)(?:kill|hurt|make me pay|make you pay|wherever|no matter|anywhere|end me|end you)|@(poison|poisons|poisoned|poisoning) (?:me|my|you|us|the kids)|@(drive|drives|drove|driving|crash|crashes|crashed) (?:~2)(?:us|me|the car|the kids) (?:both )?(?:into|off) (?:~2)(?:a tree|a wall|the river|the lake|the cliff|the bridge|a truck|oncoming|traffic|the road)|@(get|gets|got) (?:what|whats) (?:is )?(?:coming to me|coming to you|coming|i deserve)|@(done for)|@(make|makes|made) (?:me|you|sure i|sure you) (?:~2)(?:pay|regret|suffer|sorry)|(?:you|i|me) (?:~2)@(dead) (?:if|when|by|before|tonight|next time)|@(end) (?:me|you|us|this) (?:for good|permanently|tonight|one day))",
    unless: "\\b(?:karaoke|video game|game|mario|fortnite|chess|scrabble|trivia|movie|show|episode|book|villain|character|podcast|documentary|dead to me|dead tired|deadline|deadlines|money|cash|dollars|bill|the bill|kids pay|dessert|cake|cookies|paint|garden|tulips|plants|bulbs|seeds|sandcastle|beach|time capsule)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Sexual acts while the writer was asleep or could not consent",
    pattern: "(?:@(did|does|doing|do|done|touched|touches|touching|had sex with|has sex with|having sex with|started|starts|undressed|undresses|groped|gropes|filmed|films|took pictures of|takes pictures of|did things|does things|did stuff|does stuff) (?:~4)(?:while|when|as|whilst) i (?:was|am|were|m) (?:~1)(?:asleep|sleeping|passed out|unconscious|drunk|blackout|out cold|drugged|high|sick|out of it|too drunk)|@(woke|wake|wakes|waking) (?:me )?up (?:~3)(?:having sex|touching me|inside me|on top of me|to him|to her|to them|with him|with her|with them|and he was|and she was|and they were|he was already|she was already|already doing|doing it|him doing|her doing|being touched|with his hand|with her hand|naked|my clothes|pants))",
    unless: "\\b(?:breakfast|coffee|snor\\w*|vacuum\\w*|alarm|kissed my forehead|tucked|blanket|cuddl\\w*|surprise|birthday|flowers|sweet|baby|the kids|the dog|the cat)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Went on after the writer said no",
    pattern: "(?:i|when i|after i|even though i|even when i|though i|although i|even after i|despite me|till i|until i) (?:~1)@(say|said|saying|told|tell|tells|kept saying|keep saying|begged|beg|cried|asked him to|asked her to|asked them to) (?:~1)(?:him |her |them )?(?:no|stop|not to|i dont want|i didnt want|i wasnt|i m not|im not in the mood|that i dont want)",
    context: "\\b(?:anyway|keeps going|kept going|keep going|didnt stop|doesnt stop|wouldnt stop|did not stop|ignored|ignores|takes it|took it|did it|does it|went ahead|goes ahead|forced|forces|pressured|pressures|pushing|pushed|gave in|give in|let it happen|let him|let her|let them|just lay|lay there|held me|holds me|pinned|sex|sexual|bed|touch\\w*|undress\\w*|clothes|body|intimate|intimacy|mood|didnt|doesnt|wouldnt)\\b",
    unless: "\\b(?:dishes|laundry|the car|the trip|vacation|holiday|dinner|the kids|the dog|the tv|money|the budget|the party|the wedding|my mom|his mom|her mom|the thermostat|volume|music|game|drinking|smoking|the bill)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Sexual coercion",
    pattern: "(?:@(pressured|pressures|pressuring|coerced|coerces|coercing|guilted|guilts|guilting|bullied|bullies|badgered|badgers|nagged|nags|talked|talks|manipulated|manipulates|pushed|pushes|forced|forces|tricked|tricks|shamed|shames) (?:me )?into (?:it|sex|a threesome|things|stuff|doing it|doing things|sleeping with|bed|having sex|giving|sending|taking)|@(takes|took|taking|take) it (?:anyway|even though|when i say no|when i said no)|@(wouldnt|wont|doesnt|didnt|never|will not|would not|does not) (?:~1)take no for an answer|(?:wasnt|not|im not|was not|i m not|never) in the @(mood)|@(gets|got|get|getting) me (?:drunk|high|wasted) (?:~2)(?:so|to|and then|then)|@(unless|if) i (?:dont |didnt |did not |do not )?(?:had|have|has|give|gave) (?:him |her |them )?(?:sex|it|what he wants|what she wants|what they want)|@(condom) (?:~6)(?:refus\\w*|took it off|takes it off|without telling|without asking|removed|lied|poked|wont|doesnt|won t)|@(refuses|refused|wont|won t) (?:~1)(?:to )?(?:wear|use) (?:a )?condom|@(filmed|films|recorded|records|videoed|photographed|filming|recording) (?:us|me) (?:~4)(?:without|while i|when i|naked|having sex|in bed|in the shower)|@(threatens|threatened|threatening|threaten) (?:~3)(?:send|share|post|show|leak|upload) (?:~2)(?:it|the video|videos|pictures|photos|nudes|the pictures|the photos|my pictures|my photos)|(?:im|i am|i m) (?:his|her|their) (?:wife|husband|girlfriend|boyfriend|partner) so i @(have to|must|owe him|owe her|should|need to)|@(duty|obligation) (?:as (?:a |his |her )?(?:wife|husband))|@(frigid) (?:~6)(?:leave|cheat|find someone))",
    context: "\\b(?:sex|sexual|bed|touch\\w*|body|intimate|intimacy|said no|say no|didnt want|dont want|do not want|mood|threesome|naked|nude|nudes|condom|sleep with|slept with|it happen|gave in|give in|feel sick|disgusting|dirty|violated|again|wife|husband|video|pictures|photos|go along|stuff)\\b",
    unless: "\\b(?:dishes|laundry|vacation|holiday|dinner|the kids|the dog|the tv|the budget|the party|the wedding|volume|music|game|gym|workout|karaoke|skydiving|sushi|mood for (?:pizza|sushi|a movie|takeout|chinese|thai|italian)|not in the mood (?:for|to) (?:cook|go|talk|argue|watch|eat|clean|the))\\b" },

  /* ── strangulation (high) ── */
  { concept: "strangulation", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "Strangulation or choking by the partner",
    pattern: "{!CHOKE} ~1(?:me|us|her|him|them|my|the kids|our)",
    after: "^ ~1(?:up|with (?:emotion|tears|laughter|pride)|on (?:a|the|my|his|her|some|food|water|coffee|tea|wine|smoke))" },
  { concept: "strangulation", severity: "high", lang: "en", imminent: true, domain: true,
    reason: "Strangulation or choking (the writer was choked)",
    pattern: "(?:i|im|ive|i was|i had|and) (?:was |been |got |get |getting |have been |had been |nearly |almost )~1@(choked|strangled|chocked|choaked|chokd|throttled|strangeled|smothered|suffocated|choked out)",
    after: "^ ~1(?:up|on|by (?:smoke|fumes|emotion|tears)|with (?:emotion|tears|laughter))" },
  { concept: "strangulation", severity: "high", lang: "en", imminent: true,
    reason: "Strangulation named",
    pattern: "@(chokehold|choke hold|strangulation|strangled|strangling|strangle|strangles|strangulated|throttled|throttling|headlock|sleeper hold|choked me|choking me|chokes me|choked her|choked him)",
    unless: "\\b(?:movie|film|show|series|episode|book|novel|podcast|documentary|character|villain|scene|game|wrestling|bjj|jiujitsu|jiu jitsu|judo|mma|ufc|martial|class|dojo|sparring|weeds|vines|ivy|the plants|garden)\\b" },
  { concept: "strangulation", severity: "high", lang: "en", imminent: true,
    reason: "A hand, arm or object at the neck or throat",
    pattern: "(?:{NECK} ~6(?:hand|hands|arm|arms|fingers|grip|squeez\\w*|grabb?\\w*|press\\w*|wrapped|pinned|held|holding|choke\\w*|tight\\w*|belt|rope|cord|strap|forearm|knee|elbow|foot|boot|marks|bruises|bruised|red marks)|(?:hand|hands|arm|arms|fingers|squeez\\w*|grabb?\\w*|press\\w*|wrapped|pinned|held|holding|gripped|gripping|grips|choke\\w*|put|puts|putting|closed|around|belt|rope|cord|strap|forearm|knee|elbow|foot|boot|marks|bruises|bruised|by) ~5(?:my|the|her|his|our) {!NECK})",
    unless: "\\b(?:hug|hugged|hugging|hugs|kiss|kissed|kisses|kissing|nuzzl\\w*|cuddl\\w*|massag\\w*|rub|rubbed|rubbing|necklace|scarf|tie|collar of|pillow|sore|stiff|crick|slept|sleeping|sleep|yoga|stretch|stretching|pain in the neck|neck and neck|breathing down|up to my neck|risk my neck|stick my neck|stuck my neck|sticking my neck|turtleneck|bottleneck|cough|coughing|strep|sore throat|throat infection|lozenge|tea|singing|voice|swallow\\w*|pill|vitamin|chiropractor|physio|doctor|dentist|tattoo|sunburn|mosquito|bite|rash|hickey|hickeys|love bite|clear my throat|cleared my throat|lump in my throat|frog in my throat|shoved down my throat|down my throat|jump down my throat|at each others throats|at each other s throats|go for the throat|cut throat|cutthroat|by the scruff|the dog|the cat|puppy|kitten|baby|wine|bottle|guitar|giraffe|shirt|sweater|hoodie|jacket|zip|zipper|button|buttons|cold|flu|allergies)\\b" },
  { concept: "strangulation", severity: "high", lang: "en", imminent: true,
    reason: "Could not breathe because of the partner",
    pattern: "(?:couldnt|could not|cant|can not|cannot|wasnt able to|unable to|barely) @(breathe|breath|breathing)",
    unless: "\\b(?:laugh\\w*|panic|anxiety|asthma|allergies|allergy|cold|flu|covid|stuffy|smoke|mask|run|running|workout|gym|hike|altitude|heat|humid|humidity|crying so hard|excited|excitement|nervous|sobbing|from crying|pollen|congested|nose|hills|stairs|swim|swimming|underwater|the movie|the show)\\b",
    before: "\\b(?:he|she|they|his|her|their|hands|arm|neck|throat|held|pinned|pressed|sat on|on top of|pillow|squeez\\w*|chok\\w*|partnername|my \\w+)\\b.*$" },

  /* ── weapons (high) ── */
  { concept: "weapon", severity: "high", lang: "en", imminent: true, domain: true,
    reason: "A weapon used, shown or threatened",
    pattern: "(?:(?:pulled|pull|pulls|pulling|pointed|points|point|pointing|aimed|aims|aim|aiming|held|holds|holding|waved|waves|waving|showed|shows|showing|brandished|brandishing|grabbed|grabs|got out|gets out|took out|takes out|came at me with|comes at me with|coming at me with|threatened me with|threatens me with|threatening me with|threatened|loaded|loads|loading|cocked|swung|swings|swinging|put|puts|pressed|presses|held up|keeps|kept|keeping|cleaning|cleans|cleaned|sleeps with|bought|buys|got|has|had|owns|owned|carries|carried|carrying|hid|hides|flashed|flashes|laid|left|placed|set|sets|touching|touched|fired|shot|stabbed|slashed|cut|threw|throws|chased me with|chases me with|went for|goes for|reached for|reaches for|with) ~3{!WEAPON}|{!WEAPON} ~3(?:at me|to my|against my|on me|at my|in my face|to her|to his|at her|at him|at the kids|on the table|on the nightstand|under the pillow|under his pillow|by the bed|in the bedroom|in his hand|in her hand|in the car|out|ready|loaded|cocked|pointed))",
    unless: "\\b(?:kitchen knife set|knife set|knife block|butter knife|cutting board|chopping|chop|slicing|slice|dicing|dice|carving the|carve the|turkey|onion|onions|vegetables|veggies|bread|cake|steak|meat|recipe|cooking|cook|cooked|dinner|fillet|whittl\\w*|whittle|sharpening stone|knife skills|chef|nerf|water gun|squirt gun|glue gun|toy gun|toy|nail gun|staple gun|heat gun|paintball|airsoft|laser tag|top gun|jump the gun|jumped the gun|gun it|gunned it|son of a gun|stick to my guns|stuck to my guns|guns blazing|under the knife|knife edge|knifes edge|cut like a knife|hot knife|fortnite|call of duty|shooter|video game|videogame|the game|movie|film|show|series|episode|book|novel|character|villain|scene|podcast|documentary|museum|range|hunting|hunt|deer|duck|skeet|clay|season|surgeon|surgery|dentist|doctor|bbq|barbecue|grill|lamb|fake|prop|props|replica|heist|spy|handler|audiobook|novel|thumb|nail|nails|shelf|shelves|curtain|picture frame|diy|toolbox|tools|workshop|garden|hedge|wrapping|haircut|crafts|craft)\\b" },
  { concept: "weapon", severity: "high", lang: "en", imminent: true,
    reason: "Threatened with a weapon",
    pattern: "@(shoot|shot|stab|stabbed|slash|slashed|cut|gut|blow) ~1(?:me|my head|my face|us|the kids|my brains)(?: out| off| open| up)?(?= |$)",
    subject: true, domain: true,
    after: "^ ~1(?:a |an )?(?:text|look|smile|glance|message|email|wink|line|dm|call|ring|note|photo|picture|pic|selfie|quick|down|off|out of|in line|some slack|a break)",
    unless: "\\b(?:photo|photos|photographer|photoshoot|camera|pictures|picture|vaccine|flu shot|shots|booster|basketball|hoop|hoops|three pointer|free throw|penalty|goal|golf|pool|darts|nerf|water gun|paintball|laser tag|game|haircut|hair|cut me off|cut me out|cut me some slack|traffic|in line|interrupt\\w*|off the|cake|bread)\\b" },

  /* ── threats to kill (high) ── */
  { concept: "threat_to_kill", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "A threat to kill",
    pattern: "(?:{SAY}|{MODAL}|going|gonna|will|would|wants|want|wanted|tries|tried|trying|threatening|threatened|threatens|about|ready|swearing|promising|if|could|can|should|ll|d|s) ~2(?:to )?{!KILL} ~1(?:me|you|us|her|him|them|the kids|ya|u|my|everyone)",
    after: "^ ~2(?:when|if) ~1(?:he|she|they|hes|shes|theyre|partnername|my \\w+) (?:sees|see|finds out|find out|hears|hear|learns|realizes|notices|gets|checks|opens|looks)|^ ~1(?:with (?:kindness|love|laughter|jokes|puns)|softly|laughing|for (?:a |the )?(?:coffee|pizza|burger|beer|nap|snack|drink|cookie|taco|tacos|donut)|in (?:mario|fortnite|the game|a game|chess|cards|scrabble|trivia|monopoly|uno|catan|smash|tekken|halo|overwatch|valorant))",
    unless: "\\b(?:joking|jokingly|kidding|lol|lmao|haha|hahaha|jk|karaoke|the game|video game|mario|fortnite|minecraft|chess|cards|scrabble|monopoly|uno|catan|trivia|poker|board game|costume|halloween|the movie|the show|the book|the episode|the villain|the character|podcast|laughing|laughed|laugh|funny|hilarious|puns|cringe|embarrass\\w*|shoes|heels|my feet|these stairs|this heat|the heat|the traffic|the commute|the suspense|the wait|cute|adorable|sweet|spicy|deadline|deadlines|boss|mom|mum|dad|sister|my brother|coach|teacher|manager)\\b" },
  { concept: "threat_to_kill", severity: "high", lang: "en", imminent: true,
    reason: "A threat to kill (in the partner's words)",
    pattern: "(?:@(ill|i will|im going to|im gonna|i am going to|i am gonna|i swear ill|i swear i will|ill fucking|i will fucking|ima|imma|i wanna|i want to|i could) ~1(?:kill|murder|end|strangle|choke|stab|shoot|bury|hurt|destroy|finish|gut|slit) (?:you|ya|u|your|her|him)|@(youre|you are|youll be|you will be|ur|you|u) ~1(?:dead|gonna die|going to die|will die|are going to die|wont live|wont survive|wont see|wont wake up|a dead (?:woman|man)|dead meat|next)|@(nobody|no one|noone) ~2(?:will|would|is going to|could|gonna) ~1(?:find|ever find) (?:your|my|the) (?:body|bodies)|@(if) (?:i|he|she) (?:cant|cannot|can not) have (?:you|me|her|him),? (?:nobody|no one|noone) (?:can|will|else))",
    unless: "\\b(?:joking|jokingly|kidding|lol|lmao|haha|jk|karaoke|game|mario|fortnite|chess|scrabble|trivia|movie|show|episode|book|villain|character|dead to me|you are dead to me|dead tired|deadline|deadlines)\\b" },
  { concept: "threat_to_kill", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "The writer may be killed",
    pattern: "(?:(?:wants|want|wanted|wish|wishes|wished) me @(dead)|(?:end|ended|ending|wind|wound|winding) @(up) ~1dead|(?:nearly|almost|could have|couldve|would have|wouldve|tried to|tries to|trying to|try to|attempted to) @(killed|kill|killing|murdered|murder|strangled|strangle|drowned|drown|suffocated|suffocate) (?:me|us|her|him|the kids)|@(threatened|threatens|threatening|threaten|threats|threat|threatned|threatend) ~2(?:to )?(?:kill|murder|end|shoot|stab|bury|end my life|take my life|death)|@(death) (?:threat|threats)|@(thought|think|believe|knew|know|sure|convinced) ~2(?:he|she|they|hes|shes|hed|shed|theyd|partnername|my \\w+) ~2(?:was going to|is going to|would|will|could|might|is capable of|was capable of|is gonna|was gonna|capable of) ~1(?:kill|killing|murder|murdering|end) (?:me|us)|@(capable) of (?:killing|murdering|hurting) (?:me|us))" },
  { concept: "threat_to_kill", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "A threat in the relationship",
    pattern: "(?:{!THREATEN}) ~1(?:me|us|my life|my safety)|@(threatening|threatened|threatning) ~1(?:texts|messages|voicemails|notes|letters|calls|emails|things|words)",
    after: "^ ~2(?:with (?:divorce|leaving|a lawyer|lawyers|court|custody court|a breakup|moving out|taking the car|cutting me off)|to (?:leave|divorce|move out|break up|end the relationship|end things|go back|stop|quit|cancel|take the car|sell|tell my mom|tell my parents|go to bed))" },

  /* ── sexual violence (high) ── */
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Rape or sexual assault",
    pattern: "@(rape|raped|rapes|raping|rapist|molest|molested|molests|molesting|molestation|sexually|sexual assault|sexual abuse|assaulted me sexually|nonconsensual|non consensual|marital rape|date rape|forced sex|forced intercourse|unwanted sex|unwanted touching|unwanted sexual)(?! (?:health|education|orientation|wellness|chemistry|compatibility|tension|frustration|desire|fantasies|fantasy|intimacy exercise|satisfaction))",
    unless: "\\b(?:movie|film|show|series|episode|book|novel|podcast|documentary|scene|character|villain|trial|news|article|statistics|awareness|training|course|research|rapeseed|frustrated|compatible|active|satisfied|attracted|attraction|health|chemistry|desire|orientation|identity|drive)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Forced or coerced sex",
    pattern: "@(forced|forces|forcing|force|made|makes|make|making|pressured|pressures|pressuring|pressure|pushed|pushes|coerced|coerces|coercing|guilted|guilts|guilting|bullied|bullies|manipulated|manipulates|tricked|forcibly|blackmailed|blackmails|insisted|insists) ~2(?:me )?~2(?:into )?~1(?:sex|sexual|intimate|intimacy|sleep with|have sex|do it|do things|doing things|do stuff|perform|oral|blow|give him|give her|touch him|touch her|watch porn|things i didnt want|things i did not want|into bed|relations|to bed|go down|sext|send nudes|nudes|naked|undress|strip|himself on me|herself on me|themselves on me)",
    unless: "\\b(?:dough|gym|workout|exercise|eat|vegetables|dinner|therapy|homework|apply|job|rest|nap|break|doctor)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Sex or touching without consent",
    pattern: "(?:@(didnt|wouldnt|doesnt|wont|did not|would not|does not|will not|never|refuses to|refused to|would never) ~1(?:stop|take no|listen|accept no|care|ask|wait) ~6(?:sex|sexual|touch\\w*|bed|undress\\w*|clothes|inside me|on top of me|intimate|body|kiss\\w*|grop\\w*|pants|underwear|no meant no|said no|i said no|told him no|told her no|told them no|i didnt want|i did not want|i was asleep|i was sleeping|crying)|@(said|says|told him|told her|told them|saying|kept saying|i said|begged|screamed|yelled|cried) ~2(?:no|stop|i didnt want to|i dont want to|i did not want to|please stop) ~4(?:but |and )?~2(?:he|she|they|partnername)? ?(?:didnt stop|did not stop|kept going|did it anyway|wouldnt stop|would not stop|continued|ignored me|held me down|pinned me|anyway|didnt listen|did not listen|kept touching|went ahead|forced|took what|had sex|finished))" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Sexual acts while the writer could not consent",
    pattern: "(?:while|when|as) i (?:was|am|were) ~1@(asleep|sleeping|passed out|unconscious|drunk|blackout|out cold|drugged|high|sick) ~8(?:touch\\w*|sex|sexual|undress\\w*|on top of me|inside me|did things|do things|doing things|grop\\w*|took my clothes|pants|woke up to|woke up with|video|photos|pictures|filmed)",
    unless: "\\b(?:snor\\w*|vacuum\\w*|cook\\w*|clean\\w*|dishes|laundry|breakfast|coffee|surprise party|blanket|tucked|kissed my forehead|drove|walk|walked the dog)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Touching without consent",
    pattern: "@(touches|touched|touching|gropes|groped|groping|grabs|grabbed|grabbing|feels me up|felt me up) ~1(?:me|my (?:body|breasts|breast|butt|ass|crotch|privates|chest|thighs|boobs|vagina|genitals)) ~3(?:without|when i say no|when i said no|even though|after i said|after i told|although i said|against my will|while i|when i|after i asked|despite|in front of)",
    unless: "\\b(?:dance|hug|hand|shoulder|lovingly|gently|sweetly|asked first|consent\\w* and)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "en", imminent: true,
    reason: "Sexual acts against the writer's will",
    pattern: "(?:sex|sexual|intimate|touch\\w*|sleep with|slept with) ~5@(without my consent|without consent|against my will|when i said no|after i said no|even though i said no|even after i said no|when i didnt want to|even though i didnt want to|although i didnt want|when i did not want|i didnt want to|i didnt consent|i did not consent|without asking|when i was asleep|while i was asleep|until i gave in|until i give in|so he wouldnt|so she wouldnt|or else|or he|or she|to avoid a fight|to keep him calm|to keep her calm|to keep the peace|because im scared|because i was scared|out of fear)" },

  /* ── threats to children or pets (high) ── */
  { concept: "threat_to_children_pets", severity: "high", lang: "en", imminent: true, subject: true, domain: true,
    reason: "Harm or a threat to the children or pets",
    pattern: "{!HARM} ~1(?:the |our |my |his |her |their |a |the poor |our poor )?~1(?:{KIDS}|{PETS})",
    after: "^ ~2(?:to (?:school|practice|the park|the doctor|the vet|the zoo|the movies|daycare|swimming|soccer|his mom|her mom|the beach|the pool|grandma|my mom|the dentist|bed|a walk|the groomer|the store|the game|camp|the library)|for (?:a walk|ice cream|a ride|the weekend|a run|pizza|a haircut|the day)|out for|on a walk|to see|swimming|trick or treating|camping|fishing|sledding|for walks|bath|a bath|pictures|photos|home from|with him to|with her to|outside to play)",
    unless: "\\b(?:tick|ticks|flea|fleas|toy|toys|ball|frisbee|treat|treats|cuddle|cuddles|hug|hugs|vet|vaccin\\w*|tired|wore out|wear out|burned out|energy|game|swing|park|walk|walked|walks|leash|groomer|nap|photos|pictures|touched my heart|kick the habit|kids movie|babysit\\w*|babysitter|nanny|sleepover|piggyback|tickle|bath|bedtime|bed time|school|homework|daycare|soccer|practice)\\b" },
  { concept: "threat_to_children_pets", severity: "high", lang: "en", imminent: true,
    reason: "A threat to take the children away",
    pattern: "(?:@(take|takes|taking|took|taken|steal|steals|keep|keeps|get|gets) ~1(?:the|my|our) ~1(?:kids|children|son|daughter|baby|boys|girls|kid|child) ~2(?:away|from me|and (?:leave|run|disappear|move|go)|out of the country|to (?:another|his|her) (?:country|home country)|where i|if i|so i|and i(?:ll)? never|and youll never|and you will never)|@(never) ~1see (?:the|my|our) (?:kids|children|son|daughter|baby|boys|girls) again|@(custody) ~4(?:if i|unless|so i|to punish|to hurt|and i(?:ll)? never)|@(threatens|threatened|threatening|threaten|threat|threats|threatned|threatend) ~3(?:the |our |my )?(?:kids|children|son|daughter|baby|dog|cat|pets|pet|puppy|custody))" },

  /* ── stalking (high) and monitoring (medium) ── */
  { concept: "monitoring", severity: "medium", lang: "en", subject: true,
    reason: "Monitoring of the writer's phone, messages, accounts or movements",
    pattern: "{!MON_VERB} ~2(?:my|me|all my|all of my|every one of my|our|mine|through my|on my|into my) ~2{MON_OBJ}",
    unless: "\\b(?:i check my (?:email|phone)|together|we both|we agreed|agreed|transparency|transparent|voluntarily|i offered|i showed|i share|i asked (?:him|her) to|open book|as part of|our agreement|homework|routine|the routine|therapist suggested|we decided|we chose|mutual|mutually|both of us|each other)\\b",
    domain: false },
  { concept: "monitoring", severity: "medium", lang: "en",
    reason: "Tracking device, spyware or enforced location sharing",
    pattern: "@(airtag|air tag|airtags|tracker|trackers|tracking device|tracking app|spyware|stalkerware|gps tracker|keylogger|hidden camera|hidden cameras|life360|mspy|flexispy|find my iphone|find my friends|find my phone|location sharing|share my location|shares my location|sharing my location|share location|shared location|nanny cam|nannycam|tracks my|tracking my|tracked my|monitors my|monitoring my|monitored my|spies on me|spying on me|spied on me|watches my every|knows where i am|know where i am|where i am at all times|where i am every)",
    unless: "\\b(?:together|we both|we agreed|agreed|transparency|transparent|voluntarily|i offered|our agreement|homework|routine|the routine|therapist suggested|we decided|mutual|mutually|both of us|each other|lost|keys|luggage|suitcase|package|delivery|the dog|the cat|fitness|steps|sleep tracker|period tracker|habit tracker|calorie|food tracker|budget tracker|mood tracker)\\b" },
  { concept: "monitoring", severity: "medium", lang: "en", subject: true,
    reason: "Demands access or proof of the writer's whereabouts",
    pattern: "(?:@(knows|has|have|demands|demanded|demanding|demand|wants|wanted|asked for|asks for|made me give|makes me give|make me give|took|takes|changed|changes|reset|resets) ~1(?:all )?(?:of )?my (?:passwords|password|pin|passcode|logins|login|codes)|@(makes|made|make|making|forces|forced|force|wants|wanted|expects|expected|demands|demanded|insists|insisted) ~1me (?:to )?(?:share|send|show|check in|call|text|facetime|video call|report|prove|keep) ~3(?:my location|location|pictures|photos|a photo|a picture|proof|screenshots|where i am|who im with|who i am with|every hour|every 30|every half hour|the whole time|my phone|receipts|my receipts|the receipts|every time|constantly|all the time|when i get|when i arrive|as soon as|the minute)|@(calls|texts|calling|texting|called|texted|messages|rings|ringing|blowing up|blows up) ~1(?:me|my phone) ~2(?:every|constantly|nonstop|non stop|all day|dozens|hundreds|\\d+ times|twenty times|fifty times|over and over|until i answer|when im out|when i am out|if i dont answer)|@(wants|needs|has|demands|demanded|needed|wanted|insists) to know ~1(?:where i am|who i am with|who im with|who i talk|who i text|every|exactly where|what i am doing|what im doing) ~3(?:every|all|at all times|24 7|constantly|all the time|or|always)|@(shows|showed|show|turns|turned|showing|turning) up ~2(?:wherever|everywhere|at my (?:work|job|school|gym|office|friends|moms|parents|class|work place|workplace)|where i (?:work|am)|unannounced|uninvited))",
    unless: "\\b(?:together|we both|we agreed|agreed|transparency|voluntarily|i offered|our agreement|homework|routine|the routine|therapist suggested|we decided|mutual|mutually|both of us|each other|surprise|flowers|lunch|coffee|sweet|cute|birthday|anniversary)\\b" },
  { concept: "stalking", severity: "high", lang: "en", imminent: true, subject: true,
    reason: "Stalking or following the writer",
    pattern: "@(stalks|stalked|stalking|stalk|stalker|follows|followed|following|follow|tails|tailed|tailing|parked|parks|sits|sat|waits|waited|waiting|watches|watched|watching|lurks|lurking|lurked|hangs around|hung around|drives by|drove by|drives past|drove past|circling|circles|keeps showing up|kept showing up|showed up|shows up|showing up|turned up|turns up|won t leave me alone|wont leave me alone|doesnt leave me alone|wont stop calling|wont stop texting|keeps calling|keeps texting|kept calling|kept texting|harasses|harassed|harassing) ~2(?:me|my|outside|at my|around my|by my|near my|from new|from different|from blocked|from unknown|from other|on new|to my|in front of my)",
    unless: "\\b(?:instagram|twitter|tiktok|youtube|on social|account|influencer|podcast|the show|series|netflix|recipe|the news|advice|instructions|the plan|the rules|along|lead|suit|my lead|the lead|dog followed|cat followed|puppy|kids followed|followed me home from school|followed up|follow up|following up|followup|sat me down|sat with me|sat next to me|waited for me at the airport|waited up for me|waiting for me at|waited for me after|watched me (?:play|sing|dance|perform|graduate|cook|run|race|speak)|watching me (?:play|sing|dance|perform|cook|run)|watched my (?:game|show|performance|recital|race|back|kids|dog|cat)|showed up (?:with|for|at my (?:game|recital|show|concert|graduation|party))|to my (?:party|game|recital|show|concert|graduation|birthday))\\b" },
  { concept: "stalking", severity: "high", lang: "en", imminent: true,
    reason: "The ex keeps contacting or turning up after the separation",
    pattern: "@(ex|exhusband|exwife) (?:husband |wife |boyfriend |girlfriend |partner )?~3(?:keeps|kept|still|wont|will not|doesnt|is|was|has been|shows|showed|turns|turned|came|comes|calls|texts|called|texted|follows|followed|watches|watched|waits|waited|threatens|threatened|sends|sent|emails|emailed|messages|messaged|parks|parked|drives|drove|contacts|contacted|found|finds|tracked|tracks|knows|knew|left|leaves) ~4(?:me|my|outside|up|at my|around|by|past|where i|new|every|again|nonstop|constantly|over and over|from|alone)",
    unless: "\\b(?:kids|children|custody|pickup|pick up|drop off|dropoff|dropped off|the boys|the girls|our son|our daughter|child support|co parent|coparent|coparenting|co parenting|amicable|friendly|civil|congratulat\\w*|happy for|wedding|birthday card|christmas card|years ago|used to|long ago|in the past)\\b" },

  /* ── coercive control (medium) and confinement (high) ── */
  { concept: "confinement", severity: "high", lang: "en", imminent: true,
    reason: "Prevented from leaving or locked in",
    pattern: "(?:@(locked|locks|locking|lock) me (?:in|inside|up|into|in the)|@(kept|keeps|keep|keeping|held|holds|holding) me (?:locked|locked up|inside|in the (?:house|room|apartment|bedroom|basement|car|bathroom)|hostage|captive|prisoner|there against|from leaving)|@(wont|doesnt|didnt|wouldnt|never|not|would not|does not|did not|will not|refuses to|refused to|refusing to) ~1let me ~1(?:leave|go out of|out of the (?:house|room|apartment|car|bedroom|bathroom)|out|get out|go(?= (?:$|\\n|home|anywhere|outside|out)))|@(blocked|blocks|blocking|block|stood in|stands in|standing in|stood at|stands at|stood in front of|stands in front of) ~1(?:the|my|our|his|her)? ?(?:door|doorway|exit|way out|car|front door|bedroom door|hallway|stairs|driveway|path|way)|@(took|takes|hid|hides|taken|hidden|hiding|grabbed|stole|steals|confiscated|confiscates|keeps|kept) ~1(?:my |the )?(?:car keys|keys|phone|car|shoes|wallet|purse) ~4(?:so (?:that )?i (?:couldnt|cant|could not|cannot|wouldnt|can t|wont|would not)|and i (?:couldnt|cant|could not|cannot)|to stop me|to keep me|to make sure i|so i had no way)|so (?:that )?i (?:couldnt|cant|could not|cannot) ~1@(leave|get out|call|go|escape|call anyone|call for help|call the police|get away|run)|@(trapped|trap|traps) (?:me|in the (?:house|room|car|bathroom|bedroom|basement|apartment))|@(prisoner) in (?:my|our) (?:own )?(?:home|house)|@(not allowed|never allowed|isnt allowed|wasnt allowed) to (?:leave|go out|go outside|leave the house)|@(locked) (?:the )?(?:door|doors) ~2(?:so|and) (?:i|we) (?:couldnt|cant|could not)|@(couldnt|cant|could not|cannot) leave (?:the house|the room|the apartment|the bedroom)|@(tied) (?:me|my (?:hands|wrists|arms|feet|legs)))",
    unless: "\\b(?:lol|haha|kidding|joking|cuddl\\w*|blanket|bed rest|flu|sick|fever|snow|storm|blizzard|traffic|pandemic|lockdown|quarantine|keys in the car|locked my keys|locked ourselves out|locked myself out|escape room|the cat|the dog)\\b" },
  { concept: "coercive_control", severity: "medium", lang: "en",
    reason: "Control over the writer's daily life",
    pattern: "(?:@(wont|doesnt|didnt|dont|never|wouldnt|refuses to|refused to|not|wont ever|would not|does not|did not|will not|no longer|hardly ever|rarely) ~1lets? me ~1{ACTIVITY}|@(not allowed|never allowed|isnt allowed|wasnt allowed|arent allowed|no permission|without permission|without his permission|without her permission|without their permission|need permission|needs to approve|have to get permission|have to ask permission|ask permission|ask his permission|ask her permission|ask for permission|get permission|asking permission|asking for permission|permission from him|permission from her|allowance))",
    after: "^ ~1(?:pay|finish|forget|help|win|lose|do the dishes|cook|clean|carry|drive home drunk|walk home alone|drive in the snow|drive tired)",
    unless: "\\b(?:doctor|surgery|cast|broken leg|concussion|recovery|recover|sick|fever|injury|doctors orders|physio|the kids|kid|my son|my daughter|the baby|our son|our daughter|boss|work wont|job wont|landlord|hoa|school wont|teacher)\\b" },
  { concept: "coercive_control", severity: "medium", lang: "en", subject: true,
    reason: "Control of money or documents",
    pattern: "(?:@(controls|controlled|controlling|control|manages|managed|handles|holds|keeps|kept|has|took|takes|taken|taking|confiscated|confiscates|hid|hides|hiding|stole|steals|stealing|withholds|withheld|withholding|locked away|locks away|spent|spends|drained|drains|emptied|empties|cut off|cuts off|cancelled|canceled|froze|freezes|closed) ~1(?:all )?(?:of )?(?:my|our|the|every|all|the family|the household|the joint) ~1(?:money|finances|finance|accounts|account|bank|cards|card|paycheck|paychecks|salary|income|spending|budget|cash|penny|dime|cent|passport|passports|id|license|licence|documents|papers|visa|green card|birth certificate|savings|credit card|debit card|bank card|wages|paperwork|immigration papers|work permit|checkbook|tips|earnings|purse|wallet|medication|meds|inhaler|pills|insulin|car keys)|@(allowance|pocket money) ~3(?:of|from|a week|a month|per week|per month|each week|every week)|@(account) for every (?:penny|dollar|cent|pound|euro|purchase)|@(show|shows|showing|showed) (?:him|her|them) ~1(?:every|all|the|my) (?:receipt|receipts|bank)|@(gives|give|gave|giving) me ~2(?:an allowance|money for|only \\$?\\d+|just \\$?\\d+|\\$?\\d+ (?:a|per|each|every) (?:week|month|day)))",
    unless: "\\b(?:we agreed|together|we both|budget together|joint budget|our budget meeting|i asked (?:him|her) to|i manage|i control|i handle|i keep|i took|i hid|safe deposit|bank manager|teller|for the trip|at the airport|the kids|our son|our daughter|dog|cat|stuck|lost my|forgot my)\\b" },
  { concept: "coercive_control", severity: "medium", lang: "en", subject: true,
    reason: "Isolation from friends or family",
    pattern: "(?:@(isolate|isolates|isolated|isolating|cut|cuts|cutting|keeps|kept|keep|keeping|pulled|pulls|drove|drives|pushed|pushes|separated|separates|alienated|alienates|turned|turns) ~1me (?:off |away )?(?:from|off from|against) (?:my |all my |any of my |everyone|everybody|friends|family|people|the people|anyone|the world)|@(doesnt|dont|wont|didnt|does not|will not|hates|hate|hated) ~1(?:want|like|let|allow|approve of)? ?(?:me|it when i) ~1(?:to )?(?:see|seeing|have|having|talk to|talking to|talking with|go out with|going out with|hang out with|hanging out with|spend time with|spending time with|visit|visiting|call|calling|text|texting|meet|meeting) ~1(?:my )?(?:friends|friend|family|mom|mother|mum|sister|brother|parents|dad|father|anyone|people|coworkers|colleagues|church|girlfriends|guy friends|male friends|female friends|best friend|bestie)|@(makes|made|make|making) me (?:choose|pick) between (?:him|her|them|my)|@(decides|decided|decide|tells|told|tell|controls|controlled|picks|picked|chooses|chose) ~1(?:me )?(?:what i (?:wear|eat|can wear|can eat|can buy|spend)|who i (?:see|can see|talk to|can talk to|can be friends with|am friends with|text|call|follow|hang out with)|where i (?:go|can go)|when i (?:can|sleep|eat|leave|go))|@(threatens|threatened|threatening|threaten) ~1(?:to )?(?:report me|call immigration|get me deported|have me deported|deport|out me|send (?:my )?(?:nudes|pictures|photos|videos)|post (?:my )?(?:nudes|pictures|photos|videos)|share (?:my )?(?:nudes|pictures|photos|videos)|tell everyone|ruin me|ruin my|take everything|leave me with nothing|cut me off|take the house|have me committed|get me fired|call my boss|call cps|report me to)|@(gaslight|gaslights|gaslighting|gaslit|gaslighted)|@(makes|made|make|making) me (?:feel )?(?:crazy|insane)|@(controlling|possessive|coercive|coercion)(?! (?:about the dishes|about the remote|about the thermostat|about the schedule|about plans|in the kitchen)))",
    unless: "\\b(?:i am controlling|im controlling|i was controlling|i can be controlling|i get controlling|my controlling|i am possessive|im possessive|i was possessive|control freak about|pest control|birth control|remote control|quality control|self control|control the narrative|out of control kids|climate control|cruise control|game|movie|show|character|the kids|toddler|my mom is|my dad is|boss|manager)\\b" },
  { concept: "coercive_control", severity: "medium", lang: "en", subject: true,
    reason: "Forced to do something against the writer's will",
    pattern: "@(forced|forces|forcing|force|made|makes|make) me (?:to )?(?:quit|stay|sign|give|hand|transfer|drop|cut|stop seeing|stop talking|delete|unfriend|block|change my|apologize|beg|kneel|sleep on|sleep in the|eat|drink|do drugs|take drugs|drive|lie|steal|leave my|move|end my|abort|get rid of|give up|stand|sit|wait outside|wear)",
    unless: "\\b(?:break|rest|relax|nap|see a doctor|go to the doctor|laugh|try|take care|eat something|eat breakfast|drink water|hydrate|sleep in|sit down and rest|put my feet up|smile|feel better|sunscreen|wear a coat|wear a jacket|wear my seatbelt|wear a helmet|therapy|homework)\\b" },

  /* ── jealousy (medium) ── */
  { concept: "jealousy", severity: "medium", lang: "en", subject: true,
    reason: "Jealousy used to control",
    pattern: "(?:@(accuses|accused|accusing|accuse|accusations) ~1me ~1of (?:cheating|sleeping|having an affair|having affairs|flirting|seeing someone|seeing other|being a (?:whore|slut)|wanting|looking at|sleeping around|fucking|messing around|texting|an affair|talking to)|@(jealous|jealousy|possessive|possessiveness) ~8(?:wont let|doesnt let|not allowed|furious|rage|raged|rages|checks|checked|interrogat\\w*|if i talk|if i speak|when i talk|any man|any guy|any woman|every guy|every man|every woman|anyone i|coworker|coworkers|cant have friends|accuses|accused|constantly|insanely|violently|crazy|out of control|scary|scared|scares|follows|follow|smash\\w*|broke|threw|punched|yell\\w*|scream\\w*|blew up|explod\\w*|loses it|lost it|goes off|went off|everywhere i go|everything i do|obsessive|obsessed)|@(interrogates|interrogated|interrogating|interrogate|grills|grilled|grilling|cross examines|quizzes|quizzed) ~1me ~3(?:about|when|for|every|on|over)|@(furious|rage|rages|raged|flips out|flipped out|freaks out|freaked out|loses it|lost it|goes crazy|went crazy|explodes|exploded|goes ballistic|went ballistic|loses his mind|loses her mind) ~2(?:if|when|whenever|every time|because) i ~1(?:talk|talked|speak|spoke|text|texted|look|looked|smile|smiled|go out|went out|see|saw|hang out|hung out|mention|mentioned|like|liked|follow|followed|reply|replied|wear|wore) (?:to|at|with|a|any|another|other|male|female|my|his|her|someone|anyone|a guy|a man|a woman|men|women|guys|girls)|@(if i cant have you|if i can t have you)|@(nobody|no one|noone) else (?:can|will|gets to|is allowed to) have (?:you|me))",
    unless: "\\b(?:i was jealous|im jealous|i am jealous|i felt jealous|i get jealous|i got jealous|my jealousy|jealous of (?:the|your|my|his|her) (?:tan|vacation|holiday|trip|promotion|car|house|garden|cooking)|the dog|the cat|the kids|joking|kidding|cute)\\b" },

  /* ── fear of the partner ── */
  { concept: "fear_of_partner", severity: "medium", lang: "en", negatable: true, imminent: true,
    reason: "Fear of the partner",
    pattern: "(?:{!FEAR} ~2(?:of|around|by|for) (?:{PARTNER_OBJ}|what (?:he|she|they|hell|shell|theyll|hed|shed|theyd|partnername|my \\w+) ~1(?:might|will|would|could|can|may|is going to|is gonna|is capable of|will do|would do|could do|might do|does|did|can do)|his (?:temper|anger|rage|moods|mood|reactions|fists|drinking)|her (?:temper|anger|rage|moods|mood|reactions|fists|drinking)|their (?:temper|anger|rage|moods|reactions)|going home|coming home|being (?:home |alone )?(?:with|around|near) (?:him|her|them)|being alone with|my (?:own )?(?:husband|wife|partner|boyfriend|girlfriend|spouse|bf|gf|ex)|my (?:own )?safety|my life|the kids safety|my kids safety|our safety|the childrens safety|for my kids)|{!FEAR} ~2to (?:go|going|come|be|get|stay) ~1(?:home|back home|back|alone with (?:him|her|them)|in the same room|near (?:him|her|them))|{!FEAR} ~2(?:when|whenever|every time|if) (?:he|she|they|partnername|my \\w+) ~2(?:drinks|drink|is drunk|gets drunk|gets angry|get angry|gets mad|get mad|is angry|is mad|comes home|come home|gets home|raises|yells|screams|loses|starts|is in a mood|is in one of his|is in one of her|looks at me|walks in|raises his voice|raises her voice)|@(walk|walking|walks|tiptoe|tiptoeing) on (?:egg shells|eggshells)|@(intimidates|intimidated|intimidating|intimidate|terrorizes|terrorized|terrorizing|menacing|menaces|scares|scared|frightens|frightened|terrifies|terrified) me)",
    unless: "\\b(?:spiders|spider|heights|the dark|flying|dentist|needles|clowns|snakes|the movie|the show|horror|scary movie|haunted|ghost|ghosts|roller coaster|rollercoaster|public speaking|the exam|losing (?:him|her|them|you)|of losing|that (?:he|she|they) (?:will|might|would|could|is going to) (?:leave|cheat|lie|relapse|go back|stop loving|find someone)|cheat again|leave me|of getting hurt again|of being hurt again|trust again|of trusting|the future|commitment|failing|messing up|making mistakes|another affair|the affair|his reaction to the news|my reaction|the bill|the cost|money|deadline|boss|spider|bugs|thunder|the storm|the dog|the cat|big dogs|my feelings|getting my hopes up|disappointing|let (?:him|her) down|opening up|being vulnerable|vulnerability|intimacy|rejection|being rejected|abandonment|being abandoned|for (?:his|her) (?:health|surgery|job|safety on the road|test results|biopsy|heart)|for (?:him|her) when (?:he|she) (?:drives|travels|flies|rides)|driving in|drives in the snow|motorcycle|scared for (?:him|her)|afraid for (?:him|her)|worried for (?:him|her))\\b" },
  { concept: "fear_of_partner", severity: "high", lang: "en", negatable: true, imminent: true,
    reason: "Fear for the writer's life",
    pattern: "(?:{!FEAR} ~2for (?:my|our|the kids|my kids|my childrens|my childs) (?:lives|life)|(?:thought|think|thinking|believed|believe|sure|certain|felt like|feel like|knew|know) ~1(?:i was going to|i am going to|im going to|i was gonna|im gonna|i would|id|i will|i might|i could) @(die|be killed|get killed|not survive|not make it|end up dead|be dead|not wake up|not get out alive|not come out alive)|@(not going to make it|wont make it out|won t make it out) (?:alive|out alive)|@(scared|afraid|terrified|frightened|fear|fearful) ~3(?:hell|shell|he will|she will|he would|she would|hed|shed|theyll|they will|he might|she might|he is going to|she is going to|hes going to|shes going to|hes gonna|shes gonna) ~1(?:kill|murder|end) me|@(one day) ~2(?:he|she|they|partnername) ~1(?:will|is going to|might|could|gonna) ~1(?:kill|murder) me)" },
  { concept: "not_safe", severity: "high", lang: "en", negatable: false, imminent: true,
    reason: "Says they do not feel safe at home or with the partner",
    pattern: "(?:@(dont|do not|dont always|never|no longer|dont really|not|cant|can not|cannot|didnt|did not|havent) ~1(?:feel|felt|feeling|be|am|been|were|was|is) ~1safe(?: (?:at home|in (?:my|our|the|this) (?:own )?(?:home|house|apartment|bed|bedroom)|with (?:him|her|them|my \\w+|partnername)|around (?:him|her|them|my \\w+|partnername)|near (?:him|her|them)|here|anymore|any more|when (?:he|she|they|partnername) ~2(?:is|are|gets|drinks|comes|get)))?(?=$| (?!(?:driving|walking|on the road|in the snow|at night|in this neighborhood|in this neighbourhood|in the area|in the city|at work|with the dog|on the trail|on the bike|on my bike|on the ice|on the roads|flying|in the car|to drive|to walk|riding|in traffic|around the pool|in the water|in the ocean|swimming|on that|in that|with that|going to|telling my|talking about|sharing|to share|to talk|to say|to tell|to open|being vulnerable|opening up|bringing up|to bring up|expressing|to express|in therapy|in our sessions|in session|in the session|emotionally|to cry|to be honest)))|@(not) safe (?:at home|in (?:my|our|the) (?:home|house)|with (?:him|her|them|my \\w+)|around (?:him|her|them|my \\w+)|here|for me|for the kids|for my kids))",
    unless: "\\b(?:i dont feel safe (?:sharing|telling|talking|opening|saying|being)|emotionally safe|safe space|safe to share|safe to talk|safe to say|safe to express|in therapy|neighborhood|neighbourhood|driving|snow|ice|icy|roads|covid|virus|flu|the dog|wifi|password|website|online|app|bike|trail|hike|earthquake|hurricane|storm|tornado|flood|fire alarm|smoke alarm|stairs|ladder|roof|lock on|front door lock|back door lock|new locks|locksmith|alarm system)\\b" },
  { concept: "not_safe", severity: "high", lang: "en", negatable: true, imminent: true,
    reason: "Says they feel unsafe at home or with the partner",
    pattern: "(?:@(unsafe) (?:at home|in (?:my|our|the) (?:home|house)|with (?:him|her|them|my \\w+)|around (?:him|her|them|my \\w+)|here)|(?:feel|felt|am|was|m|feeling) (?:so |very |really |totally |completely )?@(unsafe)(?= |$)(?! (?:driving|walking|on the road|in the snow|at night|in this neighborhood|in the city|at work|emotionally|talking|sharing|in therapy)))" },
  { concept: "not_safe", severity: "medium", lang: "en", imminent: true,
    reason: "Not sure they are safe",
    pattern: "@(not sure|unsure|dont know if|dont know whether|do not know if|not certain|dont think|do not think|no idea if|wondering if|questioning if|questioning whether|not convinced) (?:if |whether |that )?(?:im|i am|i m|i feel|i will be|i would be|its|it is|its still|were|we are|the kids are|my kids are|im still|i can be|i can stay|i am still) ~1safe",
    unless: "\\b(?:driving|walking|neighborhood|neighbourhood|snow|ice|roads|covid|virus|flu|sharing|telling|talking|opening|emotionally|safe space|in therapy|to share|to say|to talk|bike|hike|trail|earthquake|hurricane|storm|flight|flying|surgery|diet|the job|financially|investment|stock|money)\\b" },

  /* ── the partner's suicide threats (high) ── */
  { concept: "partner_suicide_threat", severity: "high", lang: "en", imminent: true,
    reason: "The partner threatens suicide",
    pattern: "(?:(?:{SAY}|{MODAL}|threatens|threatened|threatening|threaten|hell|shell|theyll|hed|shed|theyd|if i leave|if i left|if i go|if i ever leave|if i divorce|if i break up) ~3(?:to )?~1@(kill|killing|kills|hurt|hurting|harm|harming|end|ending|take|taking|shoot|hang|cut|starve|drown|overdose|od|unalive|off) ~1(?:himself|herself|themselves|themself|his life|her life|their life|his own life|her own life|it all)|(?:{ACTOR}|{SAY}|threatens|threatened|threatening|threaten) ~3@(suicide|suicidal|kill himself|kill herself|end it all|jump off|jump from|jump in front|drive into|drive off|crash the car|crash his car|crash her car|take all his pills|take all her pills|take his pills|take her pills|take pills|swallow pills|overdose|do something stupid|do something drastic|do something to himself|do something to herself|not be here|not be around|disappear forever|end it))",
    after: "^ ~2(?:laughing|of embarrassment|of shame|from embarrassment|if (?:he|she|they) (?:has|have) to (?:sit|watch|listen|work|do|go)|if the (?:team|game|show|movie)|over the (?:game|show|movie|match))",
    unless: "\\b(?:joking|jokingly|kidding|lol|lmao|haha|jk|the game|the match|the movie|the show|hangover|hungover|workout|gym|karaoke|spicy|dishes|laundry|tax|taxes|at work|his boss|her boss|the commute|the kids (?:are|were) (?:killing|driving))\\b" },
  { concept: "partner_suicide_threat", severity: "high", lang: "en", imminent: true,
    reason: "The partner threatens suicide (in the partner's words)",
    pattern: "(?:@(if you|if u|if ya) ~4(?:leave|leaving|go|ever leave|divorce|break up|walk out|walk away|take the kids|tell anyone|tell|call|dont|do not|stop|end this|end it|move out) ~6(?:i will|ill|im going to|i am going to|im gonna|i swear ill|i swear i will|i would|id|i might|i ll) ~1(?:kill myself|end it|end my life|hurt myself|harm myself|jump|overdose|take ~1pills|do something stupid|not be here|be dead|die|shoot myself|hang myself|cut myself|crash|drive into|disappear|take my (?:own )?life|end it all)|@(ill|i will|im going to|i am going to|im gonna) ~1(?:kill myself|end it all|end my life|hurt myself) if you ~3(?:leave|go|divorce|break up|walk out|tell|take))" },
  { concept: "partner_suicide_threat", severity: "high", lang: "en", imminent: true,
    reason: "The partner attempted or threatened suicide",
    pattern: "(?:{ACTOR}) ~3(?:tried to|tries to|attempted|attempts|has attempted|threatened|threatens) ~1@(suicide|kill himself|kill herself|kill themselves|end his life|end her life|end their life|take his life|take her life|overdose|od|hang himself|hang herself|shoot himself|shoot herself|cut himself|cut herself)" },

  /* ── the writer's own suicidal thoughts (C-SSRS) ── */
  { concept: "suicide", severity: "medium", lang: "en", negatable: true,
    reason: "Passive wish to be dead (C-SSRS 1)",
    pattern: "(?:(?:wish|wished|wishing|hope|hoping) i (?:was|were|could be|would be|d be|could just be) @(dead|gone|not here|not alive|never born|not around|invisible forever)|(?:wish|wished|wishing) i (?:wasnt|werent|was not|were not|had not been|hadnt been|didnt) @(here|alive|around|born|exist|existing|wake up)|(?:wish|wished|wishing|hope|hoping|pray|praying|prayed) (?:i (?:could )?(?:just )?|to )?(?:go to sleep|fall asleep|sleep|close my eyes) and ~1@(not|never|wouldnt|would not) ~1wake up|@(hope|hoping|pray|praying|prayed) (?:i (?:dont|never|do not|wont) wake up|not to wake up|to not wake up|i die|to die|for death|i get hit|i get into an accident|something happens to me)|@(wouldnt|would not) (?:mind|care) if i (?:didnt|did not|never|wouldnt|died|was gone|were gone|got hit|got sick|didnt wake up|disappeared)|(?:everyone|everybody|they|he|she|the kids|my family|my kids|people|the world|partnername|my \\w+) ~1(?:would|will|d|might|is|are) ~1be @(better) off (?:without me|if i (?:was|were) (?:gone|dead)|with me gone|if i wasnt here|if i disappeared)|@(better) off (?:dead|without me|gone)|@(tired|sick|exhausted) of (?:living|being alive|life|existing|being here|everything|it all|trying to live)|(?:whats|what is|what s|see no|there is no|theres no|no) ~1@(point|reason) ~1(?:of|in|to)? ?(?:living|life|being alive|going on|anything|existing|being here|staying|waking up|trying anymore|live)|@(life) (?:isnt|is not|isn t|aint|not) worth (?:living|it)|@(dont|do not|dont really|no longer) (?:want|wanna) (?:to )?(?:be here|exist|wake up|be alive|live|keep living|go on|be around)(?! (?:in|at|with|for|near|without) )|(?:want|wanna|wish i could|want to just|need to) @(disappear|vanish|stop existing|not exist|not be here|fall asleep forever|sleep forever|cease to exist|fade away|not wake up)(?: forever| for good| and never| permanently| from this world| from everything|(?= *$)|(?= \\n))|(?:wish|want|wanted|need) ~1(?:it|everything|the pain|this) (?:would|could|to) ~1@(end|stop) ~1(?:forever|for good|permanently|already)?|@(cant|cannot|can not|cant keep|can t) (?:go on|keep going|keep living|live like this|do life|handle life|take living)|@(no will|lost the will|losing the will) to live|@(death) (?:would be|sounds like|seems like|feels like) (?:a )?(?:relief|peace|peaceful|easier|an escape|a rest)|(?:no|nothing|nobody) (?:left )?(?:to live for|would miss me|would notice if i was gone|would care if i died|would care if i was gone)|@(dead|death|dying|gone) (?:would be|seems|sounds|feels) (?:easier|better|nice|peaceful)|@(id|i would|i d) (?:rather|prefer to) (?:be dead|die|not exist|not be here))",
    unless: "\\b(?:disappear (?:for|into|to|under|on) (?:a|the|this|my|our) (?:weekend|week|vacation|holiday|beach|cabin|mountains|trip|blanket|bed|book)|off the grid|from social media|from work|of this meeting|for a nap|until monday|after the holidays|tired of (?:the|his|her|this|work|my job|cooking|cleaning|doing|arguing|fighting|waiting|being the|being ignored|being blamed|hearing)|no point (?:arguing|fighting|in arguing|in fighting|going|trying to explain|in asking)|not worth (?:it )?(?:the|arguing|fighting|the money|the drive|the hassle)|dont want to be here (?:at|in|for|with)|better off without (?:him|her|them|that|this|the|my job|facebook|social media|coffee|sugar|alcohol))\\b" },
  { concept: "suicide", severity: "high", lang: "en", negatable: true,
    reason: "Active suicidal thoughts (C-SSRS 2)",
    pattern: "(?:@(kill|killing|kil|kms|murder|murdering) myself|@(end|ending|ended|take|taking|took) my (?:own )?life|@(end|ending) it all|@(end|ending) (?:everything|things for good|things permanently|it permanently|it forever|my existence|the pain forever)|@(suicidal|suicide|suicidality|suicidally|suiciding)|@(commit|committing|commited|committed) (?:suicide|sucide)|(?:want|wanted|wanting|wanna|want to|going to|plan to|planning to|ready to|need to|would like to|d like to|just want to) @(die|dying|be dead|not live|not be alive|stop living|end it|go to sleep forever|die already)(?! (?:of|from) (?:embarrassment|shame|laughter|laughing|cringe|boredom|happiness|joy)| laughing| for)|(?:thinking|thought|thoughts|think|thinks|considering|considered|contemplating|contemplated|fantasizing|fantasize|fantasized|dream|dreaming|dreamed|imagining|imagine|imagined|obsessing|urges|urge|ideas|idea) ~1(?:about |of )?~1@(dying|death|killing myself|ending it|ending my life|taking my life|not being here|not existing|being dead|my funeral|ending things|ending everything|how to die|ways to die|jumping|overdosing|disappearing forever|unaliving|hanging myself|shooting myself|cutting my wrists|slitting my wrists|driving off|crashing my car|walking into traffic|stepping in front)|@(dont|do not|dont really|no longer) (?:want|wanna) (?:to )?(?:live|be alive|keep living|exist|be on this earth|be in this world)(?: anymore| any more|$)|@(no|dont have a|dont have any|have no|lost my|cant find a) reason (?:to live|to keep going|to go on|for living)|@(want|wanna|wanted|wanting) ~1(?:it|everything) (?:all )?to be over|@(attempted|attempt|attempts) (?:suicide|to kill myself|to end my life|again)|@(tried|try|trying) to (?:kill|end|take) (?:myself|my life|my own life|it all)|@(took|swallowed|taken|take|swallow) ~2(?:a bunch of|too many|all my|all of my|all the|a whole bottle of|a bottle of|a handful of|handfuls of|extra|a lot of|loads of|my whole) ~1(?:pills|meds|tablets|sleeping pills|painkillers|medication|medications)|@(overdose|overdosed|overdosing|od|oded|odd) (?:on|last|again|\\n|$|when|and|a)|@(i|ive|im) ~1(?:overdosed|od|oded))",
    after: "^ ~2(?:laughing|of embarrassment|of shame|from embarrassment|with embarrassment|if i have to (?:sit|watch|listen|work|do|go|hear|read|eat|redo)|if (?:this|the|that|my) (?:meeting|day|week|game|show|traffic|commute|class|line|queue)|over (?:this|the|that) (?:game|show|movie|match|episode|exam|paperwork)|at work)",
    unless: "\\b(?:squad|suicide doors|suicide run|suicide runs|suicide drills|suicide sprints|suicides in practice|prevention|awareness|hotline training|training|documentary|podcast|article|the movie|the show|the book|the song|the character|his character|her character|the villain|a friend of|friends brother|friends son|friends dad|coworker|a patient|a client|my clients|the news|statistics|the study|research|mental health first aid|qpr|asist|volunteer|joking|jokingly|kidding|lol|lmao|haha|jk|😂|dying to|die for|to die for|kill for|would kill for|killing it|killed it|crushing it|nailed it|dying of laughter|die laughing|dying laughing|ded|dead tired|died laughing)\\b" },
  { concept: "suicide", severity: "imminent", lang: "en",
    reason: "Suicide method, plan or preparation (C-SSRS 3–6)",
    context: "\\b(?:die|dying|dead|death|suicide|suicidal|kill myself|end it|end my life|take my life|ending it|not wake up|wont wake up|goodbye|last note|pills|meds|tablets|overdose|rope|noose|gun|bridge|jump|hang|wrists|razor|blade|cant go on|better off|no point|over with|gone|not be here|not coming home|it all|everyone|sorry|forgive|wont need)\\b",
    pattern: "(?:@(saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|counting|counted|stashing|stashed|gathered|gathering|buying|bought|got|have|keeping|kept|ordered|picked up) (?:up )?~2(?:my |the |all my |all the |enough |some |a stash of |a bottle of |extra |a bunch of |bottles of )?(?:pills|meds|medication|medications|tablets|sleeping pills|painkillers|oxy|insulin|tylenol|paracetamol|rope|noose|antidepressants) ~3(?:$|(?= \n)|to (?:end|take|do it|die|kill|finish)|for (?:when|the end|tonight|it|this)|just in case|in case|enough to|so i can|so that i can|and ~2(?:tonight|ready|its time|end it|do it|be done|take them all|take all of them|swallow)|ready|hidden|hid|hide|stashed|in my drawer|in the drawer|in my car|in the closet)|@(pills|meds|medication|tablets|rope|noose|gun|razor|blades|letter|letters|note|notes|everything) ~1(?:are|is) ~1(?:ready|set|waiting|prepared|in place|laid out|lined up|counted)|@(wrote|writing|written|write|left|leaving|drafted|drafting|typed|prepared|finished) ~2(?:a |my |the |some |all my |all the )?(?:suicide|goodbye|farewell|final) ~1(?:note|notes|letter|letters|message|messages|texts|video|post)|@(wrote|writing|written|write|left|drafted|prepared) ~2(?:notes|letters|a note|a letter) ~2(?:to|for) (?:my|the|each|everyone|all) ~1(?:kids|children|family|husband|wife|partner|mom|mum|dad|parents|sister|brother|friends|loved ones|of them|goodbye)|@(giving|gave|give|given) away ~1(?:my|all my|most of my) (?:stuff|things|belongings|possessions|clothes|books|cat|dog|pets|jewelry|jewellery|valuables)|@(how many) ~1(?:pills|tablets|sleeping pills|meds) ~3(?:it would take|would it take|it takes|does it take|to die|to end|would kill|are lethal|is lethal|is enough|are enough|i need|id need)|@(know|knew|picked|chose|found|chosen) ~1(?:which|what|the|a|exactly which|exactly what|the right|where the) ~1(?:bridge|building|cliff|place|spot|way|tree|beam|method|day|date|time|rope|pills|gun) ~6(?:to (?:do it|jump|end|die|go)|i (?:will|would|want to|am going to|m going to) (?:do it|jump|use|die)|for when)|@(made|making|have|got|come up with|figured out|worked out|working out|thought out|planned|planning|plotting|researched|researching|googled|googling|looked up|looking up|searching|searched) ~2(?:a plan|the plan|the details|how (?:to|i would|i will|id|i could|im going to) (?:do it|end it|kill myself|die|jump|overdose|hang)|ways to (?:die|kill myself|end it|overdose)|methods|lethal dose|lethal doses|painless ways|the dose|how much it would take|how many it would take|how many pills|suicide methods)|@(set|picked|chose|chosen|have|decided|decide) ~1(?:a|the|on a|on the) (?:date|day|time) ~3(?:to )?(?:do it|end it|die|go|kill myself|for it|when)?|@(going|gonna|plan|planning|decided|ready|about) (?:to )?~1(?:kill myself|end my life|take my life|end it all|do it tonight|do it tomorrow|do it this weekend|jump|hang myself|shoot myself|overdose|take all (?:my|the|of my) (?:pills|meds|tablets)|swallow (?:all|them|the pills|every)|drive off|drive into|cut my wrists|slit my wrists)|@(loaded|cleaning|holding|took out|got out|bought|got|have|has|picked up) ~2(?:the|a|my|his|her|dads|my dads) (?:gun|pistol|rifle|shotgun|revolver) ~4(?:to|for|and|so|because) ~2(?:myself|end it|my head|die|do it|kill myself|end my life|me)|@(tonight|tomorrow|this weekend|this is the night|this is the day|today is the day|tonight is the night|its time|it is time) ~3(?:is the night|is the day|i end it|i do it|i will do it|ill do it|i kill myself|i go|im going to do it|im doing it|i am doing it|i take them|i take the pills|i jump|i end my life|im ending it|ending it|i finally do it))" },
  { concept: "suicide", severity: "high", lang: "en",
    reason: "Intent or a possible means named by the writer (C-SSRS 3)",
    pattern: "@(jump|jumping|jumped) ~1(?:off|from|in front of) (?:a|the|this|that) (?:bridge|building|roof|balcony|cliff|train|car|bus|truck|overpass|parking garage|window|ledge|tower)",
    unless: "\\b(?:pool|lake|river|swim|swimming|dive|diving|bungee|parachute|skydiv\\w*|zipline|trampoline|hop|jumped off the (?:bus|train) (?:at|and)|got off|into the water)\\b" },

  /* ── self-harm (high) ── */
  { concept: "self_harm", severity: "high", lang: "en", negatable: true, imminent: true,
    reason: "Self-harm (ISAS behaviours)",
    pattern: "(?:@(cut|cutting|cuts|burned|burnt|burn|burning|burns|hit|hitting|hits|hurt|hurting|hurts|harm|harming|harmed|scratch|scratched|scratching|scratches|bit|bite|biting|bites|punch|punched|punching|punches|carve|carved|carving|stab|stabbed|stabbing|starve|starved|starving|slap|slapped|slapping|bang|banged|banging|injure|injured|injuring|mutilate|mutilated|mutilating|pinch|pinched|pinching|bruise|bruised|bruising|choke|choked|choking|strangle|strangled|punish|punished|punishing) myself|@(self harm|selfharm|self harming|self harmed|self injury|self injure|self injured|self injuring|self injurious|self mutilation|self mutilate|self mutilating|self hurt|self destructive|self destruct\\w*|nssi|sh)(?! (?:awareness|training|prevention|podcast|documentary|article|book|episode|research))|@(relapse|relapsed|relapsing|relapses) ~2(?:on |with |into |in )?(?:sh|self harm|selfharm|cutting|self injury|burning|it)|@(urges|urge|urged|itch|itching|wanting|want|wanted|need|needed|craving|cravings) ~1to (?:cut|sh|self harm|hurt myself|harm myself|burn myself|hit myself|bleed)|@(scars|scar|cuts|wounds|burns|marks|fresh cuts|new cuts|old cuts) ~2(?:on|from|across|down|up) (?:my )?(?:arm|arms|wrist|wrists|thigh|thighs|leg|legs|stomach|hips|hip|skin|body)|@(cut|cutting|cuts|sliced|slicing|slit|slitting|carved|carving|scratched|scratching|scraped|scraping|burned|burning|burnt) ~1(?:my|into my|open my) (?:arm|arms|wrist|wrists|thigh|thighs|leg|legs|stomach|hips|hip|skin|forearm|forearms|body)|(?:until|till|til) (?:it|they|i|my skin) @(bled|bleed|bleeds|bleeding|bruised|blistered|scarred)|@(clean) (?:from|of) (?:sh|self harm|cutting)|(?:days|weeks|months|years|day|week|month|year) @(clean) ~4(?:broke|broken|relapsed|ruined|reset|until|till|and then|but)|@(razor|razors|blade|blades|lighter|compass|box cutter|boxcutter|scissors|glass|shard|needle|pin) ~2(?:on|to|into|across|against) (?:my )?(?:arm|arms|wrist|wrists|skin|thigh|thighs|leg|legs|stomach|body|myself))",
    after: "^ ~2(?:some slack|slack|off|short|a break|out of|at the gym|lifting|playing|running|shaving|cooking|chopping|on the (?:stove|pan|oven|iron|grill|kettle|pot|tray|glass)|with the (?:knife|kettle|iron|curling iron|straightener|stove|oven|pan)|by accident|accidentally|on accident|in the kitchen|gardening|skiing|snowboarding|skating|falling|when i fell|with a book|up|for nothing|again on the|in yoga|in the yard)",
    unless: "\\b(?:accidentally|accident|by accident|on accident|while (?:cooking|chopping|shaving|cutting|gardening|baking|ironing)|cooking|chopping|shaving|gardening|baking|ironing|curling iron|hair straightener|straightener|stove|oven|kettle|the pan|a pan|the grill|at the gym|working out|workout|lifting|deadlift|squat|running|marathon|trail|tripped|fell|falling|skiing|snowboard\\w*|skating|hiking|climbing|soccer|football|basketball|tennis|yoga|sunburn|sunburned|paper cut|papercut|could kick myself|kicking myself|kick myself|slap myself|pinch myself|pinching myself|had to pinch|cut myself off|cut myself some|cut myself short|cut myself a|hurt myself laughing|punish myself with|shoot myself in the foot|shot myself in the foot|banging my head against the wall|bang my head against the wall|banged my head on|hit my head on|bumped|the cupboard|the cabinet|the door|the shelf|shush|shh|sh sh|bash|sh script|shell|sh file)\\b" },


  { concept: "suicide", severity: "medium", lang: "en", negatable: true,
    reason: "Passive wish to be dead or not to exist (C-SSRS 1)",
    pattern: "(?:(?:i|if i|when i|that i|id|i d) (?:~3)(?:wasnt|werent|was not|were not|wasn t|didnt|did not|dont|never|had never|hadnt) (?:~1)(?:around|here|alive|exist|existed|wake up|woke up|came back|come back|been born|born|be here|be around)|(?:i|if i|when i|that i|id|i d) (?:~3)(?:disappeared|disappear|vanished|vanish|faded out|fade out|fade away|faded away|died|was dead|were dead|was gone|were gone|stopped existing|stop existing|could stop existing|could disappear|could vanish|could fade|could sleep forever|never woke up|didnt wake up|dont wake up|wouldnt wake up|never wake up|not wake up|just not wake up|not being around|not be around|not being here|not be here|got sick and died|got hit|just died)|@(heart) (?:~1)(?:stops|stopped|would stop|just stops|to stop)|@(bus|car|truck|train) (?:~3)(?:hit me|hits me|run me over|runs me over|ran me over|take me out)|@(never) been born|@(not) (?:being|be) (?:around|here|alive)|@(better) off (?:with|having) (?:a different|another|someone else|a new|a better) (?:mom|mother|mum|dad|father|wife|husband|partner|person|parent))",
    context: "\\b(?:wish|wished|wishing|wishes|hope|hoping|hoped|pray|praying|easier|better off|better|fine if|be fine|wouldnt mind|would not mind|wouldnt care|wouldnt matter|relieved|relief|rather|burden|no one would|nobody would|noone would|everyone would|everybody would|deal with me|deal w me|miss me|peaceful|peace|for good|forever|tempting|keep thinking|thinking it would|the thought|thats how i felt|idk|done with everything|so done|dont see myself|the point)\\b",
    unless: "\\b(?:wish (?:he|she|they) (?:wasnt|werent)|vacation|holiday|weekend|cabin|off the grid|from social media|for a while from work|the kids wont notice|surprise)\\b" },
  { concept: "suicide", severity: "imminent", lang: "en",
    reason: "A suicide method or means together with a time, a decision or a goodbye (C-SSRS 3–6)",
    pattern: "@(pills|pill|tablets|meds|medication|antidepressants|insulin|oxy|painkillers|sleeping|rope|noose|belt|bridge|overpass|cliff|cliffs|roof|ledge|balcony|charcoal|hose|gun|pistol|razor|blades|garage|tracks|train|car)",
    context: "\\b(?:decided|decision|planned|plan|planning|its planned|everything is planned|everythings sorted|everything s sorted|sorted for|ready|lined up|last note|my last|goodbye|letters to|notes to|wrote letters|written letters|written the notes|wont need|not coming home|not coming back|do it|doing it|going through with|end it|the day|the night|for good|one last|final|paid the bills ahead|gave (?:my|the) (?:cat|dog)|gave away|cancelled my subscriptions|practicing|practising|wont stop|enough now|have enough|that many|how high|how many|tie it|car running|engine running|with the car running|stockpil\\w*|saved up|saving|hoarding|take them all|take all of them|swallow them|jump|kill myself|end my life|die|dying|sorry|forgive me|thank you for trying|take care of)\\b",
    unless: "\\b(?:vitamin|vitamins|prescription refill|pharmacy|the vet|the dog s pills|dogs pills|the cats pills|climbing|climb|gym|skipping rope|jump rope|jumping rope|tow rope|tug|swing|camping|tent|boat|sailing|yoga|belt loop|seatbelt|seat belt|new belt|black belt|brown belt|karate|judo|grade|grading|road trip|train ride|train ticket|train station|catch the train|took the train|the train home|car wash|car seat|car park|carpool|garage sale|garage door|cleaned the garage|garden hose|hose down|hosed|bridge game|playing bridge|golden gate|london bridge|bridge club|dental bridge|roof repair|roofer|roof leak|on the roof fixing|gutters|concert|party|wedding|date night|dinner|bbq|barbecue|charcoal grill|charcoal bbq|lit the charcoal|hunting|range|safe|locked|nerf|water gun|game|decided to (?:cook|go|try|order|watch|stay|take the|book|buy|get|make|paint|move|start)|ready for (?:the|our|dinner|bed|work|school|holiday|vacation|the weekend))\\b" },
  { concept: "self_harm", severity: "high", lang: "en", imminent: true,
    reason: "Self-harm, in the words people use for it",
    pattern: "(?:(?:i|ive|i ve|been|started|start|keep|kept|still|again|back to|went back to) (?:~2)@(cut|cutting|cuts|burning|burned|scratching|hitting myself|sh|shd|self harming|harming myself|hurting myself)(?= |$)(?! (?:the|a|an|my (?:hair|nails|fringe|bangs|hours|losses|spending|budget|carbs|sugar|coffee|caffeine|drinking)|back|down|out|off|up|in line|class|corners|ties|the cord|carbs|sugar|dairy|gluten|meat|coffee|caffeine|alcohol|drinking|him off|her off|them off|my losses|people off|toxic|contact|costs|expenses))|@(relapse|relapsed|relapsing)(?= |$)|@(shd)|@(blades|razors|razor blades|blade) (?:~3)(?:my|hid|hidden|hide|found|stopped|didnt stop|again)|(?:found|hid|hide|hiding|keep|kept|threw away|throw away|bought|got) (?:~1)my @(blades|razors|razor blades|blade|kit|box)|@(scars|scar|cuts|cut|wounds|burns) (?:~4)(?:showing|show|hide|hiding|cover|covering|long sleeve|long sleeves|sleeves|heal|healing|fresh|new|bleeding|bled)|@(picking|pick|picked|reopen|reopened|reopening|opened) (?:at )?(?:the |my )?(?:cuts|scabs|wounds|scars|stitches)|@(on purpose|wanted it to hurt|to feel something|to punish myself|deserved the pain|deserve the pain|wanted to feel pain|wanted the pain)|@(carve|carved|carving|scratch|scratched|scratching|cut|cutting|burn|burned|burnt|burning) (?:~3)(?:into|in|on) my (?:skin|arm|arms|thigh|thighs|wrist|wrists|leg|legs|stomach|hands|hand)|@(bang|banged|banging|hit|hitting|hits|smash|smashed|smashing) my head (?:against|on|into) (?:the |a )?(?:wall|walls|floor|door|desk|mirror))",
    context: "\\b(?:i|im|ive|me|my|myself|mine)\\b",
    unless: "\\b(?:accidentally|accident|by accident|on accident|while (?:cooking|chopping|shaving|gardening|baking|ironing)|chopping|shaving|gardening|baking|ironing|paper cut|papercut|relapsed (?:on|into|with) (?:drinking|alcohol|booze|wine|beer|smoking|cigarettes|vaping|weed|drugs|coke|pills|gambling|porn|sugar|junk food|coffee)|drinking|alcohol|sober|sobriety|aa meeting|meeting|smoking|cigarette|cigarettes|vape|vaping|weed|gambling|porn|diet|sugar|cancer|remission|covid|flu|migraine|back pain|injury|knee|physio|surgery|c section|appendix|scar from|the cut of|haircut|hair cut|cut my hair|cut the|cut a|cut some|cut back|cut out|cut off|cut down|cut ties|cut corners|cut class|sunburn|stove|oven|kettle|iron|frustrat\\w*|idiom|metaphor|every time we argue about money|when we argue i feel like)\\b" },
  { concept: "stalking", severity: "high", lang: "en", imminent: true,
    reason: "The partner is outside or trying to get in",
    pattern: "(?:{ACTOR}|@(someone|somebody)) (?:is |are |s |re |has been |have been |keeps |kept |was |were )?(?:~2)@(outside|at the door|at my door|at the window|in the driveway|downstairs|in the car outside|parked outside|waiting outside|banging on|pounding on|kicking the door|trying to get in|trying to break in|breaking in|standing outside|sitting outside|circling the block|in the parking lot|in the car park|across the street|watching the house|watching my house)",
    unless: "\\b(?:outside (?:with the kids|playing|gardening|in the garden|mowing|grilling|doing the|washing|smoking|for a smoke|walking the dog|with the dog|shoveling|shovelling|fixing|working on|cleaning|on the porch with|on the phone|having a|taking a|to get|to grab|to water)|bbq|barbecue|grill|party|surprise|flowers|delivery|amazon|uber|taxi|pizza|picked me up|pick me up|to pick|waiting for me (?:after|at the airport|with)|came to see my|to watch my|cheer|cheering|lol|haha)\\b" },
  { concept: "physical_violence", severity: "imminent", lang: "en", imminent: true,
    reason: "Hiding from the partner right now",
    pattern: "(?:@(locked|lock|locking) myself (?:in|into)|@(hiding|hid|hide) (?:from (?:him|her|them)|in the (?:bathroom|closet|car|bedroom|basement|cupboard|wardrobe|shed|garage)|under the bed|at (?:my|a) (?:neighbours|neighbors|friends))|(?:im|i am|i m) @(under) the bed|@(barricaded) (?:myself|the door))",
    context: "\\b(?:he|she|they|hes|shes|theyre|him|her|them|partnername|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|spouse)|knife|gun|drunk|angry|banging|screaming|shouting|hitting|kill|hurt)\\b",
    unless: "\\b(?:kids|toddler|hide and seek|surprise|party|present|gift|presents|lol|haha|game|christmas|birthday|cake)\\b" },
  { concept: "threat_to_kill", severity: "high", lang: "en", imminent: true,
    reason: "Threat of fire or an arson attempt",
    pattern: "@(poured|pouring|pours|spilled|splashed|soaked) (?:~3)(?:petrol|gasoline|gas|lighter fluid|kerosene|fuel)|@(set|sets|setting|light|lit) (?:~2)(?:me|the house|my hair|my clothes|my car|the bed) (?:on fire|alight|ablaze)",
    unless: "\\b(?:bbq|barbecue|grill|lawnmower|mower|generator|car needed|station|pump|campfire|fire pit|firepit|candles?|fireworks)\\b" },

  /* ── insults and humiliation (medium) ── */
  { concept: "verbal_abuse", severity: "medium", lang: "en", subject: true,
    reason: "Insults and humiliation",
    pattern: "(?:@(calls|called|calling|call|names|named) me ~1(?:a |an |his |her |their |such a |such an |the |fucking |stupid |fat |ugly |dumb |little |useless |worthless |crazy )?~1{INSULT}|@(calls|called|calling|call) me names|@(tells|told|telling|says|said|saying|reminds|reminded|yells|yelled|screams|screamed|tell|keeps telling|kept telling|keeps saying|kept saying|always says|always tells) ~1(?:me )?(?:that )?(?:im|i am|i m|i was|i will always be|ill never be|i will never be|i would be|id be|i look|i sound|i act|i am such|im such|im a|i am a|im so|i am so|im just|i am just|im too|i am too) ~2(?:{INSULT}|nothing|worthless|good for nothing|a burden|disgusting|pathetic|a failure|a bad mother|a bad father|a terrible mother|a terrible father|unlovable|lucky he|lucky she|lucky to have|crazy|insane|imagining things|making it up)|@(nobody|no one|noone|no man|no woman|no guy|no other man|no other woman) ~1(?:else )?(?:would|will|could|is going to|wants to|would ever|will ever) ~1(?:want|love|date|marry|put up with|believe|care about|have|touch) (?:me|someone like me|a woman like me|a man like me)|@(humiliates|humiliated|humiliating|humiliate|belittles|belittled|belittling|belittle|degrades|degraded|degrading|demeans|demeaned|demeaning|mocks|mocked|mocking|ridicules|ridiculed|ridiculing|insults|insulted|insulting|berates|berated|berating|bullies|bullied|bullying|shames|shamed|shaming|torments|tormented|tormenting|taunts|taunted|taunting|spits at|spat at) ~1(?:me|my|us)|@(puts|put|putting) me down|@(talks|talked|talking) down to me|@(cusses|cussed|cursed|curses|cursing|swore|swears|screamed|screams|yelled|yells) ~1(?:me out|at me calling me|insults|slurs)|@(emotionally|verbally|psychologically|mentally|financially) (?:abusive|abused|abuses|abusing|abuse|cruel|violent|tortur\\w*)|@(emotional|verbal|psychological|mental|financial) (?:abuse|cruelty|torture|violence)|@(abusive|abuser)(?! (?:relationship with (?:my|her|his) (?:dad|father|mom|mother|parents)|father|mother|dad|mom|parents|childhood|home growing up|ex years|stepfather|stepdad))|@(spit|spat|spits) (?:in my face|at me|on me))",
    unless: "\\b(?:joking|jokingly|kidding|lol|lmao|haha|jk|teasing|teases|tease|affectionately|nickname|pet name|cute|playful|playfully|in the game|the movie|the show|character|villain|my dad was|my father was|my mom was|my mother was|my parents were|growing up|as a kid|when i was|years ago|my ex was|my first husband|my first wife|documentary|podcast|book|article|training)\\b" },
  { concept: "verbal_abuse", severity: "medium", lang: "en",
    reason: "Told to die or hurt themselves",
    pattern: "@(kill yourself|kys|go die|drop dead|you should die|you should just die|you should kill yourself|you deserve to die|wish you were dead|wish you would die|hope you die|go kill yourself|end yourself)",
    unless: "\\b(?:joking|lol|haha|jk|game|gaming|online|lobby|chat|kid on|teen on|troll)\\b" },

  /* ── property violence (medium) ── */
  { concept: "property_violence", severity: "medium", lang: "en", subject: true, domain: true, imminent: true,
    reason: "Smashing, breaking or throwing things",
    pattern: "@(smash|smashed|smashes|smashing|broke|breaks|break|breaking|broken|threw|throws|throw|throwing|thrown|punched|punches|punch|punching|kicked|kicks|kick|kicking|destroyed|destroys|destroy|destroying|wrecked|wrecks|wreck|wrecking|ripped|rips|tore|tears|tearing|shattered|shatters|trashed|trashes|trashing|hurled|hurls|flung|flings|flipped|flips|flipping|overturned|overturns|slashed|slashes|keyed|keys|smashing|stomped on|stomps on|snapped|snaps|cracked|cracks|crushed|crushes|hit|hits|hitting|bashed|bashes|ruined|ruins) ~3(?:{PROPERTY}|my (?:car|tires|tyres|stuff|things|belongings|laptop|phone|guitar|glasses|clothes|photos|pictures|jewelry|gifts|plants)|a hole in|holes in|everything|whatever|the place|the house|the room|the kitchen|the apartment|stuff)",
    after: "^ ~2(?:at me|at my head|at my face)|^ ~1(?:record|records|the news|the ice|the bank|the silence|a sweat|ground|even|a leg|bread|the habit|the cycle|the rules|it off|up with|down the|out of|a party|a ball|the ball|away|out the trash|the trash|the garbage|the recycling|a fit|a tantrum|some|the frisbee|the towel|the door open|the doors open|the windows open|the window open|the dice|dice|the dishes in the dishwasher|the clothes in|the code|a smile|a look)",
    unless: "\\b(?:by accident|accidentally|dropped|slipped|the kids|the toddler|the baby|my son|my daughter|the dog|the cat|the puppy|the wind|the storm|hail|the movers|the cleaner|earthquake|in the game|the game|video game|my phone broke|screen broke|old phone|new phone|spring cleaning|decluttering|declutter|demolition|renovat\\w*|remodel\\w*|tore down the wallpaper|wallpaper|smash burger|smashed potatoes|smash the garlic|smashed avocado|smash the|crushed it|killed it|break dance|breakdance|broke even|broke up|broke down crying|broke down in tears|broke the news|heart broke|broke my heart|broke my trust|threw away|threw out|threw up|threw a party|threw me a)\\b" },

  /* ── screaming, cursing, distress (low) ── */
  { concept: "distress", severity: "low", lang: "en", subject: true,
    reason: "Screaming or cursing at the writer, or walking on eggshells (HITS 'scream')",
    pattern: "(?:@(screams|screamed|screaming|scream|yells|yelled|yelling|yell|shouts|shouted|shouting|shout|curses|cursed|cursing|swears|swore|swearing|cusses|cussed|cussing|raged|rages|raging|snaps|snapped|snapping|barks|barked|hollers|hollered|hollering|roars|roared|blew up|blows up|blowing up|went off|goes off|going off|lashes out|lashed out|lashing out) ~1(?:at|on|in front of) (?:me|us|the kids|my|our)|@(slams|slammed|slamming) ~1(?:the |my |every )?(?:door|doors|cupboards|cabinets|fist|fists)|@(lost|loses|losing|lose) (?:his|her|their) (?:temper|shit|mind|cool)|@(rage|rages|temper|temper tantrums|outbursts|outburst|explosive|volatile|explodes|exploded|exploding|meltdown|meltdowns|fits of rage|angry outbursts|drunk|drinking again|mean drunk|angry drunk)(?! (?:room|yoga|class|kitchen|of the game|cookie|cookies|cake|chocolate|cocoa)))",
    unless: "\\b(?:the movie|the show|the game|the concert|the referee|the tv|the screen|with joy|with laughter|with excitement|in excitement|excitedly|laughing|happy|surprise|roller coaster|rollercoaster|karaoke|the kids screamed|the baby|the toddler|my son|my daughter|the dog|the cat|the neighbors|the neighbours|the boss|my boss|coworker|customer|the coach|the crowd|fans|cheering|cheered)\\b" },
  { concept: "distress", severity: "low", lang: "en",
    reason: "Distress with no act named",
    pattern: "(?:@(tense|tension|volatile|hostile|walking on|scary|frightening) ~1(?:at home|in the house|in our house|in our home|between us|around him|around her|around them|when he|when she)|@(cried|crying|sobbed|sobbing) ~1(?:all night|myself to sleep|for hours|in the bathroom|in the car|every night|every day)|@(cant|can t|cannot) (?:take|handle|stand|do) (?:it|this|this anymore|it anymore|any more|anymore)(?= |$)|@(hopeless|helpless|trapped|desperate|terrified|frightened|petrified|scared|afraid|numb)(?= |$)(?! (?:of (?:spiders|heights|the dark|flying|snakes|clowns|needles|the dentist|public speaking|losing|failing|commitment|messing up|getting|making|being)|to (?:ask|tell|admit|say|bring|try|fail|speak|share|open)|that (?:we|it|the|this|i|he|she|they) (?:will|might|would|could|wont|cant|is|are|was|were)|for (?:the|his|her|my) (?:exam|test|interview|presentation|surgery|flight|health)|(?:we|i)ll (?:be late|miss)|we might|it might|so|not|of the dark|the movie))|@(hate|hated|loathe|despise) myself)",
    unless: "\\b(?:movie|film|show|series|episode|book|novel|podcast|horror|haunted|roller coaster|rollercoaster|spider|spiders|snake|snakes|heights|flying|clown|dentist|needles|exam|test|interview|presentation|the game|match|final|playoffs|deadline|boss|work|job|traffic|weather|thunder|storm|happy tears|happy crying|tears of joy|wedding|proposal|graduation|birth|born|baby shower|cried at the|cried during|cried watching|onions|stress at work|work stress|im afraid (?:we|i|that|it|so)|i m afraid (?:we|i|that|it)|afraid not|afraid so)\\b" },

  /* ─────────────────────────── Spanish ─────────────────────────── */
  { concept: "physical_violence", severity: "high", lang: "es", imminent: true, subject: true, domain: true,
    reason: "Violencia física (pegar, golpear, empujar…)",
    pattern: "(?:me|nos|la|lo|le|les|te) ~1@(pego|pega|pegaba|pegan|pegar|pegando|pegado|pegarme|golpeo|golpea|golpeaba|golpear|golpeado|golpeando|golpearme|golpes|empujo|empuja|empujaba|empujar|empujado|empujon|empujones|cacheteo|cachetea|cacheteaba|abofeteo|abofetea|abofeteaba|pateo|patea|pateaba|patear|pateado|jalo|jala|jalaba|jaloneo|jalonea|jaloneaba|mordio|muerde|mordia|arrastro|arrastra|arrastraba|lastimo|lastima|lastimaba|lastimar|lastimado|maltrata|maltrato|maltrataba|maltratar|aventó|avento|avienta|aventaba|tiro|tira|tiraba|sacudio|sacude|sacudia|zarandeo|zarandea|agarro|agarra|agarraba|apreto|aprieta|apretaba|quemo|quema|rasguno|aruno|escupio|escupe|dio|da|daba|dieron|golpeo|reventó|revento|madreo|madrea|sono|partio|pellizco|torcio|tumbo|tumba|estrello|estrella|estampo|azoto|azota|atacó|ataco|ataca|agredio|agrede|agredia|forcejeo|lanzo|lanza)",
    after: "^ ~1(?:la gripe|el resfriado|un resfriado|el virus|el covid|el sol|un susto|la cancion|el chicle|el catarro|la flojera|el sueno|la risa|las ganas|con la cancion|de risa|la mano para saludar|un abrazo|un beso|un regalo|la noticia|una sorpresa|permiso|las gracias|consejos|la razon|de comer|un aventon|aventon|la bienvenida|un consejo|una idea|chance|tiempo|igual|risa|miedo|pena|verguenza|hambre|sed|frio|calor|flojera|sueno|gusto|lata|la lata|la tarea|clases|el dinero|dinero|la comida|de cenar|una vuelta|vuelta|un paseo|la vuelta|al clavo|la mano al saludar|la pelota|el balon)",
    unless: "\\b(?:jaja|jajaja|jeje|xd|partido|futbol|juego|pelicula|serie|cocina|receta|huevos|masa|regalo|abrazo|beso|la pelota|el balon|gripe|resfriado|chicle|cancion|sol|clavo|susto)\\b" },
  { concept: "physical_violence", severity: "high", lang: "es", imminent: true,
    reason: "Violencia física nombrada",
    pattern: "(?:me|le|nos) ~1(?:dio|da|daba|dieron|metio|mete|solto|suelta|planto) ~1(?:una |un |unas |unos |de )?@(cachetada|cachetadas|bofetada|bofetadas|patada|patadas|punetazo|punetazos|golpe|golpes|golpiza|paliza|empujon|cabezazo|trompada|trompadas|madrazo|madrazos|chingadazo|manotazo|manotazos|cachetazo|sopapo|guantazo|piña|pina|pinas|puñetazo|mordida|codazo|rodillazo|nalgada|nalgadas|zape)|@(levanto|levanta|levantaba|alzo|alza) (?:la|su) mano|@(violencia) (?:domestica|fisica|familiar|de genero|intrafamiliar)|@(moretones|moreton|moretes|morete|moratones|moraton|marcas en|ojo morado|labio roto)|@(abusa|abuso|abusaba|abusado) de mi|@(me|nos) ~1(?:hizo|hace|hacia) dano|@(me) ~1(?:tiro|tira|tumbo|tumba|aventó|avento) al (?:suelo|piso)|@(me) ~1(?:jalo|jala|agarro|agarra|jalaba) (?:del|de los|de mi) (?:pelo|cabello|brazo|brazos|cuello)",
    unless: "\\b(?:jaja|jajaja|jeje|xd|partido|futbol|pelicula|serie|golpe de suerte|golpe de calor|golpe de estado|la pelota|el balon|palabras|lo que dijo|emocional|emocionalmente|la infidelidad|me hizo dano con|me hizo dano lo que|me hizo dano que|mis papas|mi papa|mi padre|mi mama|mi madre|cuando era nina|cuando era nino|de nina|de nino|hace anos)\\b" },
  { concept: "strangulation", severity: "high", lang: "es", imminent: true,
    reason: "Estrangulamiento o asfixia",
    pattern: "(?:@(ahorco|ahorca|ahorcaba|ahorcar|ahorcarme|ahorcandome|estrangulo|estrangula|estrangulaba|estrangular|estrangularme|asfixio|asfixia|asfixiaba|asfixiar|asfixiarme|sofoco|sofoca)(?! (?:jaja|de risa))|@(apreto|aprieta|apretaba|agarro|agarra|agarraba|puso|pone|ponia|tomo|toma|presiono|presiona|apretó|apretando|agarrando) ~3(?:el |mi |la |del )?(?:cuello|garganta)|@(no podia|no puedo|no pude|casi no podia|no me dejaba) respirar|@(manos|mano|brazo|brazos) ~3(?:en|alrededor de|sobre) (?:mi |el |la )?(?:cuello|garganta))",
    unless: "\\b(?:jaja|jajaja|jeje|xd|casi lo ahorco|lo voy a ahorcar|bufanda|collar|masaje|abrazo|beso|dolor de garganta|me duele la garganta|gripe|asma|ansiedad|panico|ataque de panico|risa|correr|corriendo)\\b" },
  { concept: "weapon", severity: "high", lang: "es", imminent: true,
    reason: "Arma usada, mostrada o amenazada",
    pattern: "(?:@(saco|saca|sacaba|apunto|apunta|apuntaba|amenazo|amenaza|amenazaba|tiene|tenia|mostro|muestra|mostraba|puso|pone|ponia|agarro|agarra|agarraba|blandia|blande|guarda|guardaba|compro|cargo|carga|cargaba|limpia|limpiaba|escondio|esconde|con) ~3(?:una |un |la |el |su |sus |mi )?(?:pistola|arma|armas|cuchillo|cuchillos|navaja|machete|escopeta|rifle|revolver|fierro|cuchilla)|@(pistola|arma|cuchillo|navaja|machete|escopeta|rifle|revolver) ~3(?:en mi|a mi|contra mi|en la cabeza|en el cuello|en la mano|encima|en la mesa|en el buro|debajo de la almohada|cargada))",
    unless: "\\b(?:cocina|cocinar|cocinando|picar|picando|cebolla|cebollas|verduras|carne|pan|pastel|receta|juego|videojuego|pelicula|serie|libro|caza|cazar|jugando|juguete|pistola de agua|de juguete)\\b" },
  { concept: "threat_to_kill", severity: "high", lang: "es", imminent: true,
    reason: "Amenaza de muerte", subject: true,
    pattern: "(?:@(me|te|nos|la|lo) ~1(?:va|iba|vas|voy|van|iban) a (?:matar|ahorcar|desaparecer|enterrar|quemar|apunalar|balear|destripar|acabar)|@(matarme|matarte|mataria|matara|mataré|matare|matar)(?! (?:el tiempo|de risa|de hambre|las ganas|la curiosidad|un mosquito|la plaga|las hormigas|las cucarachas))|@(me|te) ~1(?:mata|mato)(?! (?:de risa|el calor|este calor|el trabajo|la espera|los pies|el jefe|la curiosidad|el sueno|el cansancio|la flojera|la tarea|el dolor|a besos|a besitos|de amor|con su|con sus|de ternura|de la risa))|@(amenaza|amenazo|amenazaba|amenazas|amenazar|amenazandome|amenazó) ~2(?:con |de )?~1(?:matar\\w*|muerte|hacerme dano|lastimar\\w*|pegar\\w*|golpear\\w*|quemar\\w*|desaparecer\\w*|acabar conmigo|no volver a ver)|@(me) ~1(?:amenaza|amenazo|amenazaba|amenazó)|(?:dijo|dice|jura|juro|juró|grito|gritó|escribio|mando) ~2que (?:me|te) ~1@(va|iba|iría|iria|matara|mataria|matará) (?:a )?(?:matar|muerta|muerto|desaparecer)?|@(si) (?:lo|la|te|me) (?:dejo|dejas|deja|dejara|dejaras|voy|vas) ~3(?:me |te )?(?:mata|matara|mataria|mato|matar|muerta|muerto)|@(muerta|muerto) (?:si|antes)|@(no) (?:me |te )?(?:van|iban|van a) a encontrar|@(nadie) ~2(?:encontrar|va a encontrar|encontraria) (?:tu|mi) cuerpo)",
    unless: "\\b(?:jaja|jajaja|jeje|xd|mata de risa|me mata de|me muero de|el calor me|mi jefe|la jefa|mi mama me va|mi mamá|mi papa me va|los pies|el tiempo|tiempo viendo|mosquito|cucaracha|plaga|juego|videojuego|partido|pelicula|serie|postre|se comio|se comió|broma|bromeando)\\b" },
  { concept: "sexual_violence", severity: "high", lang: "es", imminent: true,
    reason: "Violencia sexual",
    pattern: "(?:@(violo|violaba|violar|violarme|violacion|violada|violado|viola)(?! (?:la ley|el contrato|las reglas|el acuerdo|el reglamento|la orden|la norma|mi confianza))|@(obligo|obliga|obligaba|forzo|fuerza|forzaba|forzo|presiona|presiono|presionaba|obligar|obligarme|forzar|forzarme) ~1a ~1(?:tener relaciones|tener sexo|acostarme|hacer cosas|estar con el|estar con ella|tener intimidad|hacerle|intimar|sexo)|@(abuso) sexual\\w*|@(abusa|abuso|abusaba) sexualmente|@(sin) mi consentimiento|@(a la) fuerza|@(me) ~1(?:toca|toco|tocaba|manosea|manoseo|manoseaba) ~2(?:sin|aunque|cuando le digo que no|cuando le dije que no|mientras duermo|mientras dormia)|@(relaciones|sexo) ~3(?:aunque|cuando|sin que) ~2(?:no quiero|no queria|le dije que no|le digo que no|yo no queria|yo no quiero|estoy dormida|estaba dormida))" },
  { concept: "threat_to_children_pets", severity: "high", lang: "es", imminent: true,
    reason: "Amenaza o daño a los hijos o mascotas",
    pattern: "(?:@(llevarse|llevara|llevaria|quitarme|quitara|quitaria|robarse|robara|quitar|llevar|llevo|se llevo|se va a llevar|me va a quitar|me quitara) ~1(?:a )?(?:los|mis|nuestros|nuestras|las|mi|nuestro|nuestra) (?:ninos|hijos|hijas|hijo|hija|bebe|nenes|chamacos|chicos|crios|peques)|@(pateo|patea|pateaba|golpeo|golpea|golpeaba|pego|pega|pegaba|mato|lastimo|lastima|lastimaba|ahogo|tiro|avento|aventó|maltrata|maltrato|maltrataba|amenaza|amenazo|amenazaba|quemo|ahorco|envenenó|enveneno|envenenar|matar|lastimar|pegarle|hacerle dano|hacerles dano|lastimarlos|matarlos|pegarles) ~2(?:al|a la|a los|a las|a mis|a nuestro|a nuestra|a nuestros|a mi|a el|mi|el|la) ~1(?:perro|perra|gato|gata|perrito|perrita|gatito|gatita|mascota|mascotas|ninos|nino|nina|hijos|hijo|hija|hijas|bebe|nenes|chamacos|perros|gatos)|@(no) ~1(?:voy|volveria|volvere|vuelvo) a ver a (?:los|mis|nuestros) (?:ninos|hijos|hijas|nenes))",
    unless: "\\b(?:jaja|jeje|xd|juego|pelota|balon|parque|escuela|vacaciones|paseo|cine|bano|baño|dormir|abrazo)\\b" },
  { concept: "monitoring", severity: "medium", lang: "es", imminent: false,
    reason: "Vigilancia del teléfono, mensajes o ubicación",
    pattern: "(?:@(revisa|reviso|revisaba|checa|checo|checaba|chequea|mira|miraba|lee|leyo|leia|esculca|esculco|esculcaba|espia|espio|espiaba|hackeo|hackea|entra a|entro a|entraba a|controla|controlaba|vigila|vigilaba|ve|veia|rastrea|rastreo|rastreaba|revisar|revisarme) ~1(?:mi|mis|todo mi|todos mis|en mi|en mis) ~1(?:celular|telefono|movil|mensajes|correo|correos|whatsapp|redes|facebook|instagram|conversaciones|chats|llamadas|cuentas|cuenta|ubicacion|computadora|historial|fotos|contactos|bolsa|cartera)|@(me) ~1(?:rastrea|rastreo|rastreaba|vigila|vigilaba|espia|espio|espiaba|sigue|seguia|siguio|controla|controlaba|persigue|perseguia|checa) ~3(?:a todas partes|todo el tiempo|todo el dia|por el celular|con el celular|por gps|con una app|la ubicacion|donde estoy|a donde voy|adonde voy)?|@(sabe|tiene|pide|pidio|exige|exigio|quiere) ~1(?:todas )?(?:mis )?(?:contrasenas|contrasena|claves|clave|password)|@(me) ~1(?:instalo|instala|puso|pone) (?:una |un )?(?:app|aplicacion|rastreador|programa|gps|localizador)|@(compartir|comparta|comparto|mande|mandar) ~1(?:mi )?(?:ubicacion|fotos de donde)|@(llama|llamaba|marca|marcaba|escribe|escribia) ~2(?:cada|todo el|veinte|cien|mil|\\d+) ~1(?:minutos|rato|veces|hora|dia))",
    unless: "\\b(?:juntos|los dos|acordamos|acuerdo|transparencia|la tarea|el ejercicio|terapeuta)\\b" },
  { concept: "stalking", severity: "high", lang: "es", imminent: true,
    reason: "Acoso o persecución tras la separación",
    pattern: "(?:@(me) ~1(?:sigue|seguia|siguio|persigue|perseguia|persiguio|acosa|acosaba|acoso|espera|esperaba|espero|vigila|vigilaba)|@(aparece|aparecio|aparecia|llega|llego|llegaba|se presenta|se presento) ~2(?:en mi|a mi|afuera de mi|fuera de mi|donde) ~1(?:trabajo|casa|depa|departamento|escuela|oficina|vivo|trabajo)|@(afuera|fuera|frente) (?:de )?(?:mi|la) (?:casa|trabajo|depa|departamento|oficina|ventana)|@(acoso|acosa|acosaba|acosándome|acosandome))(?: ~10)? (?:desde que|nos separamos|separados|separamos|mi ex|divorcio|orden de|lo deje|la deje|me fui|me mude|terminamos|ya no estamos|ya no vivimos|cambie de numero|lo bloquee|la bloquee|numeros diferentes|otro numero|nuevos numeros)",
    unless: "\\b(?:jaja|jeje|xd|instagram|tiktok|youtube|redes|twitter)\\b" },
  { concept: "confinement", severity: "high", lang: "es", imminent: true,
    reason: "Encierro o impedimento para salir",
    pattern: "(?:@(me) ~1(?:encerro|encierra|encerraba|encerró|deja encerrada|dejo encerrada|deja encerrado|dejo encerrado|tiene encerrada|tiene encerrado|tenia encerrada|mantiene encerrada|cierra la puerta con llave)|@(no) ~1me (?:deja|dejaba|dejo|permite|permitia) ~1(?:salir|irme|ir me|escapar|dejar la casa|salir de (?:la|mi) casa|salir del cuarto)|@(bloqueo|bloquea|bloqueaba|tapo|tapa|tapaba|se puso en|se pone en|se paro en|se para en) ~1(?:la )?(?:puerta|salida)|@(me) ~1(?:quito|quita|escondio|esconde|escondia|quitaba) ~1(?:las|mis|el|mi|la|su) (?:llaves|celular|telefono|carro|coche|auto) ~3(?:para que no|y no pude|y no puedo|asi no|entonces no)|@(encerrada|encerrado) (?:en|con))",
    unless: "\\b(?:jaja|jeje|xd|gripe|enferma|enfermo|cuarentena|pandemia|lluvia|tormenta|las llaves adentro|me quede encerrada afuera|sin querer)\\b" },
  { concept: "coercive_control", severity: "medium", lang: "es",
    reason: "Control del dinero, documentos o la vida diaria",
    pattern: "(?:@(no) ~1me (?:deja|dejaba|dejo|permite|permitia) ~1(?:trabajar|ver|hablar|usar|tener|ir|visitar|estudiar|manejar|gastar|vestir|llamar|comprar|salir con|juntarme|tener amigas|tener amigos|tener dinero|tener mi|decidir|arreglarme|maquillarme|ponerme|usar el|usar mi|usar el carro|ir a ver|ir con|mandar|escribir|contestar|tener celular|tener cuenta)|@(controla|controlaba|maneja|manejaba|administra|tiene|guarda|guardaba|se queda con|se quedaba con) ~1(?:todo )?(?:el |mi |mis |nuestro |nuestra |la |todo mi )?(?:dinero|sueldo|cuenta|cuentas|tarjeta|tarjetas|gastos|gasto|plata|lana|quincena|salario|finanzas|documentos|pasaporte|papeles)|@(me) ~1(?:quito|quita|quitaba|esconde|escondio|escondia|guarda|guardo|retiene|retuvo|rompio) ~1(?:el |mi |mis |la |los |las )?(?:pasaporte|documentos|dni|identificacion|ine|tarjeta|tarjetas|dinero|sueldo|papeles|cedula|credencial|plata|lana|visa|acta|permiso)|@(me) ~1(?:aisla|aislo|aislaba|alejo|aleja|alejaba|prohibe|prohibio|prohibia|prohibio)|@(tengo|tenia|tuve) que (?:pedirle|pedir) (?:permiso|dinero)|@(no) ~1me permite|@(me) ~1(?:da|daba|dio) (?:una )?(?:mesada|semana|domingo|cantidad)|@(decide|decidia|elige|escoge) ~1(?:que me pongo|lo que me pongo|que ropa|con quien|a donde voy|que como|lo que como|que gasto))",
    unless: "\\b(?:mi jefe|la jefa|el doctor|la doctora|mi mama|mi papa|la escuela|el trabajo|jaja|jeje|lluvia|gripe|enferma|pandemia)\\b" },
  { concept: "jealousy", severity: "medium", lang: "es",
    reason: "Celos usados para controlar",
    pattern: "(?:@(me) ~1(?:cela|celaba|acusa|acuso|acusaba) ~3(?:de (?:enganar\\w*|ser infiel|tener otro|tener otra|tener un amante|serle infiel|andar con|coquetear|ponerle el cuerno|ponerle los cuernos)|con (?:todos|todo el mundo|cualquiera|mis companeros|mi jefe))?|@(celos|celoso|celosa|celosisimo) ~8(?:no me deja|se enoja|se pone como loco|se pone como loca|me revisa|si hablo|cuando hablo|cualquier hombre|cualquier mujer|me grita|me insulta|furioso|furiosa|explota|rompe|todo el tiempo|controla|controla todo|a todos))" },
  { concept: "fear_of_partner", severity: "medium", lang: "es", negatable: true, imminent: true,
    reason: "Miedo a la pareja",
    pattern: "(?:(?:le|les) @(tengo|tenia) (?:mucho )?miedo|@(tengo|tenia|siento|me da|me daba|le tengo) (?:mucho |tanto )?(?:miedo|panico|terror) (?:de|a|por|que) (?:el|ella|mi esposo|mi marido|mi esposa|mi pareja|mi novio|mi novia|mi ex|lo que (?:me )?(?:pueda|puede|podria|vaya a|va a) hacer|volver|regresar|ir a casa|llegar a casa|que llegue|que se enoje|que me (?:pegue|haga|lastime|grite))|@(me) ~1(?:da|daba|dan) (?:mucho )?miedo (?:el|ella|mi esposo|mi marido|mi pareja|mi novio|cuando|que)|@(miedo) (?:de|a) que (?:el|ella)? ?me (?:mate|pegue|haga|lastime|golpee|quite|encuentre)|@(aterrada|aterrado|asustada|asustado) (?:de|por|con) (?:el|ella|mi \\w+|lo que)|@(caminar|camino|caminando) (?:sobre|en) (?:cascaras|cascarones) de huevo)",
    unless: "\\b(?:aranas|arañas|alturas|oscuridad|pelicula|serie|examen|entrevista|perderlo|perderla|que me deje|que me enganen|volar|avion|jaja|jeje)\\b" },
  { concept: "fear_of_partner", severity: "high", lang: "es", negatable: true, imminent: true,
    reason: "Miedo por su vida",
    pattern: "(?:@(temo|temia|tengo miedo|miedo|temer|temiendo) ~1por mi vida|(?:creo|pienso|pense|crei|siento|sentia|senti) que ~1@(me va a matar|me iba a matar|me puede matar|me podria matar|me mata|me mataria|voy a morir|iba a morir|me muero))",
    unless: "\\b(?:jaja|jeje|xd|de risa|de hambre|de sueno|de ganas|el calor|mi jefe|mi mama)\\b" },
  { concept: "not_safe", severity: "high", lang: "es", imminent: true,
    reason: "Dice que no se siente segura en casa",
    pattern: "(?:@(no) (?:me )?(?:siento|sentia|senti|estoy|estaba) ~1(?:segura|seguro|a salvo|tranquila en casa) (?:en (?:casa|mi casa|la casa)|con (?:el|ella|mi \\w+)|aqui|ya)?(?=$| |\\n)(?! (?:de (?:que|si|lo)|si ))|@(insegura|inseguro) (?:en (?:casa|mi casa)|con (?:el|ella)))",
    unless: "\\b(?:de que|de si|de lo que|manejando|en la calle|en el barrio|de noche sola|al hablar|al contar|emocionalmente|en terapia)\\b" },
  { concept: "not_safe", severity: "medium", lang: "es",
    reason: "No sabe si está segura",
    pattern: "@(no se|no estoy segura|no estoy seguro|no sé) (?:si )?(?:estoy|estamos|estan|estaran|voy a estar|este) ~1(?:segura|seguro|seguros|a salvo|bien en casa)" },
  { concept: "partner_suicide_threat", severity: "high", lang: "es", imminent: true,
    reason: "La pareja amenaza con suicidarse",
    pattern: "(?:@(dice|dijo|amenaza|amenazo|amenazaba|jura|juro|grita|grito|escribio|manda|mando|decia) ~2(?:que )?(?:con )?(?:se va a|va a|se iba a|iba a|se|si lo dejo se|si la dejo se|si me voy se)? ?~1(?:matar|suicidar|quitar la vida|matarse|suicidarse|quitarse la vida|tirarse|colgarse|aventarse|cortarse|tomarse (?:las|todas las) pastillas|hacer una locura|hacerse dano)|@(se va a|se iba a|se puede|se podria) ~1(?:matar|suicidar|quitar la vida|tirar|colgar|aventar|hacer dano)|@(si) (?:lo|la|me) (?:dejo|voy|dejara|fuera) ~3(?:se mata|se suicida|se quita la vida|se tira|se cuelga|se avienta|se hace dano|se muere))" },
  { concept: "suicide", severity: "medium", lang: "es", negatable: true,
    reason: "Deseo pasivo de morir (C-SSRS 1)",
    pattern: "(?:@(quisiera|quiero|ojala|ojalá|desearia|deseo|me gustaria) ~1(?:no despertar|no despertarme|no volver a despertar|desaparecer|no existir|estar muerta|estar muerto|dormir y no despertar|dormirme y no despertar|no estar aqui|no haber nacido|irme para siempre|que todo se acabe|que todo termine|no (?:me )?despierte|no despertara|no despertase)|@(estarian|estaria|estarán|estarian mejor|estarian todos|estaria mejor|estarían) ~2mejor sin mi|@(no) le (?:encuentro|veo|hallo) ~1sentido a (?:la vida|nada|vivir|seguir)|@(cansada|cansado|harta|harto) de (?:vivir|la vida|existir|todo y de vivir)|@(para que) (?:seguir|vivir|sigo)|@(no vale la pena) (?:vivir|seguir)|@(mejor) (?:muerta|muerto|me muero|desaparezco))",
    unless: "\\b(?:desaparecer (?:el|un|una|este|todo el) (?:fin|finde|semana|dia|rato)|de vacaciones|del trabajo|de las redes|jaja|jeje|xd)\\b" },
  { concept: "suicide", severity: "high", lang: "es", negatable: true,
    reason: "Pensamientos suicidas activos (C-SSRS 2)",
    pattern: "(?:@(quiero|quisiera|me quiero|ganas de|pienso en|pensando en|he pensado en|pense en|pienso|pense|penso|he pensado|tengo ganas de|se me ocurre|me dan ganas de|deseo) ~1(?:morir|morirme|suicidarme|matarme|quitarme la vida|acabar con (?:todo|mi vida)|no estar|desaparecer para siempre|terminar con (?:todo|mi vida)|dejar de vivir|en la muerte|la muerte|en morir)(?! (?:de risa|de hambre|de sueno|de ganas|de frio|de calor|de verguenza|de la verguenza|de amor|de pena|de envidia|de aburrimiento|por ver|por ir))|@(suicidio|suicida|suicidarme|suicidar|suicidarse|suicidé|suicide)|@(ya no quiero|no quiero|no quisiera) ~1(?:vivir|seguir viviendo|estar aqui|seguir aqui|existir|despertar)|@(intente|intenté|trate|traté|intento|intentó) ~1(?:matarme|suicidarme|quitarme la vida)|@(me tome|me tomé|tome|tomé) ~2(?:todas las|un monton de|muchas|un frasco de|una caja de) ~1(?:pastillas|pildoras|medicinas|tabletas))",
    unless: "\\b(?:jaja|jeje|xd|de risa|de hambre|de sueno|de ganas|de verguenza|de la verguenza|me muero de|muero por|me quiero morir de|prevencion|pelicula|serie|escuadron)\\b" },
  { concept: "suicide", severity: "imminent", lang: "es",
    reason: "Plan, método o preparación (C-SSRS 3–6)",
    pattern: "(?:@(ya tengo|tengo|junte|junté|guarde|guardé|compre|compré|consegui|conseguí|ahorrando|juntando|guardando|acumulando|acumule|acumulé) ~2(?:las |unas |suficientes |todas las |mis )?(?:pastillas|pildoras|la cuerda|una cuerda|la soga|una soga|el arma|un arma|la pistola|una pistola|veneno|navajas)(?: ~4)?(?: (?:para|listas|lista|listo|esta noche|hoy|manana|y|guardadas|escondidas))?|@(lo voy a hacer|me voy a matar|me voy a suicidar|me voy a quitar la vida|voy a acabar con todo|voy a terminar con todo|me voy a tirar|me voy a colgar|me voy a aventar) ~3(?:esta noche|hoy|manana|el viernes|el sabado|el domingo|el lunes|este fin|ya|pronto|cuando|si)?|@(carta|cartas) de despedida|@(tengo todo|ya tengo todo|ya esta todo) (?:listo|planeado|preparado|decidido)|@(ya lo tengo|lo tengo|ya tengo) (?:planeado|decidido|pensado como)|@(se que|sé que|ya se|ya sé) ~1(?:puente|edificio|como lo voy a hacer|como hacerlo|cuantas pastillas)|@(cuantas) pastillas ~3(?:necesito|se necesitan|hacen falta|para morir|para no despertar|son suficientes)|@(regalando|regale|regalé) (?:mis|todas mis) cosas)" },
  { concept: "self_harm", severity: "high", lang: "es", negatable: true, imminent: true,
    reason: "Autolesiones",
    pattern: "(?:@(me) ~1(?:corte|corté|corto|cortaba|hice cortes|hago cortes|quemo|queme|quemé|quemaba|hago dano|hice dano|lastimo|lastime|lastimé|lastimaba|rasguno|rasguñé|rasguñe|araño|arañé|pego|pegué|pegue|golpeo|golpeé|golpee|muerdo|mordí|castigo) ~2(?:a mi misma|a mi mismo|los brazos|las piernas|las munecas|el brazo|la pierna|la muneca|la cabeza contra|el cuerpo|otra vez|de nuevo|a proposito|adrede|hasta sangrar|con una navaja|con la navaja|con un cuchillo|con vidrio|con un vidrio|con el encendedor|con cigarro|para sentir|por las noches|en el bano|donde nadie)|@(cortarme|lastimarme|hacerme dano|quemarme|autolesion|autolesiones|autolesionarme|autolesionado|autolesionada|autolesionando|autolastimarme)|@(cortes) en (?:los brazos|las piernas|mis brazos|mis piernas|las munecas)|@(volvi|volví|recai|recaí|volvere) (?:a )?(?:cortarme|hacerme dano|lastimarme|quemarme|las autolesiones))",
    unless: "\\b(?:cocinando|cocina|picando|pelando|afeitando|sin querer|por accidente|accidentalmente|con la plancha|con el horno|con la estufa|con el sarten|me corte el pelo|me corté el pelo|me corte el cabello|me corto el pelo|flequillo|las unas|las uñas|jaja)\\b" },
  { concept: "verbal_abuse", severity: "medium", lang: "es",
    reason: "Insultos y humillación",
    pattern: "(?:@(me) ~1(?:insulta|insulto|insultaba|humilla|humillo|humillaba|denigra|denigro|menosprecia|menospreciaba|ridiculiza|ridiculizaba|desprecia|despreciaba|minimiza|trata como basura|trata mal|trato mal|trataba mal)|@(me) ~1(?:dice|dijo|decia|llama|llamo|llamaba|grita|grito|gritaba) ~2(?:que soy |que estoy )?(?:una |un |bien )?(?:{INSULT}|nadie|nada|una mierda|mala madre|mal padre)|@(nadie) (?:mas |más )?(?:me )?(?:va a querer|querria|va a aguantar|me va a querer|me querria)|@(violencia) (?:psicologica|verbal|emocional|economica)|@(maltrato) (?:psicologico|verbal|emocional))",
    unless: "\\b(?:jaja|jeje|xd|broma|bromeando|de cariño|de carino|apodo|juego)\\b" },
  { concept: "property_violence", severity: "medium", lang: "es", imminent: true,
    reason: "Rompe o avienta cosas",
    pattern: "@(rompio|rompe|rompia|quebro|quiebra|quebraba|destrozo|destroza|destrozaba|tiro|tira|tiraba|avento|aventó|avienta|aventaba|estrello|estrella|estrellaba|golpeo|golpea|golpeaba|pateo|patea|pateaba|azoto|azota|azotaba|lanzo|lanza|lanzaba) ~2(?:mi |el |la |los |las |un |una |unos |unas |sus |mis |todo |todas |todos )?(?:celular|telefono|puerta|puertas|plato|platos|espejo|tele|television|vasos|vaso|cosas|pared|paredes|ventana|ventanas|muebles|silla|sillas|mesa|laptop|computadora|lampara|cuadros|ropa|trastes|loza|movil|regalo|regalos)",
    unless: "\\b(?:sin querer|por accidente|accidentalmente|se le cayo|se cayo|los ninos|el nino|la nina|el perro|el gato|el viento|jaja|la basura|a la basura|tiro la basura|tira la basura)\\b" },
  { concept: "distress", severity: "low", lang: "es",
    reason: "Gritos o angustia sin un acto nombrado",
    pattern: "(?:@(me) ~1(?:grita|grito|gritaba|gritó|insulta|maldice|regana|regaña|regano)|@(gritos|groserias|peleas fuertes) ~2(?:en casa|todos los dias|todo el tiempo|a diario)|@(explota|exploto|estalla|estallo) (?:por todo|por nada|de rabia|con cualquier cosa)|@(tengo) miedo(?= |$)|@(llore|lloré|llorando|lloro) (?:toda la noche|todas las noches|todo el dia))",
    unless: "\\b(?:jaja|jeje|xd|pelicula|partido|concierto|de alegria|de felicidad|de emocion|aranas|alturas|oscuridad|examen|entrevista)\\b" },
];

/* ─── Compile ──────────────────────────────────────────────────────────────────────────── */

/** The sentence-level regexes share the pattern language's gap: ~N = up to N words, each with its space. */
function optional(src: string | undefined, flags = ""): RegExp | undefined {
  return src ? new RegExp(src.replace(/~(\d)/g, (_m, n: string) => `(?:[^ \\n]+ ){0,${n}}`), flags) : undefined;
}

export const RULES: Rule[] = RULE_SPECS.map((spec, i) => {
  const { re, anchors } = compile(spec.pattern, MACROS);
  return {
    ...spec,
    id: `${spec.lang}-${spec.concept}-${i}`,
    re,
    anchors,
    unlessRe: optional(spec.unless),
    afterRe: optional(spec.after),
    beforeRe: optional(spec.before),
    contextRe: optional(spec.context),
  };
});

/** Imminence: a time, a presence or a means at hand, in the same sentence or the next/previous one. */
export const IMMINENT_RE = compile("{!IMMINENT}", MACROS).re;
export const IMMINENT_TIME_RE = new RegExp(`${compile("{!IMMINENT_TIME}", MACROS).re.source}|(?<![^ \\n])(?:hes|shes|theyre|he is|she is|they are|its|it is|im|i am|i m|were|we are) (?:[^ \\n]+ ){0,5}now(?![^ \\n])|(?<![^ \\n])(?:\\d+|ten|five|twenty|thirty|few|fifteen) (?:minutes|mins|min)(?! ago)(?![^ \\n])`, "g");
export const PAST_TIME_RE = compile("{!PAST_TIME}", MACROS).re;
export const SUICIDE_MEANS_RE = compile("{!MEANS}", MACROS).re;
export const SEPARATION_RE = compile("{!SEPARATION}", MACROS).re;
export const FAMILY_SET = new Set(FAMILY);
