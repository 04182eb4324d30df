// English red-flag patterns. Also applied to every ad in another language, since ads mix
// languages ("Telegram", "KK Park", "USD 1500" in a Chinese or Indonesian ad).
import type { LanguagePatterns } from './catalogue.ts';

const APPS =
  '(?:telegram|whats ?app|we ?chat|line(?: app)?|viber|signal(?: app)?|skype|kakao ?talk|yahoo messenger|imo)';
const HANDLE = String.raw`(?:@\w{3,}(?:\.\w+)*|\+?\d[\d\s-]{6,}\d)`;
const LANGS =
  '(?:english|chinese|mandarin|cantonese|japanese|korean|thai|vietnamese|indonesian|malay|spanish|portuguese|russian|arabic|turkish|french|german|italian)';

export const en: LanguagePatterns = {
  language: 'en',
  boundary: 'word',
  flags: {
    high_pay: {
      patterns: [
        'high(?:ly)?[- ]pa(?:id|ying)',
        'high (?:salary|salaries|income|wages?|commissions?)',
        'earn big',
        'big money',
        'easy money',
        'huge (?:income|salary|commissions?)',
        'six[- ]figures?(?: (?:salary|income))?',
        'earn as much as you (?:can|want|like)',
        'unlimited (?:income|earnings?|earning potential)',
        'get rich',
      ],
    },
    risky_destination: {
      patterns: [
        'cambodia',
        'phnom penh',
        '(?:preah )?sihanouk ?ville',
        'poipet',
        'bavet',
        'koh kong',
        'myanmar',
        'burma',
        'myawaddy',
        'shwe ?kokko',
        'kk park',
        'tachileik',
        'golden triangle',
        'laos',
        'lao pdr',
        'bokeo',
        'mae sot',
        'thai[- ](?:myanmar|burma|cambodia|cambodian|lao) border',
        'philippines',
        'manila',
        'pampanga',
        'dubai',
      ],
    },
    messaging_only: {
      patterns: [
        String.raw`${APPS}\s*(?:id|number|no\.?|handle|contact)?\s*[:：]?\s*${HANDLE}`,
        String.raw`(?:contact|message|text|chat with|reach|add|apply|dm|pm|send)(?: us| me| hr| our hr| the recruiter)?(?: only)? (?:on|via|through|at|in|by)\s+${APPS}(?:\s*(?:id|number|nomor|n[uú]mero|al|ke)?\s*[:：]?\s*${HANDLE})?`,
        `(?:only|just) (?:on|via|through|by) ${APPS}`,
        String.raw`TG\s*[:：]\s*@?\w{3,}`,
        String.raw`t\.me/\w+`,
        String.raw`wa\.me/\d+`,
      ],
    },
    scam_role: {
      patterns: [
        'customer (?:service|support)(?! (?:experience|background|skills?|related|industry))',
        'typists?',
        'typing (?:jobs?|work|positions?)',
        'data entry(?! (?:experience|skills?))',
        'online (?:marketing|sales|customer service|chat)(?! (?:experience|skills?))',
        '(?:live )?chat (?:support|agents?|operators?|moderators?|specialists?)',
        'game (?:testers?|operators?|agents?|promoters?)',
        'online (?:gaming|casino|games?)',
        'crypto(?:currency)? (?:trad(?:er|ers|ing)|sales|agents?|investments?|projects?)',
        'telemarket(?:ing|ers?)',
      ],
    },
    no_experience: {
      patterns: [
        'no (?:prior |previous |any |work |relevant )*experience(?: (?:is )?(?:needed|required|necessary))?',
        '(?:without|zero) experience',
        'experience (?:is )?not (?:required|necessary|needed)',
        'no (?:special )?(?:skills?|qualifications?|degree)(?: (?:is |are )?(?:needed|required|necessary))',
        "(?:do not|don'?t) need any (?:special )?(?:skills?|experience|qualifications?)",
        '(?:fresh graduates?|freshers|beginners?|inexperienced)(?: (?:are )?welcome)',
        'anyone can (?:apply|do (?:it|this))',
      ],
    },
    costs_paid: {
      patterns: [
        '(?:free|paid|provided|covered|included) (?:air ?fares?|flights?|air ?tickets?|plane tickets?|visas?|accommodations?|housing|lodging|dormitory|food and (?:accommodation|lodging))',
        '(?:air ?fares?|flights?|air ?tickets?|plane tickets?|visas?(?: fees?)?|work permits?|accommodations?|housing|lodging|dormitory|board and lodging|food and (?:accommodation|lodging))(?: (?:is|are|will be))? (?:provided|paid|covered|included|free|reimbursed)',
        '(?:company|employer|we) (?:will )?(?:pays?|covers?|shoulders?|provides?) (?:for )?(?:your |the |all )?(?:air ?fares?|flights?|air ?tickets?|tickets?|visas?|accommodations?|travel(?: costs| expenses)?)',
        'all expenses paid',
      ],
      negatable: true,
    },
    urgency: {
      patterns: [
        'urgent(?:ly)? (?:hiring|needed|required|recruitment|recruiting|vacanc(?:y|ies)|openings?|jobs?|positions?)',
        'hiring urgently',
        'immediate departure',
        String.raw`(?:depart|fly|leave|travel)(?:ing)? (?:immediately|asap|this week|next week|tomorrow|within \d+ days)`,
        String.raw`(?:only|just) \d+ (?:positions?|slots?|places?|seats?|vacanc(?:y|ies)|openings?)(?: (?:left|remaining|available|at the moment))?`,
        'limited (?:slots?|places?|seats?|positions?|vacancies)',
        "(?:don[’']?t|don t|do not) (?:let this opportunity pass|miss (?:this|out))",
        'get started right now',
        '(?:apply|act|register) (?:right )?now before',
        'first come,? first served',
        '(?:positions?|slots?|places?) (?:are )?(?:filling|going) fast',
        '(?:hurry|act fast|act now)',
        String.raw`(?:apply|respond|reply) within \d+ (?:hours?|days?)`,
      ],
      supporting: [
        'apply (?:now|today)',
        'asap',
        'start (?:immediately|right away|right now)',
        'immediate (?:start|opening|hire|hiring)',
        'urgent',
      ],
    },
    tourist_visa: {
      patterns: [
        'tourist visas?',
        'visit(?:or)? visas?',
        'visa on arrival',
        '(?:travel|go|fly|enter) (?:on|with) (?:a )?(?:tourist|visit|holiday) (?:visa|pass)',
      ],
      negatable: true,
    },
    age_limit: {
      patterns: [
        String.raw`(?:aged?|ages?|between the ages of)\s*[:：]?\s*(?:between\s*)?\d{2}\s*(?:-|–|to|and|~)\s*\d{2}(?:\s*(?:years?(?: old)?|y\.?o\.?))?`,
        String.raw`\d{2}\s*(?:-|–|to)\s*\d{2}\s*(?:years? old|y\.?o|yrs old)`,
        String.raw`(?:under|below|not (?:older|more) than|no older than|maximum age(?: of)?|max(?:imum)? age|age limit)\s*[:：]?\s*\d{2}(?:\s*(?:years?(?: old)?|y\.?o\.?))?`,
      ],
    },
    language_typing: {
      patterns: [
        'typing speed',
        String.raw`\d{2,3}\s*(?:wpm|words per minute)`,
        '(?:fast|good|quick) typ(?:ing|ist)(?: skills?)?',
        `(?:fluent|good|basic|proficient|excellent|native)(?: in)? ${LANGS}(?: (?:skills?|speaker))?`,
        `${LANGS} (?:speaking|speakers?|proficiency|fluency|is a must|required)`,
        `(?:speak|write|read)s? ${LANGS}`,
        'bilingual|multilingual',
      ],
    },
    documents_or_fees: {
      patterns: [
        "(?:copy|copies|scan(?:ned)?|photo(?:copy)?|picture|image) (?:of )?(?:your |the |required )*(?:passport|id|identity card|national id|driver'?s licen[cs]e|birth certificate|certificates?|diplomas?|id documents?)",
        '(?:passport|id card|identity card|national id)(?: (?:copy|copies|scan|photo|number|details|data))',
        '(?:send|submit|provide|forward|give|surrender|hand over)(?: us| me)? (?:your )?(?:passport|id card|identity card|bank (?:account|details)|social security number|ssn)',
        '(?:must have|need|provide|send|submit|forward|give us|share)(?: a| an| your)? (?:paypal|bank|cash ?app|crypto) account',
        '(?:social security|national insurance) number|date of birth|marital status|visa status',
        '(?:registration|processing|application|training|placement|recruitment|agency|admin(?:istrative)?|uniform|equipment|starter kit|start-?up|service|deployment|medical check)(?: fees?| charges?| costs?)',
        '(?:pay|deposit|transfer)(?: a| an| the)? (?:fee|deposit)',
        'refundable deposit',
      ],
      negatable: true,
    },
    vague_company: {
      patterns: [
        'an? (?:reputable|reputed|well[- ]known|famous|big|large|leading|established|international|multinational|trusted|reliable|top) (?:company|firm|employer|corporation|group)',
        'confidential (?:client|company|employer)',
        '(?:company|employer)(?: name)? (?:is |will be )?(?:confidential|disclosed (?:later|at (?:the )?interview|upon))',
      ],
    },
  },
  negations: [
    'no',
    'not',
    'never',
    'zero',
    'without',
    'free',
    'nor',
    "don't",
    'do not',
    "won't",
    "doesn't",
    'neither',
    'waived',
  ],
  pay: {
    currencies: [
      [String.raw`US\$|USD\$?|USDT|U\.S\. dollars?|dollars?`, 'USD'],
      [String.raw`S\$|SGD`, 'SGD'],
      [String.raw`HK\$|HKD`, 'HKD'],
      [String.raw`\$`, 'USD'],
      ['€|EUR|euros?', 'EUR'],
      ['£|GBP|pounds?', 'GBP'],
      ['AED|dirhams?', 'AED'],
      [String.raw`Rp\.?|IDR|rupiah`, 'IDR'],
      ['RM|MYR|ringgit', 'MYR'],
      ['₱|PHP|pesos?', 'PHP'],
      ['฿|THB|baht', 'THB'],
      ['RMB|CNY|yuan|¥', 'CNY'],
      ['VND|dong', 'VND'],
    ],
    multipliers: [
      ['k', 1e3],
      ['thousand', 1e3],
      ['million|mil', 1e6],
    ],
    periods: [
      [String.raw`(?:per|an|a|each|/)\s*(?:hour|hr)|hourly|/h`, 'hour'],
      [String.raw`(?:per|a|each|/)\s*day|daily`, 'day'],
      [String.raw`(?:per|a|each|/)\s*(?:week|wk)|weekly`, 'week'],
      [String.raw`(?:per|a|each|/)\s*(?:month|mo|mth)|monthly|p\.m\.`, 'month'],
      [String.raw`(?:per|a|each|/)\s*(?:year|yr|annum)|yearly|annually|annual|p\.a\.`, 'year'],
    ],
    payWords: [
      ['monthly (?:salary|pay|income|wage)', 'month'],
      ['(?:annual|yearly) (?:salary|pay|income)', 'year'],
      ['hourly (?:rate|pay|wage)', 'hour'],
      ['salary|pay|wages?|income|earn(?:ings)?|compensation', null],
    ],
    defaultCurrency: 'USD',
    thousands: 'both',
  },
  companyNames: [
    // "Focus Lab, LLC", "Geotechnology, Inc.", "Security Management Group International"
    String.raw`[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&'-]*(?:\s+(?:[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&'-]*|of|and|for|the|&)){0,5},?\s+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|Company|[Gg]roup|GmbH|PLC|Pty|Pte|Sdn\.? Bhd|Bhd|LLP|S\.A|Enterprises?|Solutions|International|Holdings|Partners|Associates|Foundation|Institute|University|Hospital|Bank)(?![A-Za-z\u00C0-\u024F])(?!\s+[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF])`,
    // "Covestor is seeking", "WAHVE is extending": a proper name opening a sentence about itself
    String.raw`\b(?!(?:The|This|That|These|It|We|Our|Your|Company|Position|Job|Candidate|Applicant|He|She|You|They|There|Here|What|Who|Which|Each|Every|All|Salary|Pay|Training|Experience|Work|Role|Everyone|Anyone|One|Team|People|To|A|An)\b)[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&-]+(?:\s+[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&-]+){0,3}(?<!\b(?:This|That|It|There|Here|What|Which|These|Those|Company|Position|Job|Role|Salary|Pay|Training|Experience|Work|Team|People|Everyone))\s+(?:is|are|has|was)\s+(?:a|an|one|part|the|seeking|hiring|looking|currently|extending|offering|recruiting|committed|proud|headquartered|based|located)(?![A-Za-z\u00C0-\u024F])`,
    String.raw`(?:[Cc]ompany|[Bb]usiness|[Rr]egistration|[Rr]eg\.|[Ll]icen[cs]e)\s+(?:[Rr]egistration\s+)?(?:[Nn]o\.?|[Nn]umber|#)\s*[:：]?\s*[A-Z0-9][A-Z0-9-]{3,}`,
  ],
  skilled: [
    String.raw`\d+\+?\s*(?:years?|yrs)(?: of)?(?: \S+){0,4} experience`,
    'experience (?:is )?required',
    'experienced',
    "(?:bachelor|master)'?s?(?: degree)?|degree in",
    'certif(?:ied|ication)|licen[cs]ed',
    'senior|director|manager|engineer|specialist|professional',
  ],
  unskilledMonthlyUsd: 2500,
};
