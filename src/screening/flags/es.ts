// Spanish red-flag patterns. Pay norm: Mexico's minimum wage in 2024 (MXN 248.93 a day, about
// MXN 7,500 or USD 415 a month); a bare "$" or "pesos" is read as Mexican pesos.
import type { LanguagePatterns } from './catalogue.ts';

const APPS = '(?:telegram|whats ?app|wasap|we ?chat|line|signal|viber|skype)';
const HANDLE = String.raw`(?:@\w{3,}(?:\.\w+)*|\+?\d[\d\s-]{6,}\d)`;
const LANGS =
  '(?:ingl[eé]s|chino|mandar[ií]n|japon[eé]s|coreano|tailand[eé]s|vietnamita|portugu[eé]s|ruso|[aá]rabe)';

export const es: LanguagePatterns = {
  language: 'es',
  boundary: 'word',
  flags: {
    high_pay: {
      patterns: [
        '(?:sueldos?|salarios?|pagos?|ingresos?|ganancias?) (?:muy )?(?:altos?|elevados?)',
        '(?:altos?|grandes|elevados?) (?:sueldos?|salarios?|ingresos|ganancias)',
        'dinero (?:f[aá]cil|r[aá]pido)',
        'ganancias ilimitadas',
        'gana(?:r)? (?:mucho|miles de) (?:dinero|d[oó]lares)',
      ],
    },
    risky_destination: {
      patterns: [
        'camboya',
        'nom pen|phnom penh',
        '(?:preah )?sihanouk ?ville',
        'poipet',
        'bavet',
        'myanmar|birmania',
        'myawaddy',
        'shwe ?kokko',
        'kk park',
        'tri[aá]ngulo de oro',
        'laos',
        'mae sot',
        'frontera (?:de tailandia|tailandesa|entre tailandia y (?:myanmar|birmania|camboya))',
        'filipinas',
        'manila',
        'pampanga',
        'dub[aá]i',
      ],
    },
    messaging_only: {
      patterns: [
        String.raw`${APPS}\s*(?:id|n[uú]mero|no\.?)?\s*[:：]?\s*${HANDLE}`,
        String.raw`(?:contacta(?:r|nos)?|escr[ií]be(?:nos|me)?|env[ií]a(?:nos|me)?|comun[ií]cate|agr[eé]ga(?:nos|me)|m[aá]nda(?:nos|me)|informes)(?: un mensaje)?(?: solo| solamente| [uú]nicamente)? (?:por|a|al|v[ií]a|en) ${APPS}(?:\s*(?:id|number|nomor|n[uú]mero|al|ke)?\s*[:：]?\s*${HANDLE})?`,
        `(?:solo|solamente|[uú]nicamente) (?:por|v[ií]a) ${APPS}`,
      ],
    },
    scam_role: {
      patterns: [
        '(?<!experiencia(?: previa| comprobable| m[ií]nima)? (?:en|de) )(?:atenci[oó]n|servicio) al cliente',
        'digitador(?:a|es)?|digitaci[oó]n|captura de datos|entrada de datos|mecan[oó]graf[oa]s?',
        '(?:marketing|ventas|mercadeo) (?:online|en l[ií]nea)',
        '(?:operador(?:a)?|moderador(?:a)?|agentes?) de chat|chat (?:en vivo|online)',
        '(?:juegos|casinos?|apuestas) (?:online|en l[ií]nea)',
        'criptomonedas?|cripto(?:activos)?',
        'telemarketing|teleoperador(?:a|es)?',
      ],
    },
    no_experience: {
      patterns: [
        'sin experiencia(?: previa)?(?: necesaria)?',
        'no (?:se )?(?:requiere|necesita|es necesaria|pedimos)(?: de)? experiencia',
        'experiencia no (?:necesaria|requerida|indispensable)',
        'no importa (?:la )?experiencia',
        'no se requieren? (?:estudios|t[ií]tulos?)',
      ],
    },
    costs_paid: {
      patterns: [
        '(?:boletos?(?: de avi[oó]n)?|pasajes?(?: a[eé]reos?)?|vuelos?|billetes? de avi[oó]n|visas?|alojamiento|hospedaje|vivienda|comida y alojamiento)(?: y (?:visa|alojamiento|hospedaje|comida))? (?:pagad[oa]s?|incluid[oa]s?|gratis|cubiert[oa]s?)(?: por la empresa)?',
        '(?:la empresa|el empleador) (?:paga|cubre)(?: (?:el|los|la|las|tu|su|sus))? (?:boletos?|pasajes?|vuelos?|visas?|alojamiento|hospedaje|viajes?)',
        'todos los gastos pagados',
      ],
      negatable: true,
    },
    urgency: {
      patterns: [
        'urgente(?:mente)?',
        'salida inmediata',
        'viaj(?:e|ar|a|amos) (?:inmediatamente|de inmediato|la pr[oó]xima semana|esta semana|ma[nñ]ana)',
        String.raw`(?:solo|solamente|[uú]nicamente) (?:quedan )?\d+ (?:plazas|vacantes|cupos|lugares|puestos)`,
        '(?:cupos|plazas|vacantes|lugares) limitad[oa]s',
        'no (?:pierdas|dejes pasar) esta oportunidad',
      ],
      supporting: [
        'incorporaci[oó]n inmediata',
        'inicio inmediato',
        'aplica (?:ya|ahora|hoy)',
        'de inmediato',
      ],
    },
    tourist_visa: {
      patterns: [
        'visas? de (?:turista|turismo|visitante|visita)',
        '(?:viajar|entrar|ir|viajas) (?:con|como) (?:visa de )?turista',
      ],
      negatable: true,
    },
    age_limit: {
      patterns: [
        String.raw`(?:edad|entre)(?: de)?\s*[:：]?\s*(?:entre\s*)?\d{2}\s*(?:-|–|a|y)\s*\d{2}(?: años)?`,
        String.raw`\d{2}\s*(?:-|–|a)\s*\d{2} años`,
        String.raw`(?:edad m[aá]xima|m[aá]ximo|menores? de|no mayor(?:es)? de)\s*(?:de\s*)?\d{2} años`,
      ],
    },
    language_typing: {
      patterns: [
        `(?:dominio|nivel)(?: de(?:l)?)? ${LANGS}(?: (?:avanzado|intermedio|fluido|nativo))?`,
        `${LANGS} (?:avanzado|fluido|intermedio|nativo|conversacional|indispensable|obligatorio)`,
        `habl(?:ar|e|a) ${LANGS}`,
        'biling[uü]e',
        'velocidad de (?:escritura|mecanograf[ií]a|tipeo|digitaci[oó]n)',
        String.raw`\d{2,3}\s*(?:ppm|palabras por minuto)`,
      ],
    },
    documents_or_fees: {
      patterns: [
        '(?:copia|foto|fotocopia|escaneo|scan)s? (?:de(?:l)? )?(?:tu |su )?(?:pasaporte|dni|c[eé]dula|ine|identificaci[oó]n|documento de identidad|acta de nacimiento|certificados?)',
        '(?:env[ií]a|enviar|mandar|manda|entregar|entrega)(?:nos)? (?:tu |su |el )?(?:pasaporte|dni|c[eé]dula|ine|datos bancarios|n[uú]mero de cuenta)',
        'datos bancarios|n[uú]mero de cuenta|cuenta bancaria',
        '(?:cuota|pago|costo|tarifa|cargo) (?:de )?(?:inscripci[oó]n|registro|tr[aá]mites?|capacitaci[oó]n|colocaci[oó]n|reclutamiento|agencia|gesti[oó]n|examen m[eé]dico)',
        '(?:pagar|depositar|transferir) (?:una |la |un )?(?:cuota|tarifa|anticipo|dep[oó]sito)',
        'dep[oó]sito reembolsable',
      ],
      negatable: true,
    },
    vague_company: {
      patterns: [
        '(?:empresa|compa[nñ][ií]a|firma) (?:muy )?(?:reconocida|prestigiosa|de prestigio|muy conocida|confidencial|internacional|multinacional)',
        '(?:importante|reconocida|prestigiosa|gran) (?:empresa|compa[nñ][ií]a)',
        '(?:nombre de la )?empresa se (?:revelar[aá]|dar[aá] a conocer)',
      ],
    },
  },
  negations: ['no', 'sin', 'nunca', 'cero', 'gratis', 'ni', 'tampoco', 'jam[aá]s', 'ning[uú]n'],
  pay: {
    currencies: [
      [String.raw`US\$|USD|d[oó]lares(?: estadounidenses| americanos)?`, 'USD'],
      ['MXN|pesos mexicanos', 'MXN'],
      ['COP|pesos colombianos', 'COP'],
      ['€|EUR|euros?', 'EUR'],
      [String.raw`S/\.?|soles|PEN`, 'PEN'],
      [String.raw`\$|pesos`, 'MXN'],
    ],
    multipliers: [
      ['mil', 1e3],
      ['k', 1e3],
      ['millones|mill[oó]n|mdp', 1e6],
    ],
    periods: [
      [String.raw`(?:por|la|a la|/)\s*hora`, 'hour'],
      [String.raw`(?:por|al|/)\s*d[ií]a|diarios?`, 'day'],
      [String.raw`(?:por|a la|/)\s*semana|semanal(?:es)?`, 'week'],
      [String.raw`(?:por|al|/)\s*mes|mensual(?:es)?`, 'month'],
      [String.raw`(?:por|al|/)\s*a[nñ]o|anual(?:es)?`, 'year'],
    ],
    payWords: [
      ['(?:sueldo|salario) mensual', 'month'],
      ['sueldo|salario|pago|ingresos?|ganancias?|gana(?:r|s)?', null],
    ],
    defaultCurrency: 'MXN',
    thousands: 'both',
  },
  companyNames: [
    String.raw`[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&'-]*(?:\s+(?:[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9&'-]*|de|del|y|&)){0,5},?\s+(?:S\.?\s?A\.?(?:\s+de\s+C\.?\s?V\.?)?|S\.?\s?L\.?|S\.?A\.?S\.?|S\. de R\.L\.|Ltda\.?|SpA|S\.R\.L\.)(?![A-Za-z\u00C0-\u024F])`,
    String.raw`(?:RFC|NIT|RUC|CIF|NIF|RUT)\s*[:：]?\s*[A-Z0-9][A-Z0-9.-]{5,}`,
  ],
  skilled: [
    String.raw`\d+ a[nñ]os de experiencia`,
    'experiencia (?:m[ií]nima|comprobable)',
    'licenciatura|t[ií]tulo universitario',
    'ingenier[oa]|gerente|director(?:a)?|especialista',
  ],
  unskilledMonthlyUsd: 415,
};
