/**
 * Word lists the concept patterns are built from (normalised form: lower case, no accents, no
 * apostrophes — "didn't" is "didnt", "he'll" is "hell"). Verbs list every form a partner may
 * write, regular and irregular ("beat, beats, beating, beaten"; "throw, threw, thrown").
 */

/** Every regular form of a verb: hit → hit, hits, hitting, hitted; slap → slapped; choke → choked, choking. */
export function forms(base: string, ...irregular: string[]): string[] {
  const out = new Set([base, ...irregular]);
  const ends = (s: string) => base.endsWith(s);
  out.add(/(s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`);
  if (ends("e")) {
    out.add(`${base}d`);
    out.add(`${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    out.add(`${base.slice(0, -1)}ied`);
    out.add(`${base}ing`);
  } else if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(base)) {
    const last = base[base.length - 1];
    out.add(`${base}${last}ed`);
    out.add(`${base}${last}ing`);
    out.add(`${base}ed`);
    out.add(`${base}ing`);
  } else {
    out.add(`${base}ed`);
    out.add(`${base}ing`);
  }
  return [...out];
}

export const verbs = (...groups: string[][]) => groups.flat();

/** The partner, named by role. "my" (or "the") comes before these in the patterns. */
export const PARTNER_NOUNS = [
  "husband", "hubby", "wife", "wifey", "partner", "spouse", "boyfriend", "bf", "girlfriend", "gf", "fiance", "fiancee",
  "man", "woman", "ex", "exhusband", "exwife", "bae", "boo", "so", "babydaddy", "hubbie", "other half",
  "ex husband", "ex wife", "ex boyfriend", "ex girlfriend", "ex partner",
];
/** Subject pronouns and contractions for the partner (he'll → "hell", she'll → "shell", they'll → "theyll"). */
export const PARTNER_PRONOUNS = ["he", "she", "they", "hes", "shes", "theyre", "theyve", "theyd", "theyll", "hed", "hell", "shell", "shed", "partnername"];

export const BODY = [
  "face", "head", "arm", "arms", "back", "stomach", "belly", "chest", "leg", "legs", "ribs", "rib", "side", "jaw", "mouth", "lip", "lips",
  "nose", "eye", "eyes", "ear", "ears", "cheek", "shoulder", "shoulders", "wrist", "wrists", "hair", "body", "neck", "throat",
  "knee", "thigh", "thighs", "hip", "butt", "ass", "skull", "teeth", "tooth", "ponytail", "temple", "forehead", "breast", "breasts",
];
export const NECK = ["neck", "throat", "windpipe", "airway", "cuello", "garganta"];
export const KIDS = [
  "kids", "kid", "children", "child", "son", "sons", "daughter", "daughters", "baby", "babies", "toddler", "boy", "boys", "girl", "girls",
  "stepson", "stepdaughter", "little one", "little ones", "infant", "newborn",
];
export const PETS = ["dog", "dogs", "cat", "cats", "puppy", "kitten", "kittens", "pet", "pets", "bird", "parrot", "hamster", "rabbit", "bunny", "horse", "pup", "doggo", "kitty"];
export const PROPERTY = [
  "wall", "walls", "door", "doors", "plate", "plates", "phone", "tv", "television", "glass", "glasses", "mirror", "dishes", "dish",
  "things", "stuff", "furniture", "chair", "chairs", "table", "window", "windows", "laptop", "computer", "hole", "holes", "cup", "cups",
  "mug", "mugs", "vase", "lamp", "picture", "pictures", "frame", "frames", "windshield", "guitar", "cabinet", "cupboard", "fridge",
  "belongings", "clothes", "steering wheel", "dashboard", "remote", "bottle", "bottles", "bowl", "bowls", "keyboard", "ipad", "tablet", "drywall", "headboard", "dresser",
];
export const WEAPONS = [
  "gun", "guns", "handgun", "handguns", "pistol", "pistols", "rifle", "rifles", "shotgun", "shotguns", "firearm", "firearms", "revolver",
  "glock", "knife", "knives", "blade", "blades", "machete", "weapon", "weapons", "crossbow", "taser", "boxcutter", "box cutter",
  "baseball bat", "crowbar", "hammer", "axe", "scissors", "broken bottle", "switchblade", "pocketknife", "pocket knife",
  "pistola", "arma", "armas", "cuchillo", "cuchillos", "navaja", "escopeta", "revolver", "fierro",
];
export const INSULTS = [
  "worthless", "stupid", "idiot", "whore", "slut", "bitch", "fat", "ugly", "useless", "pathetic", "crazy", "psycho", "retard", "retarded",
  "loser", "failure", "cunt", "dumb", "disgusting", "pig", "cow", "trash", "garbage", "nothing", "nobody", "hoe", "skank", "bitches",
  "moron", "imbecile", "freak", "insane", "unlovable", "unfit", "bad mother", "bad father", "terrible mother", "piece of shit", "piece of trash",
  "puta", "inutil", "estupida", "estupido", "gorda", "loca", "basura", "pendeja", "pendejo", "idiota", "zorra", "perra", "fea", "nadie", "nada",
];
/** Things (not people) that do the "killing", "hitting" in idioms: "the heat is killing me", "it hit me". */
export const THING_SUBJECTS = [
  "meme", "memes", "video", "videos", "tiktok", "reel", "post", "clip", "it", "its", "this", "that", "thats", "work", "job", "news", "life", "reality", "traffic", "commute", "deadline", "deadlines",
  "heat", "sun", "cold", "flu", "game", "match", "movie", "film", "show", "series", "episode", "book", "song", "joke", "week", "day",
  "weather", "stress", "anxiety", "exhaustion", "thought", "realization", "realisation", "wave", "ball", "car", "door", "cupboard",
  "cabinet", "shelf", "branch", "truth", "suspense", "boredom", "workout", "run", "hike", "class", "meeting", "meetings", "exam",
  "test", "bill", "bills", "price", "prices", "rent", "feet", "foot", "back", "knees", "hangover", "allergies", "pollen", "cramps",
  "homework", "schedule", "workload", "mortgage", "debt", "pressure", "collar", "scarf", "smoke", "fumes", "semester", "spreadsheet", "taxes", "laundry", "project", "ending", "finale", "scene", "podcast", "album",
  "music", "beat", "bass", "wind", "rain", "storm", "humidity", "nostalgia", "guilt", "grief", "sadness", "memory", "memories", "idea",
  "coffee", "wine", "tequila", "shot", "shots", "spice", "pepper", "curry", "hot sauce", "line", "question", "lyrics", "price tag",
  "bus", "truck", "bike", "branch", "wave", "puck", "bat", "racket", "shuttlecock", "frisbee", "pillow", "snowball", "volleyball", "football", "baseball", "basketball", "softball", "dodgeball",
  "calor", "trabajo", "pies", "espera", "risa", "gripe", "sol", "tarea", "frio", "hambre", "sueno", "cansancio", "chiste", "examen", "cena", "pelicula", "serie", "musica", "cancion", "clase", "dia", "semana", "trafico", "tiempo",
  "jokes", "ending", "throat", "youre", "nothing", "none", "jet", "lag",
  "you", "u", "ya", "we", "everyone", "everybody", "lol", "haha",
];
/** People who are not the partner: their acts are not this relationship's (a third party's, or a story). */
export const THIRD_PARTIES = [
  "friend", "friends", "sister", "coworker", "coworkers", "colleague", "colleagues", "boss", "manager", "neighbor", "neighbour", "neighbors",
  "neighbours", "coach", "teacher", "trainer", "student", "kid", "kids", "son", "daughter", "baby", "toddler", "dog", "cat", "puppy",
  "character", "characters", "villain", "killer", "guy", "actor", "actress", "team", "player", "players", "opponent", "opponents", "referee",
  "ref", "cop", "doctor", "nurse", "therapist", "stranger", "cousin", "niece", "nephew", "aunt", "grandma", "grandmother", "toddlers", "twins",
  "teammate", "teammates", "bestie", "roommate", "client", "clients", "customer", "customers", "patient", "patients", "students", "instructor",
  "goalie", "pitcher", "boxer", "fighter", "sparring", "partner in class", "protagonist", "hero", "narrator", "author", "detective",
  "jefe", "jefa", "amiga", "amigo", "hermana", "vecino", "vecina", "perro", "gato", "nino", "nina", "hijo", "hija", "sobrino", "sobrina",
];
/** Parents and family of origin: their violence is history to note (low), not this relationship's. */
export const FAMILY = [
  "dad", "father", "mom", "mum", "mother", "stepdad", "stepfather", "stepmom", "stepmother", "parents", "uncle", "grandpa",
  "grandfather", "brother", "stepbrother", "papa", "padre", "mama", "madre", "padrastro", "madrastra", "tio", "abuelo", "daddy", "mommy",
];
/** Words skipped when looking back for who did it ("he FINALLY hit me", "she HAS ALWAYS hit me"). */
export const SUBJECT_SKIP = [
  "also", "then", "and", "just", "finally", "even", "always", "never", "once", "again", "literally", "actually", "really", "basically",
  "totally", "almost", "nearly", "kinda", "sort", "kind", "of", "has", "had", "have", "did", "would", "will", "ll", "d", "could", "can",
  "might", "may", "must", "should", "kept", "keeps", "keep", "started", "starts", "start", "tried", "tries", "try", "to", "is", "was", "were",
  "are", "be", "been", "being", "got", "gets", "get", "used", "sometimes", "often", "usually", "still", "ever", "not", "didnt", "doesnt",
  "dont", "wont", "wouldnt", "cant", "couldnt", "hasnt", "havent", "all", "so", "very", "like", "going", "want", "wants", "wanted",
  "threatened", "threatens", "said", "says", "told", "tells", "swore", "swears", "the", "a", "an", "who", "that", "which", "when", "if",
  "until", "while", "after", "before", "because", "but", "or", "yesterday", "today", "tonight", "last", "night", "week", "again", "anyway",
  "physically", "hard", "badly", "repeatedly", "suddenly", "seriously", "purposely", "deliberately", "angrily", "drunk", "violently",
  "que", "y", "me", "le", "lo", "la", "se", "ya", "otra", "vez", "siempre", "nunca", "ayer", "anoche", "hoy", "tambien", "casi", "va", "a",
  "iba", "dijo", "dice", "quiere", "queria", "amenazo", "amenaza", "no",
];

/** The sentence talks about sport, games, media, cooking: violent verbs there are usually not violence. */
export const DOMAIN_WORDS = [
  // games
  "game", "games", "gaming", "chess", "scrabble", "monopoly", "poker", "uno", "catan", "mario", "kart", "fortnite", "minecraft",
  "zelda", "tekken", "fifa", "madden", "halo", "overwatch", "valorant", "xbox", "playstation", "ps5", "nintendo", "console",
  "boardgame", "trivia", "jeopardy", "wordle", "crossword", "mahjong", "dominoes", "checkers", "diplomacy", "pictionary", "charades",
  "darts", "billiards", "bowling", "arcade", "videogame", "multiplayer", "npc", "headshot", "headshots", "respawn", "paintball", "airsoft",
  "nerf", "squirt", "duty", "warzone", "apex", "pubg", "sus", "cluedo", "clue", "rummy", "tickle", "snowball", "dodgeball", "pillow", "cards", "tournament", "laser", "racing", "boxer", "climbing",
  // sport
  "softball", "baseball", "basketball", "football", "soccer", "rugby", "hockey", "tennis", "golf", "volleyball", "boxing", "kickboxing",
  "mma", "karate", "judo", "jiujitsu", "bjj", "wrestling", "sparring", "spar", "dojo", "gym", "workout", "marathon", "league", "referee",
  "inning", "innings", "playoffs", "fencing", "archery", "hunting", "skeet", "pickleball", "badminton", "squash", "cricket", "lacrosse",
  "ufc", "homerun", "touchdown", "opponent", "scrimmage", "rec league", "pickup game",
  // media
  "movie", "movies", "film", "films", "episode", "episodes", "novel", "podcast", "documentary", "netflix", "hbo", "character", "characters",
  "villain", "scene", "trailer", "thriller", "horror", "truecrime", "detective", "actor", "actress", "audiobook", "anime", "manga", "comic",
  "musical", "opera", "theater", "theatre", "cinema", "sitcom", "lyrics", "album", "book", "books", "series", "show", "tv",
  // cooking
  "eggs", "dough", "cream", "garlic", "onion", "onions", "recipe", "cooking", "baking", "knead", "whisk", "flour", "marinade", "chopping",
  "dicing", "veggies", "vegetables", "chef", "meringue", "pancake", "pancakes", "schnitzel", "cutlets",
  // work and fun
  "deadline", "deadlines", "presentation", "spreadsheet", "karaoke", "standup", "comedy", "improv",
  // accidents
  "accidentally", "accidental", "by accident",
  // spanish
  "partido", "juego", "pelicula", "serie", "receta", "huevos", "futbol", "jaja", "jajaja", "jeje", "xd",
];

/** Within a few words of a violent word, these mean it was a story, play, cooking or an accident. */
export const PAST_MARKERS = [
  "years ago", "year ago", "used to", "when i was", "growing up", "as a kid", "as a child", "as a teen", "as a teenager", "childhood",
  "first husband", "first wife", "first marriage", "previous relationship", "previous partner", "former partner", "before i met",
  "back then", "in my twenties", "in college", "in high school", "long ago", "long time ago", "decade ago", "decades ago", "when we were kids",
  "hace anos", "cuando era nina", "cuando era nino", "de nina", "de nino", "mi infancia", "mi primer esposo", "mi exesposo",
];
